package dev.strata.shell;

import java.util.Arrays;

/**
 * A shell wildcard pattern ({@code *}, {@code ?}, and in shell mode {@code [...]}) as used by
 * {@code ${VAR#p}}, {@code ${VAR%p}} and {@code ${VAR/p/r}}. Matching simulates the pattern as a
 * set of states (no backtracking), so a hostile pattern costs at most length(value) x
 * length(pattern) per scan.
 */
final class ShellPattern {
    private static final int STAR = -1;
    private static final int ANY = -2;
    private static final int CLASS = -3;

    /** Element kinds: a code point (>= 0), STAR, ANY or CLASS (then classes[i] holds the set). */
    private final int[] elems;
    private final CharClass[] classes;

    private ShellPattern(int[] elems, CharClass[] classes) {
        this.elems = elems;
        this.classes = classes;
    }

    /** A bracket expression: ranges of code points, possibly negated. */
    private record CharClass(int[] lows, int[] highs, boolean negated) {
        boolean matches(int cp) {
            boolean in = false;
            for (int i = 0; i < lows.length; i++) {
                if (cp >= lows[i] && cp <= highs[i]) {
                    in = true;
                    break;
                }
            }
            return in != negated;
        }
    }

    /**
     * BuildKit's dialect: no bracket expressions; a backslash before {@code }} or {@code /} is
     * dropped, before {@code *}, {@code ?} or a backslash it makes that character literal, and any
     * other escape is an error.
     */
    static ShellPattern buildKit(String pattern) throws WordExpansionException {
        int[] cps = pattern.codePoints().toArray();
        int[] out = new int[cps.length];
        int n = 0;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == '*') {
                out[n++] = STAR;
            } else if (c == '?') {
                out[n++] = ANY;
            } else if (c == '\\') {
                int next = i + 1 < cps.length ? cps[i + 1] : -1;
                if (next == '}' || next == '/') {
                    continue;
                }
                if (next != '*' && next != '?' && next != '\\') {
                    throw new WordExpansionException("invalid pattern (" + pattern
                            + ") in substitution: invalid escape", i);
                }
                out[n++] = next;
                i++;
            } else {
                out[n++] = c;
            }
        }
        return new ShellPattern(Arrays.copyOf(out, n), new CharClass[n]);
    }

    /**
     * POSIX shell dialect: {@code *}, {@code ?}, {@code [...]} (with {@code !} or {@code ^}
     * negation and ranges); a backslash makes the next character literal. {@code quotedMask}
     * marks characters that came from quotes and are therefore literal.
     */
    static ShellPattern shell(String pattern, boolean[] quotedMask) {
        int len = pattern.length();
        int[] out = new int[len];
        CharClass[] cls = new CharClass[len];
        int n = 0;
        int i = 0;
        while (i < len) {
            char c = pattern.charAt(i);
            boolean quoted = quotedMask != null && i < quotedMask.length && quotedMask[i];
            if (!quoted && c == '*') {
                out[n++] = STAR;
                i++;
            } else if (!quoted && c == '?') {
                out[n++] = ANY;
                i++;
            } else if (!quoted && c == '\\' && i + 1 < len) {
                int cp = pattern.codePointAt(i + 1);
                out[n++] = cp;
                i += 1 + Character.charCount(cp);
            } else if (!quoted && c == '[') {
                int close = classEnd(pattern, i);
                if (close < 0) {
                    out[n++] = '[';
                    i++;
                } else {
                    cls[n] = parseClass(pattern, i + 1, close);
                    out[n++] = CLASS;
                    i = close + 1;
                }
            } else {
                int cp = pattern.codePointAt(i);
                out[n++] = cp;
                i += Character.charCount(cp);
            }
        }
        return new ShellPattern(Arrays.copyOf(out, n), Arrays.copyOf(cls, n));
    }

    private static int classEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        while (i < p.length()) {
            if (p.charAt(i) == ']') {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static CharClass parseClass(String p, int from, int to) {
        boolean negated = false;
        int i = from;
        if (i < to && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
            negated = true;
            i++;
        }
        int[] lows = new int[to - i];
        int[] highs = new int[to - i];
        int n = 0;
        while (i < to) {
            int lo = p.codePointAt(i);
            i += Character.charCount(lo);
            int hi = lo;
            if (i + 1 < to && p.charAt(i) == '-') {
                hi = p.codePointAt(i + 1);
                i += 1 + Character.charCount(hi);
            }
            lows[n] = lo;
            highs[n] = hi;
            n++;
        }
        return new CharClass(Arrays.copyOf(lows, n), Arrays.copyOf(highs, n), negated);
    }

    private ShellPattern reversed() {
        int n = elems.length;
        int[] e = new int[n];
        CharClass[] c = new CharClass[n];
        for (int i = 0; i < n; i++) {
            e[i] = elems[n - 1 - i];
            c[i] = classes[n - 1 - i];
        }
        return new ShellPattern(e, c);
    }

    /**
     * Runs the pattern anchored at {@code from} over {@code text} and returns, for each end
     * position e (from..text.length), whether text[from, e) matches: as the shortest or longest
     * such end, or -1 when none.
     */
    private int matchEnd(int[] text, int from, boolean longest) {
        int m = elems.length;
        boolean[] cur = new boolean[m + 1];
        boolean[] nxt = new boolean[m + 1];
        cur[0] = true;
        closure(cur);
        int best = cur[m] ? from : -1;
        if (best >= 0 && !longest) {
            return best;
        }
        for (int p = from; p < text.length; p++) {
            Arrays.fill(nxt, false);
            boolean any = false;
            int c = text[p];
            for (int k = 0; k < m; k++) {
                if (!cur[k]) {
                    continue;
                }
                int e = elems[k];
                if (e == STAR) {
                    nxt[k] = true;
                    any = true;
                } else if (e == ANY || (e == CLASS && classes[k].matches(c)) || e == c) {
                    nxt[k + 1] = true;
                    any = true;
                }
            }
            if (!any) {
                break;
            }
            closure(nxt);
            boolean[] t = cur;
            cur = nxt;
            nxt = t;
            if (cur[m]) {
                best = p + 1;
                if (!longest) {
                    return best;
                }
            }
        }
        return best;
    }

    private void closure(boolean[] states) {
        for (int k = 0; k < elems.length; k++) {
            if (states[k] && elems[k] == STAR) {
                states[k + 1] = true;
            }
        }
    }

    /** {@code ${V#p}} / {@code ${V##p}}. */
    String removePrefix(String value, boolean longest) {
        int[] text = value.codePoints().toArray();
        int end = matchEnd(text, 0, longest);
        return end <= 0 ? value : new String(text, end, text.length - end);
    }

    /** {@code ${V%p}} / {@code ${V%%p}}, by matching the reversed pattern on the reversed value. */
    String removeSuffix(String value, boolean longest) {
        int[] text = value.codePoints().toArray();
        int n = text.length;
        int[] rev = new int[n];
        for (int i = 0; i < n; i++) {
            rev[i] = text[n - 1 - i];
        }
        int cut = reversed().matchEnd(rev, 0, longest);
        return cut <= 0 ? value : new String(text, 0, n - cut);
    }

    /**
     * {@code ${V/p/r}} and {@code ${V//p/r}}: leftmost match, longest at that position; with
     * {@code all}, successive non-overlapping matches, an empty match right after a previous
     * match being skipped.
     */
    String replace(String value, String replacement, boolean all) {
        int[] text = value.codePoints().toArray();
        StringBuilder out = new StringBuilder(value.length() + replacement.length());
        int pos = 0;
        int lastEnd = -1;
        boolean replaced = false;
        while (pos <= text.length) {
            int end = (replaced && !all) ? -1 : matchEnd(text, pos, true);
            if (end >= 0 && !(end == pos && pos == lastEnd)) {
                out.append(replacement);
                replaced = true;
                lastEnd = end;
                if (end == pos) {
                    if (pos < text.length) {
                        out.appendCodePoint(text[pos]);
                    }
                    pos++;
                } else {
                    pos = end;
                }
            } else {
                if (pos < text.length) {
                    out.appendCodePoint(text[pos]);
                }
                pos++;
            }
        }
        return out.toString();
    }

    /** Whether the whole value matches (used for {@code case} patterns). */
    boolean matchesWhole(String value) {
        int[] text = value.codePoints().toArray();
        return matchEnd(text, 0, true) == text.length;
    }
}
