package dev.strata.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Python's {@code json.dumps(value, sort_keys=True)} with {@code ensure_ascii}, byte for byte, for
 * reproducing the manifest hashes lock tools record (Pipenv, Poetry). Values are maps, lists,
 * booleans, strings, null and Jackson nodes (as read from TOML).
 */
final class PythonJson {

    private final StringBuilder out = new StringBuilder();
    private final String itemSeparator;
    private final String keySeparator;

    private PythonJson(String itemSeparator, String keySeparator) {
        this.itemSeparator = itemSeparator;
        this.keySeparator = keySeparator;
    }

    /** {@code separators=(",", ":")}. */
    static String compact(Object value) {
        PythonJson json = new PythonJson(",", ":");
        json.write(value);
        return json.out.toString();
    }

    /** Python's default separators {@code (", ", ": ")}. */
    static String spaced(Object value) {
        PythonJson json = new PythonJson(", ", ": ");
        json.write(value);
        return json.out.toString();
    }

    private void write(Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(itemSeparator);
                }
                first = false;
                string(e.getKey());
                out.append(keySeparator);
                write(e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(itemSeparator);
                }
                write(list.get(i));
            }
            out.append(']');
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof JsonNode node) {
            node(node);
        } else if (value == null) {
            out.append("null");
        } else {
            string(value.toString());
        }
    }

    private void node(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, Object> map = new TreeMap<>();
            node.properties().iterator().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
            write(map);
        } else if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(items::add);
            write(items);
        } else if (node.isBoolean()) {
            out.append(node.asBoolean() ? "true" : "false");
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            out.append(node.doubleValue());
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else {
            string(node.asText());
        }
    }

    private void string(String s) {
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
