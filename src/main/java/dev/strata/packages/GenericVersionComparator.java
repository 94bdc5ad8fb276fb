package dev.strata.packages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A general ordering for ecosystems without a stricter rule here (R, conda): the version is split
 * into numeric and alphabetic runs (other characters separate), numbers compare numerically,
 * words case-insensitively, numbers sort after words. When one version is a prefix of the other, a
 * longer one whose next run is a word (1.0rc1, 1.0dev) is a pre-release and sorts first, except
 * post-release words (post, p, pl, patch).
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

    @Override
    public int compare(String a, String b) {
        List<String> x = runs(a);
        List<String> y = runs(b);
        int n = Math.min(x.size(), y.size());
        for (int i = 0; i < n; i++) {
            String p = x.get(i);
            String q = y.get(i);
            int c;
            if (numeric(p) && numeric(q)) {
                c = DebianVersionComparator.compareNumbers(p, q);
            } else if (numeric(p) != numeric(q)) {
                c = numeric(p) ? 1 : -1;
            } else {
                c = Integer.signum(p.compareTo(q));
            }
            if (c != 0) {
                return c;
            }
        }
        if (x.size() == y.size()) {
            return 0;
        }
        boolean xLonger = x.size() > y.size();
        String next = xLonger ? x.get(n) : y.get(n);
        boolean longerIsNewer = numeric(next) || POST_WORDS.contains(next);
        return (xLonger == longerIsNewer) ? 1 : -1;
    }
}
