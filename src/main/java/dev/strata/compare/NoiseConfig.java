package dev.strata.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * User noise rules from {@code .strata.yaml}:
 *
 * <pre>
 * compare:
 *   noise:
 *     - path: /opt/app/build-info.txt
 *       reason: records the build host and time
 * </pre>
 *
 * Other top-level sections belong to other commands and are left alone; inside {@code compare}
 * every key is checked, so a misspelt rule is an error rather than silently ignored.
 */
public final class NoiseConfig {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> COMPARE_KEYS = Set.of("noise");
    private static final Set<String> RULE_KEYS = Set.of("path", "reason", "label");

    private NoiseConfig() {}

    /** The noise rules a configuration file adds; empty when it has no compare section. */
    public static List<NoiseRule> load(Path file) throws NoiseConfigException {
        JsonNode root;
        try {
            String text = Files.readString(file);
            root = text.isBlank() ? null : YAML.readTree(text);
        } catch (IOException e) {
            throw new NoiseConfigException(file + ": cannot read: " + firstLine(e.getMessage()));
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return List.of();
        }
        if (!root.isObject()) {
            throw new NoiseConfigException(file + ": expected a mapping at the top level");
        }
        JsonNode compare = root.get("compare");
        if (compare == null || compare.isNull()) {
            return List.of();
        }
        if (!compare.isObject()) {
            throw new NoiseConfigException(file + ": compare: expected a mapping");
        }
        for (Iterator<String> it = compare.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!COMPARE_KEYS.contains(k)) {
                throw new NoiseConfigException(file + ": compare." + k + ": unknown key (expected: noise)");
            }
        }
        JsonNode noise = compare.get("noise");
        if (noise == null || noise.isNull()) {
            return List.of();
        }
        if (!noise.isArray()) {
            throw new NoiseConfigException(file + ": compare.noise: expected a list of {path, reason}");
        }
        List<NoiseRule> out = new ArrayList<>();
        int i = 0;
        for (JsonNode r : noise) {
            String where = file + ": compare.noise[" + i++ + "]";
            if (!r.isObject()) {
                throw new NoiseConfigException(where + ": expected {path, reason}");
            }
            for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!RULE_KEYS.contains(k)) {
                    throw new NoiseConfigException(where + "." + k + ": unknown key (expected: path or label, and reason)");
                }
            }
            String path = text(r, "path");
            String label = text(r, "label");
            String reason = text(r, "reason");
            if ((path == null) == (label == null)) {
                throw new NoiseConfigException(where + ": give exactly one of path or label");
            }
            if (reason == null || reason.isBlank()) {
                throw new NoiseConfigException(where + ": a reason is required (say why this difference does not matter)");
            }
            if (path != null && !path.startsWith("/") && !path.startsWith("*")) {
                throw new NoiseConfigException(where + ".path: must be absolute (\"/var/log/x.log\") or start with \"*\" (\"*.log\")");
            }
            NoiseRule.Target target = path != null ? NoiseRule.Target.PATH : NoiseRule.Target.LABEL;
            out.add(new NoiseRule(target, path != null ? path : label, reason.trim(), file.getFileName().toString()));
        }
        return out;
    }

    private static String text(JsonNode n, String k) {
        JsonNode v = n.get(k);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String firstLine(String m) {
        return m == null ? "unknown error" : m.lines().findFirst().orElse(m);
    }
}
