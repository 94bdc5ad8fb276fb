package dev.strata.packages;

import java.util.Comparator;

/**
 * Debian version ordering as dpkg implements it (Debian Policy 5.6.12): epoch numerically, then
 * upstream version and revision with dpkg's verrevcmp, where "~" sorts before everything (even the
 * end of the string), letters before other characters, and digit runs compare as numbers.
 */
public final class DebianVersionComparator implements Comparator<String> {
    public static final DebianVersionComparator INSTANCE = new DebianVersionComparator();

    private DebianVersionComparator() {}

    @Override
    public int compare(String a, String b) {
        String[] x = split(a);
        String[] y = split(b);
        int c = compareNumbers(x[0], y[0]);
        if (c != 0) {
            return c;
        }
        c = verrevcmp(x[1], y[1]);
        return c != 0 ? c : verrevcmp(x[2], y[2]);
    }

    /** [epoch, upstream, revision]; a missing epoch is "0", a missing revision "". */
    static String[] split(String v) {
        String s = v.trim();
        String epoch = "0";
        int colon = s.indexOf(':');
        if (colon > 0 && s.substring(0, colon).chars().allMatch(Character::isDigit)) {
            epoch = s.substring(0, colon);
            s = s.substring(colon + 1);
        }
        String revision = "";
        int dash = s.lastIndexOf('-');
        if (dash >= 0) {
            revision = s.substring(dash + 1);
            s = s.substring(0, dash);
        }
        return new String[] {epoch, s, revision};
    }

    private static int order(int c) {
        if (c >= '0' && c <= '9') {
            return 0;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c == 0 ? 0 : c + 256;
    }

    private static int at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !digit(at(a, i))) || (j < b.length() && !digit(at(b, j)))) {
                int ac = order(at(a, i));
                int bc = order(at(b, j));
                if (ac != bc) {
                    return Integer.signum(ac - bc);
                }
                i++;
                j++;
            }
            while (at(a, i) == '0') {
                i++;
            }
            while (at(b, j) == '0') {
                j++;
            }
            while (digit(at(a, i)) && digit(at(b, j))) {
                if (firstDiff == 0) {
                    firstDiff = at(a, i) - at(b, j);
                }
                i++;
                j++;
            }
            if (digit(at(a, i))) {
                return 1;
            }
            if (digit(at(b, j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return Integer.signum(firstDiff);
            }
        }
        return 0;
    }

    /** Compares non-negative decimal strings of any length. */
    static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        if (x.length() != y.length()) {
            return Integer.compare(x.length(), y.length());
        }
        return Integer.signum(x.compareTo(y));
    }
}
