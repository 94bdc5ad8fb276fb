package dev.strata.lock;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CRAN-like repository's {@code src/contrib/PACKAGES} index (Debian control format: one
 * stanza per package, blank-line separated, continuation lines indented), keeping the versions of
 * the packages asked for. Streamed: CRAN's index is about 20,000 stanzas.
 */
final class CranPackages {
    private CranPackages() {}

    /** Versions listed per package name (in index order), for the names in {@code wanted}. */
    static Map<String, Set<String>> versions(InputStream in, Set<String> wanted) throws IOException {
        Map<String, Set<String>> out = new HashMap<>();
        AptArchive.parse(in, wanted, out); // PACKAGES is the same control format as Debian's Packages
        return out;
    }
}
