package dev.strata.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * conda's per-package records {@code <prefix>/conda-meta/<name>-<version>-<build>.json}: name,
 * version, build, channel, subdir and {@code files} relative to the environment prefix.
 */
public final class CondaParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CondaParser() {}

    public static Package parse(String sourcePath, byte[] bytes) throws PackageDatabaseException {
        JsonNode n;
        try {
            n = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new PackageDatabaseException(sourcePath + ": not valid JSON (" + firstLine(e.getMessage()) + ")", e);
        }
        if (n == null || !n.isObject() || !n.path("name").isTextual() || !n.path("version").isTextual()) {
            return null;
        }
        String name = n.get("name").asText();
        String version = n.get("version").asText();
        String subdir = text(n, "subdir");
        String prefix = PathNames.parent(PathNames.parent(sourcePath));
        List<String> files = new ArrayList<>();
        for (JsonNode f : n.path("files")) {
            if (f.isTextual() && !f.asText().isEmpty()) {
                files.add(PathNames.resolve(prefix, f.asText()));
            }
        }
        Map<String, String> q = new LinkedHashMap<>();
        q.put("build", text(n, "build"));
        q.put("channel", channelName(text(n, "channel")));
        q.put("subdir", subdir);
        return new Package(Ecosystem.CONDA, name, version, subdir, Purl.of("conda", null, name, version, q), sourcePath, -1,
                files.stream().sorted().distinct().toList());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    /** "https://conda.anaconda.org/conda-forge/linux-64" and "conda-forge" both name conda-forge. */
    static String channelName(String channel) {
        if (channel == null) {
            return null;
        }
        String c = channel;
        for (String subdir : List.of("/noarch", "/linux-64", "/linux-aarch64", "/osx-64", "/osx-arm64", "/win-64")) {
            if (c.endsWith(subdir)) {
                c = c.substring(0, c.length() - subdir.length());
            }
        }
        int slash = c.lastIndexOf('/');
        return slash >= 0 ? c.substring(slash + 1) : c;
    }

    private static String firstLine(String m) {
        return m == null ? "unknown error" : m.lines().findFirst().orElse(m);
    }
}
