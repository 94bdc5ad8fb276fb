package dev.strata.project;

import java.util.Locale;

/** Facts about pip direct URLs: VCS kind and revision, {@code #sha256=} fragments, {@code #egg=}. */
final class DirectUrl {

    private DirectUrl() {}

    static RequirementKind kind(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("git+") || lower.startsWith("hg+") || lower.startsWith("svn+")
                || lower.startsWith("bzr+")) {
            return RequirementKind.VCS;
        }
        if (lower.startsWith("file:") || !lower.contains("://")) {
            return RequirementKind.PATH;
        }
        return RequirementKind.URL;
    }

    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** Value of {@code key=} in the fragment ({@code #egg=x&subdirectory=y}), or null. */
    static String fragmentValue(String url, String key) {
        int hash = url.indexOf('#');
        if (hash < 0) {
            return null;
        }
        for (String part : url.substring(hash + 1).split("&", -1)) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equals(key)) {
                return part.substring(eq + 1);
            }
        }
        return null;
    }

    /** {@code algorithm:hex} from a {@code #sha256=…} (or md5/sha1/sha384/sha512) fragment, or null. */
    static String fragmentHash(String url) {
        for (String algorithm : new String[] {"sha256", "sha384", "sha512", "sha1", "md5"}) {
            String value = fragmentValue(url, algorithm);
            if (value != null && RequirementsLineParser.isHex(value, 0, value.length())) {
                return algorithm + ":" + value.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    static boolean hasStrongFragmentHash(String url) {
        String hash = fragmentHash(url);
        return hash != null && (hash.startsWith("sha256:") || hash.startsWith("sha384:") || hash.startsWith("sha512:"));
    }

    /** The revision after {@code @} in the last path segment of a VCS URL, or null. */
    static String vcsRevision(String url) {
        String base = withoutFragment(url);
        int schemeEnd = base.indexOf("://");
        int pathStart = schemeEnd < 0 ? 0 : base.indexOf('/', schemeEnd + 3);
        if (pathStart < 0) {
            return null;
        }
        int at = base.indexOf('@', pathStart);
        if (at < 0 || at == base.length() - 1) {
            return null;
        }
        return base.substring(at + 1);
    }

    /** A full commit id: 40 (SHA-1) or 64 (SHA-256) hex digits. */
    static boolean isFullCommit(String rev) {
        return (rev.length() == 40 || rev.length() == 64) && RequirementsLineParser.isHex(rev, 0, rev.length());
    }
}
