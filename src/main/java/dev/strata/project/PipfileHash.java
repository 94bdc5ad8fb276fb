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
        StringBuilder json = new StringBuilder();
        Map<String, Object> data = new TreeMap<>();
        Map<String, Object> meta = new TreeMap<>();
        JsonNode source = pipfile.get("source");
        meta.put("sources", source != null ? source : defaultSource());
        JsonNode requires = pipfile.get("requires");
        meta.put("requires", requires != null ? requires : new TreeMap<String, Object>());
        data.put("_meta", meta);
        data.put("default", section(pipfile.get("packages"), canonicalNames));
        data.put("develop", section(pipfile.get("dev-packages"), canonicalNames));
        Iterator<Map.Entry<String, JsonNode>> it = pipfile.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!NON_PACKAGE_SECTIONS.contains(e.getKey())) {
                data.put(e.getKey(), section(e.getValue(), canonicalNames));
            }
        }
        write(json, data);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.toString().getBytes(StandardCharsets.UTF_8));
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
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(canonical ? Requirement.normalize(e.getKey()) : e.getKey(), e.getValue());
        }
        return out;
    }

    /** Python's json.dumps with sort_keys, compact separators and ensure_ascii. */
    private static void write(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, e.getKey());
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof JsonNode node) {
            node(out, node);
        } else if (value == null) {
            out.append("null");
        } else {
            string(out, value.toString());
        }
    }

    private static void node(StringBuilder out, JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, Object> map = new TreeMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
            write(out, map);
        } else if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(items::add);
            write(out, items);
        } else if (node.isBoolean()) {
            out.append(node.asBoolean() ? "true" : "false");
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            out.append(node.doubleValue());
        } else if (node.isNull()) {
            out.append("null");
        } else {
            string(out, node.asText());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
