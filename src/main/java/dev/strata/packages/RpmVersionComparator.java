package dev.strata.packages;

import java.util.Comparator;

/**
 * rpm's ordering of {@code [epoch:]version[-release]}: epoch numerically (missing = 0), then
 * rpmvercmp on version and on release. rpmvercmp splits into alphabetic and numeric segments,
 * ignores other separators, sorts "~" before anything and "^" after the base version but before
 * any further segment; numeric segments beat alphabetic ones.
 */
public final class RpmVersionComparator implements Comparator<String> {
    public static final RpmVersionComparator INSTANCE = new RpmVersionComparator();

    private RpmVersionComparator() {}

    @Override
    public int compare(String a, String b) {
        String[] x = DebianVersionComparator.split(a);
        String[] y = DebianVersionComparator.split(b);
        int c = DebianVersionComparator.compareNumbers(x[0], y[0]);
        if (c != 0) {
            return c;
        }
        c = rpmvercmp(x[1], y[1]);
        return c != 0 ? c : rpmvercmp(x[2], y[2]);
    }

    private static boolean alnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    static int rpmvercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && !alnum(a.charAt(i)) && a.charAt(i) != '~' && a.charAt(i) != '^') {
                i++;
            }
            while (j < b.length() && !alnum(b.charAt(j)) && b.charAt(j) != '~' && b.charAt(j) != '^') {
                j++;
            }
            char ca = i < a.length() ? a.charAt(i) : 0;
            char cb = j < b.length() ? b.charAt(j) : 0;
            if (ca == '~' || cb == '~') {
                if (ca != '~') {
                    return 1;
                }
                if (cb != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == '^' || cb == '^') {
                if (ca == 0) {
                    return -1;
                }
                if (cb == 0) {
                    return 1;
                }
                if (ca != '^') {
                    return 1;
                }
                if (cb != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == 0 || cb == 0) {
                break;
            }
            boolean numeric = digit(ca);
            int si = i;
            int sj = j;
            while (i < a.length() && (numeric ? digit(a.charAt(i)) : Character.isLetter(a.charAt(i)) && alnum(a.charAt(i)))) {
                i++;
            }
            while (j < b.length() && (numeric ? digit(b.charAt(j)) : Character.isLetter(b.charAt(j)) && alnum(b.charAt(j)))) {
                j++;
            }
            String sa = a.substring(si, i);
            String sb = b.substring(sj, j);
            if (sb.isEmpty()) {
                return numeric ? 1 : -1;
            }
            int c = numeric ? DebianVersionComparator.compareNumbers(sa, sb) : Integer.signum(sa.compareTo(sb));
            if (c != 0) {
                return c;
            }
        }
        boolean restA = i < a.length();
        boolean restB = j < b.length();
        if (!restA && !restB) {
            return 0;
        }
        return restA ? 1 : -1;
    }
}
