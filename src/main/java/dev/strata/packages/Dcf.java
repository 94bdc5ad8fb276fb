package dev.strata.packages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Debian control file format (dpkg status, R DESCRIPTION, Python METADATA headers): paragraphs of
 * {@code Field: value} lines separated by blank lines; lines starting with a space or tab continue
 * the previous field. Field names are kept as written; lookups should use {@link #field}.
 */
final class Dcf {
    private Dcf() {}

    /** Every paragraph, in order. Malformed lines (no colon, no field to continue) are skipped. */
    static List<Map<String, String>> paragraphs(byte[] bytes) {
        return paragraphs(new String(bytes, StandardCharsets.UTF_8), Integer.MAX_VALUE);
    }

    /** The first paragraph only (the header block of an RFC 822 style document). */
    static Map<String, String> header(byte[] bytes) {
        List<Map<String, String>> p = paragraphs(new String(bytes, StandardCharsets.UTF_8), 1);
        return p.isEmpty() ? Map.of() : p.get(0);
    }

    private static List<Map<String, String>> paragraphs(String text, int limit) {
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String last = null;
        for (String raw : text.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    out.add(current);
                    if (out.size() >= limit) {
                        return out;
                    }
                    current = new LinkedHashMap<>();
                }
                last = null;
                continue;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (last != null) {
                    current.merge(last, "\n" + line.substring(1), String::concat);
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                last = null;
                continue;
            }
            last = line.substring(0, colon).trim();
            current.put(last, line.substring(colon + 1).trim());
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /** Case-insensitive field lookup, as Debian policy and RFC 822 define field names. */
    static String field(Map<String, String> paragraph, String name) {
        String v = paragraph.get(name);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, String> e : paragraph.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
