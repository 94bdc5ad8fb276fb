package dev.strata.packages;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * npm's ordering (SemVer 2.0.0 precedence): major.minor.patch numerically, a pre-release sorts
 * before its release, pre-release identifiers compare numerically when numeric (numeric before
 * alphanumeric), more identifiers win a tie; build metadata is ignored. Non-semver strings sort
 * before valid versions and among themselves by {@link GenericVersionComparator}.
 */
public final class SemverComparator implements Comparator<String> {
    public static final SemverComparator INSTANCE = new SemverComparator();

    private static final Pattern SEMVER =
            Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-.]+)?");

    private SemverComparator() {}

    @Override
    public int compare(String a, String b) {
        Matcher x = SEMVER.matcher(a.trim());
        Matcher y = SEMVER.matcher(b.trim());
        boolean vx = x.matches();
        boolean vy = y.matches();
        if (!vx || !vy) {
            if (!vx && !vy) {
                return GenericVersionComparator.INSTANCE.compare(a, b);
            }
            return vx ? 1 : -1;
        }
        for (int g = 1; g <= 3; g++) {
            int c = DebianVersionComparator.compareNumbers(x.group(g), y.group(g));
            if (c != 0) {
                return c;
            }
        }
        String px = x.group(4);
        String py = y.group(4);
        if (px == null || py == null) {
            return px == null ? (py == null ? 0 : 1) : -1;
        }
        String[] ix = px.split("\\.");
        String[] iy = py.split("\\.");
        for (int i = 0; i < Math.min(ix.length, iy.length); i++) {
            boolean nx = ix[i].chars().allMatch(Character::isDigit);
            boolean ny = iy[i].chars().allMatch(Character::isDigit);
            int c;
            if (nx && ny) {
                c = DebianVersionComparator.compareNumbers(ix[i], iy[i]);
            } else if (nx != ny) {
                c = nx ? -1 : 1;
            } else {
                c = Integer.signum(ix[i].compareTo(iy[i]));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(ix.length, iy.length);
    }
}
