package dev.strata.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The hash Pipenv records in {@code Pipfile.lock} {@code _meta.hash.sha256}: SHA-256 of the
 * Pipfile's parsed content as {@code json.dumps(data, sort_keys=True, separators=(",", ":"))}
 * where data is {@code {"_meta": {"sources": [...], "requires": {...}}, "default": packages,
 * "develop": dev-packages, <other package categories>}}. Pipenv versions differ in one detail
 * (recent ones normalise package names per PEP 503, older ones keep them as written; a missing
 * {@code [[source]]} becomes the default PyPI source), so {@link #candidates} returns every
 * variant and a lock matches when its hash is any of them.
 */
final class PipfileHash {

    private static final Set<String> NON_PACKAGE_SECTIONS = Set.of("source", "packages", "dev-packages", "requires",
            "scripts", "pipfile", "pipenv", "default", "develop");

    private PipfileHash() {}

    static List<String> candidates(JsonNode pipfile) {
        List<String> out = new ArrayList<>();
        for (boolean canonical : new boolean[] {false, true}) {
            String hash = compute(pipfile, canonical);
            if (!out.contains(hash)) {
                out.add(hash);
            }
        }
        return out;
    }

    static String compute(JsonNode pipfile, boolean canonicalNames) {
        Map<String, Object> data = new TreeMap<>();
        Map<String, Object> meta = new TreeMap<>();
        JsonNode source = pipfile.get("source");
        meta.put("sources", source != null ? source : defaultSource());
        JsonNode requires = pipfile.get("requires");
        meta.put("requires", requires != null ? requires : new TreeMap<String, Object>());
        data.put("_meta", meta);
        data.put("default", section(pipfile.get("packages"), canonicalNames));
        data.put("develop", section(pipfile.get("dev-packages"), canonicalNames));
        Iterator<Map.Entry<String, JsonNode>> it = pipfile.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!NON_PACKAGE_SECTIONS.contains(e.getKey())) {
                data.put(e.getKey(), section(e.getValue(), canonicalNames));
            }
        }
        return sha256(PythonJson.compact(data));
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static Object defaultSource() {
        Map<String, Object> pypi = new TreeMap<>();
        pypi.put("name", "pypi");
        pypi.put("url", "https://pypi.org/simple");
        pypi.put("verify_ssl", Boolean.TRUE);
        return List.of(pypi);
    }

    private static Object section(JsonNode node, boolean canonical) {
        if (node == null || !node.isObject()) {
            return node == null ? new TreeMap<String, Object>() : node;
        }
        Map<String, Object> out = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(canonical ? Requirement.normalize(e.getKey()) : e.getKey(), e.getValue());
        }
        return out;
    }
}
