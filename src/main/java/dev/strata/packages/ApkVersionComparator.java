package dev.strata.packages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * apk-tools' version ordering for {@code 1.2.3a_rc1_p2-r4}: dotted numbers, an optional letter,
 * suffixes ({@code _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p}, each with
 * an optional number), then the package revision {@code -rN}. Strings that do not parse sort
 * before valid versions and among themselves by {@link GenericVersionComparator}.
 */
public final class ApkVersionComparator implements Comparator<String> {
    public static final ApkVersionComparator INSTANCE = new ApkVersionComparator();

    private static final Pattern VERSION =
            Pattern.compile("(\\d+(?:\\.\\d+)*)([a-z])?((?:_(?:alpha|beta|pre|rc|cvs|svn|git|hg|p)\\d*)*)(?:~[0-9a-f]+)?(?:-r(\\d+))?");
    private static final Pattern SUFFIX = Pattern.compile("_(alpha|beta|pre|rc|cvs|svn|git|hg|p)(\\d*)");
    private static final List<String> SUFFIX_ORDER = List.of("alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p");

    private ApkVersionComparator() {}

    @Override
    public int compare(String a, String b) {
        Matcher x = VERSION.matcher(a.trim());
        Matcher y = VERSION.matcher(b.trim());
        boolean vx = x.matches();
        boolean vy = y.matches();
        if (!vx || !vy) {
            if (!vx && !vy) {
                return GenericVersionComparator.INSTANCE.compare(a, b);
            }
            return vx ? 1 : -1;
        }
        String[] nx = x.group(1).split("\\.");
        String[] ny = y.group(1).split("\\.");
        for (int i = 0; i < Math.min(nx.length, ny.length); i++) {
            int c = DebianVersionComparator.compareNumbers(nx[i], ny[i]);
            if (c != 0) {
                return c;
            }
        }
        if (nx.length != ny.length) {
            return Integer.compare(nx.length, ny.length);
        }
        String lx = x.group(2) == null ? "" : x.group(2);
        String ly = y.group(2) == null ? "" : y.group(2);
        int c = Integer.signum(lx.compareTo(ly));
        if (c != 0) {
            return c;
        }
        List<int[]> sx = suffixes(x.group(3));
        List<int[]> sy = suffixes(y.group(3));
        for (int i = 0; i < Math.max(sx.size(), sy.size()); i++) {
            int[] p = i < sx.size() ? sx.get(i) : new int[] {SUFFIX_ORDER.indexOf(""), 0};
            int[] q = i < sy.size() ? sy.get(i) : new int[] {SUFFIX_ORDER.indexOf(""), 0};
            c = p[0] != q[0] ? Integer.compare(p[0], q[0]) : Integer.compare(p[1], q[1]);
            if (c != 0) {
                return c;
            }
        }
        String rx = x.group(4) == null ? "0" : x.group(4);
        String ry = y.group(4) == null ? "0" : y.group(4);
        return DebianVersionComparator.compareNumbers(rx, ry);
    }

    private static List<int[]> suffixes(String s) {
        List<int[]> out = new ArrayList<>();
        Matcher m = SUFFIX.matcher(s == null ? "" : s);
        while (m.find()) {
            int n = m.group(2).isEmpty() ? 0 : (int) Math.min(Integer.MAX_VALUE, Long.parseLong(m.group(2).length() > 18 ? "999999999" : m.group(2)));
            out.add(new int[] {SUFFIX_ORDER.indexOf(m.group(1)), n});
        }
        return out;
    }
}
