package dev.strata.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** An installed npm package: {@code node_modules/[@scope/]name/package.json} with name and version. */
public final class NpmParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NpmParser() {}

    /** The package, or null when the manifest has no name or version (e.g. a private workspace root). */
    public static Package parse(String sourcePath, byte[] bytes) throws PackageDatabaseException {
        JsonNode n;
        try {
            n = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new PackageDatabaseException(sourcePath + ": not valid JSON (" + firstLine(e.getMessage()) + ")", e);
        }
        if (n == null || !n.path("name").isTextual() || !n.path("version").isTextual()) {
            return null;
        }
        String name = n.get("name").asText();
        String version = n.get("version").asText();
        if (name.isBlank() || version.isBlank()) {
            return null;
        }
        String namespace = null;
        String bare = name;
        if (name.startsWith("@") && name.indexOf('/') > 1) {
            namespace = name.substring(0, name.indexOf('/'));
            bare = name.substring(name.indexOf('/') + 1);
        }
        return new Package(Ecosystem.NPM, name, version, null, Purl.of("npm", namespace, bare, version, Map.of()), sourcePath, -1, List.of());
    }

    private static String firstLine(String m) {
        return m == null ? "unknown error" : m.lines().findFirst().orElse(m);
    }
}
