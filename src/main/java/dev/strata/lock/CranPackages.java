package dev.strata.lock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CRAN-like repository's {@code src/contrib/PACKAGES} index (Debian control format: one
 * stanza per package, blank-line separated, continuation lines indented), keeping the versions of
 * the packages asked for. Streamed: CRAN's index is about 20,000 stanzas.
 */
final class CranPackages {
    private CranPackages() {}

    /** Versions listed per package name, for the names in {@code wanted}. */
    static Map<String, Set<String>> versions(InputStream in, Set<String> wanted) throws IOException {
        Map<String, Set<String>> out = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String name = null;
        String version = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                add(out, wanted, name, version);
                name = null;
                version = null;
            } else if (line.startsWith("Package:")) {
                name = line.substring(8).trim();
            } else if (line.startsWith("Version:")) {
                version = line.substring(8).trim();
            }
        }
        add(out, wanted, name, version);
        return out;
    }

    private static void add(Map<String, Set<String>> out, Set<String> wanted, String name, String version) {
        if (name != null && version != null && wanted.contains(name)) {
            out.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(version);
        }
    }
}
