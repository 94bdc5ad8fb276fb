package dev.strata.packages;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 440 version ordering: epoch, release (trailing zeros ignored), pre-release (a &lt; b &lt; rc),
 * post-release, dev-release, then local version. Dev-only releases sort before pre-releases of the
 * same release. Strings that are not PEP 440 versions sort before every valid one and among
 * themselves by {@link GenericVersionComparator}.
 */
public final class Pep440Comparator implements Comparator<String> {
    public static final Pep440Comparator INSTANCE = new Pep440Comparator();

    private static final Pattern VERSION = Pattern.compile(
            "v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)"
                    + "(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\\d+)?)?"
                    + "(?:-(\\d+)|[-_.]?(post|rev|r)[-_.]?(\\d+)?)?"
                    + "(?:[-_.]?(dev)[-_.]?(\\d+)?)?"
                    + "(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?");

    private Pep440Comparator() {}

    /** A parsed version; absent parts are null. */
    record Parsed(BigInteger epoch, List<BigInteger> release, Integer preKind, BigInteger pre, BigInteger post,
            BigInteger dev, List<String> local) {}

    static Parsed parse(String v) {
        Matcher m = VERSION.matcher(v.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        BigInteger epoch = m.group(1) == null ? BigInteger.ZERO : new BigInteger(m.group(1));
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group(2).split("\\.")) {
            release.add(new BigInteger(part));
        }
        while (release.size() > 1 && release.get(release.size() - 1).signum() == 0) {
            release.remove(release.size() - 1);
        }
        Integer preKind = null;
        BigInteger pre = null;
        if (m.group(3) != null) {
            preKind = switch (m.group(3)) {
                case "a", "alpha" -> 0;
                case "b", "beta" -> 1;
                default -> 2;
            };
            pre = m.group(4) == null ? BigInteger.ZERO : new BigInteger(m.group(4));
        }
        BigInteger post = null;
        if (m.group(5) != null) {
            post = new BigInteger(m.group(5));
        } else if (m.group(6) != null) {
            post = m.group(7) == null ? BigInteger.ZERO : new BigInteger(m.group(7));
        }
        BigInteger dev = m.group(8) == null ? null : m.group(9) == null ? BigInteger.ZERO : new BigInteger(m.group(9));
        List<String> local = m.group(10) == null ? null : List.of(m.group(10).split("[-_.]"));
        return new Parsed(epoch, release, preKind, pre, post, dev, local);
    }

    @Override
    public int compare(String a, String b) {
        Parsed x = parse(a);
        Parsed y = parse(b);
        if (x == null || y == null) {
            if (x == null && y == null) {
                return GenericVersionComparator.INSTANCE.compare(a, b);
            }
            return x == null ? -1 : 1;
        }
        int c = x.epoch().compareTo(y.epoch());
        if (c != 0) {
            return c;
        }
        c = compareRelease(x.release(), y.release());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(x), preRank(y));
        if (c != 0) {
            return c;
        }
        if (x.pre() != null && y.pre() != null) {
            c = x.pre().compareTo(y.pre());
            if (c != 0) {
                return c;
            }
        }
        c = compareAbsentLow(x.post(), y.post());
        if (c != 0) {
            return c;
        }
        c = compareAbsentHigh(x.dev(), y.dev());
        if (c != 0) {
            return c;
        }
        return compareLocal(x.local(), y.local());
    }

    /** Rank of the pre-release part: dev-only release &lt; a &lt; b &lt; rc &lt; none. */
    private static int preRank(Parsed p) {
        if (p.preKind() != null) {
            return p.preKind();
        }
        if (p.dev() != null && p.post() == null) {
            return -1;
        }
        return 3;
    }

    private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareAbsentLow(BigInteger a, BigInteger b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    private static int compareAbsentHigh(BigInteger a, BigInteger b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return a.compareTo(b);
    }

    /** No local part sorts first; numeric segments sort after alphanumeric ones; longer wins on a tie. */
    private static int compareLocal(List<String> a, List<String> b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean nx = x.chars().allMatch(Character::isDigit);
            boolean ny = y.chars().allMatch(Character::isDigit);
            int c;
            if (nx && ny) {
                c = new BigInteger(x).compareTo(new BigInteger(y));
            } else if (nx != ny) {
                c = nx ? 1 : -1;
            } else {
                c = Integer.signum(x.compareTo(y));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
