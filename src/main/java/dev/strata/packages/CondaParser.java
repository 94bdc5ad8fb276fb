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

    /**
     * The URL of the channel subdirectory a conda-meta record's package came from (the directory
     * holding that subdir's {@code repodata.json}), e.g.
     * {@code https://conda.anaconda.org/conda-forge/linux-64}; null when the record names no
     * channel, or it is not valid JSON. A channel recorded by name only is on anaconda.org
     * ({@code pkgs/…} on repo.anaconda.com), as conda's defaults resolve it.
     */
    public static String channelSubdirUrl(byte[] condaMetaJson) {
        JsonNode n;
        try {
            n = JSON.readTree(condaMetaJson);
        } catch (IOException e) {
            return null;
        }
        if (n == null || !n.isObject()) {
            return null;
        }
        String channel = text(n, "channel");
        String subdir = text(n, "subdir");
        if (channel == null || channel.isBlank()) {
            return null;
        }
        String c = channel.strip();
        while (c.endsWith("/")) {
            c = c.substring(0, c.length() - 1);
        }
        if (!c.contains("://")) {
            c = (c.startsWith("pkgs/") ? "https://repo.anaconda.com/" : "https://conda.anaconda.org/") + c;
        }
        if (subdir == null || subdir.isBlank()) {
            return KNOWN_SUBDIR.matcher(c).find() ? c : null;
        }
        if (c.endsWith("/" + subdir)) {
            return c;
        }
        return c + "/" + subdir;
    }

    private static final java.util.regex.Pattern KNOWN_SUBDIR =
            java.util.regex.Pattern.compile("/(noarch|(linux|osx|win)-[a-z0-9_]+)$");

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
