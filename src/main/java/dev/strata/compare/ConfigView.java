package dev.strata.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads an image config (OCI or Docker format) the way a comparison needs it: a canonical form for
 * the bitwise check, and the runtime fields for the functional one. Docker-format configs carry
 * extra fields with empty values (Hostname, AttachStdin…) that the OCI format has no room for;
 * only fields both formats can express are kept, and empty values count as absent, so the same
 * image exported as docker-archive and as OCI compares equal.
 */
final class ConfigView {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Runtime config keys, as in the OCI image spec, plus Docker's Healthcheck, Shell and OnBuild. */
    private static final List<String> RUNTIME_KEYS = List.of(
            "User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Volumes", "WorkingDir", "Labels", "StopSignal", "ArgsEscaped",
            "Healthcheck", "Shell", "OnBuild");

    private ConfigView() {}

    /** The fields that define the image, with sorted keys and empty values removed. */
    static JsonNode canonical(JsonNode config) {
        ObjectNode out = F.objectNode();
        if (config == null || !config.isObject()) {
            return out;
        }
        for (String k : List.of("architecture", "os", "variant", "os.version", "os.features", "created", "author")) {
            putIfPresent(out, k, config.get(k));
        }
        JsonNode runtime = config.get("config");
        if (runtime != null && runtime.isObject()) {
            ObjectNode r = F.objectNode();
            for (String k : RUNTIME_KEYS) {
                putIfPresent(r, k, runtime.get(k));
            }
            putIfPresent(out, "config", r);
        }
        JsonNode rootfs = config.get("rootfs");
        if (rootfs != null) {
            ObjectNode r = F.objectNode();
            putIfPresent(r, "type", rootfs.get("type"));
            putIfPresent(r, "diff_ids", rootfs.get("diff_ids"));
            putIfPresent(out, "rootfs", r);
        }
        ArrayNode history = F.arrayNode();
        for (JsonNode h : config.path("history")) {
            ObjectNode e = F.objectNode();
            for (String k : List.of("created", "created_by", "author", "comment")) {
                putIfPresent(e, k, h.get(k));
            }
            if (h.path("empty_layer").asBoolean(false)) {
                e.put("empty_layer", true);
            }
            history.add(e);
        }
        putIfPresent(out, "history", history);
        return sorted(out);
    }

    private static void putIfPresent(ObjectNode out, String key, JsonNode value) {
        if (!isEmpty(value)) {
            out.set(key, value);
        }
    }

    static boolean isEmpty(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() || (v.isTextual() && v.asText().isEmpty())
                || (v.isBoolean() && !v.asBoolean()) || (v.isContainerNode() && v.isEmpty());
    }

    /** A deep copy with object keys sorted and empty values removed. */
    static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            TreeMap<String, JsonNode> m = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!isEmpty(e.getValue())) {
                    m.put(e.getKey(), sorted(e.getValue()));
                }
            }
            ObjectNode o = F.objectNode();
            m.forEach(o::set);
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = F.arrayNode();
            n.forEach(x -> a.add(sorted(x)));
            return a;
        }
        return n;
    }

    /** "os/arch[/variant]" from the config. */
    static String platform(JsonNode config) {
        if (config == null) {
            return null;
        }
        String os = config.path("os").asText("");
        String arch = config.path("architecture").asText("");
        String variant = config.path("variant").asText("");
        return os + "/" + arch + (variant.isEmpty() ? "" : "/" + variant);
    }

    /** Every runtime difference; volatile labels go to {@code noise} instead. */
    static List<ConfigChange> runtimeChanges(JsonNode a, JsonNode b, NoiseRules rules, List<NoiseHit> noise) {
        List<ConfigChange> out = new ArrayList<>();
        JsonNode ra = a == null ? F.objectNode() : a.path("config");
        JsonNode rb = b == null ? F.objectNode() : b.path("config");
        String pa = platform(a);
        String pb = platform(b);
        if (pa != null && !pa.equals(pb)) {
            out.add(new ConfigChange("platform", null, TextNode.valueOf(pa), pb == null ? null : TextNode.valueOf(pb)));
        }
        mapField(out, "env", env(ra.get("Env")), env(rb.get("Env")), null, null);
        wholeField(out, "entrypoint", ra.get("Entrypoint"), rb.get("Entrypoint"));
        wholeField(out, "cmd", ra.get("Cmd"), rb.get("Cmd"));
        wholeField(out, "user", ra.get("User"), rb.get("User"));
        wholeField(out, "workdir", ra.get("WorkingDir"), rb.get("WorkingDir"));
        setField(out, "exposed-ports", ra.get("ExposedPorts"), rb.get("ExposedPorts"));
        setField(out, "volumes", ra.get("Volumes"), rb.get("Volumes"));
        wholeField(out, "stop-signal", ra.get("StopSignal"), rb.get("StopSignal"));
        wholeField(out, "healthcheck", ra.get("Healthcheck"), rb.get("Healthcheck"));
        wholeField(out, "shell", ra.get("Shell"), rb.get("Shell"));
        wholeField(out, "onbuild", ra.get("OnBuild"), rb.get("OnBuild"));
        mapField(out, "labels", labels(ra.get("Labels")), labels(rb.get("Labels")), rules, noise);
        return out;
    }

    private static void wholeField(List<ConfigChange> out, String field, JsonNode a, JsonNode b) {
        JsonNode x = isEmpty(a) ? null : sorted(a);
        JsonNode y = isEmpty(b) ? null : sorted(b);
        if (x == null ? y != null : !x.equals(y)) {
            out.add(new ConfigChange(field, null, x, y));
        }
    }

    private static void setField(List<ConfigChange> out, String field, JsonNode a, JsonNode b) {
        TreeSet<String> x = keys(a);
        TreeSet<String> y = keys(b);
        TreeSet<String> all = new TreeSet<>(x);
        all.addAll(y);
        for (String k : all) {
            if (x.contains(k) != y.contains(k)) {
                out.add(new ConfigChange(field, k, x.contains(k) ? TextNode.valueOf(k) : null, y.contains(k) ? TextNode.valueOf(k) : null));
            }
        }
    }

    private static TreeSet<String> keys(JsonNode n) {
        TreeSet<String> out = new TreeSet<>();
        if (n != null && n.isObject()) {
            n.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    private static void mapField(List<ConfigChange> out, String field, TreeMap<String, String> a, TreeMap<String, String> b,
            NoiseRules rules, List<NoiseHit> noise) {
        TreeSet<String> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        for (String k : all) {
            String x = a.get(k);
            String y = b.get(k);
            if (x == null ? y == null : x.equals(y)) {
                continue;
            }
            if (rules != null) {
                var rule = rules.labelRule(k);
                if (rule.isPresent()) {
                    noise.add(new NoiseHit("label:" + k, x == null ? "added" : y == null ? "removed" : "changed", rule.get()));
                    continue;
                }
            }
            out.add(new ConfigChange(field, k, x == null ? null : TextNode.valueOf(x), y == null ? null : TextNode.valueOf(y)));
        }
    }

    private static TreeMap<String, String> env(JsonNode n) {
        TreeMap<String, String> m = new TreeMap<>();
        if (n != null && n.isArray()) {
            for (JsonNode e : n) {
                String s = e.asText();
                int eq = s.indexOf('=');
                m.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return m;
    }

    private static TreeMap<String, String> labels(JsonNode n) {
        TreeMap<String, String> m = new TreeMap<>();
        if (n != null && n.isObject()) {
            n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        }
        return m;
    }
}
