package dev.strata.packages;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds package URLs (https://github.com/package-url/purl-spec): {@code
 * pkg:type/namespace/name@version?qualifiers}, components percent-encoded, qualifiers sorted by key,
 * empty qualifier values left out.
 */
public final class Purl {
    private Purl() {}

    public static String of(String type, String namespace, String name, String version, Map<String, String> qualifiers) {
        StringBuilder b = new StringBuilder("pkg:").append(type).append('/');
        if (namespace != null && !namespace.isEmpty()) {
            b.append(encode(namespace)).append('/');
        }
        b.append(encode(name));
        if (version != null && !version.isEmpty()) {
            b.append('@').append(encode(version));
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        qualifiers.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                sorted.put(k, v);
            }
        });
        char sep = '?';
        for (Map.Entry<String, String> q : sorted.entrySet()) {
            b.append(sep).append(q.getKey()).append('=').append(encode(q.getValue()));
            sep = '&';
        }
        return b.toString();
    }

    /** Percent-encodes everything but unreserved characters and ':', which the spec leaves bare. */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == '~' || c == ':') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
