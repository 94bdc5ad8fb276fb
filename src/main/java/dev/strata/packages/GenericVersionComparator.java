package dev.strata.packages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A general ordering for ecosystems without a stricter rule here (R, conda): the version is split
 * into numeric and alphabetic runs (other characters separate), numbers compare numerically,
 * words case-insensitively, numbers sort after words. Pre-release words (dev, a, alpha, b, beta,
 * c, pre, rc, and unknown words) sort before the end of a version, so 1.0rc1 &lt; 1.0; post-release
 * words (post, p, pl, patch) after it, so 1.0 &lt; 1.0.post1.
 */
public final class GenericVersionComparator implements Comparator<String> {
    public static final GenericVersionComparator INSTANCE = new GenericVersionComparator();

    private static final Set<String> POST_WORDS = Set.of("post", "p", "pl", "patch");

    private GenericVersionComparator() {}

    static List<String> runs(String v) {
        List<String> out = new ArrayList<>();
        String s = v.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int j = i;
            if (Character.isDigit(c)) {
                while (j < s.length() && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j));
            } else if (Character.isLetter(c)) {
                while (j < s.length() && Character.isLetter(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j));
            } else {
                j++;
            }
            i = j;
        }
        return out;
    }

    private static boolean numeric(String run) {
        return Character.isDigit(run.charAt(0));
    }

    /**
     * Rank of a run: pre-release words sort before the end of the version, post-release words after
     * it, numbers after any word. A version is its runs padded with end markers, compared run by run.
     */
    private static int rank(String run) {
        if (run == null) {
            return 5;
        }
        if (numeric(run)) {
            return 7;
        }
        return switch (run) {
            case "dev" -> 0;
            case "a", "alpha" -> 1;
            case "b", "beta" -> 2;
            case "c", "pre", "rc" -> 3;
            default -> POST_WORDS.contains(run) ? 6 : 4;
        };
    }

    @Override
    public int compare(String a, String b) {
        List<String> x = runs(a);
        List<String> y = runs(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            String p = i < x.size() ? x.get(i) : null;
            String q = i < y.size() ? y.get(i) : null;
            int c = Integer.compare(rank(p), rank(q));
            if (c != 0) {
                return c;
            }
            if (p == null || q == null) {
                continue;
            }
            c = numeric(p) ? DebianVersionComparator.compareNumbers(p, q) : Integer.signum(p.compareTo(q));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
