package dev.strata.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Text as the shell sees it, with, for every char, the absolute span of Dockerfile source that
 * produced it. BuildKit removes escape-newline continuations and comment lines before the shell
 * runs, and nested scripts ({@code sh -c '...'}) lose a quoting level, so logical and source
 * positions differ; this map is what keeps word spans exact.
 *
 * <p>Opaque chars stand for a value the shell computes at build time (an unknown variable, a
 * command substitution) inside a nested script: the lexer turns a run of them into one
 * unknown word part.
 */
final class MappedText {
    final String text;
    final int[] start;
    final int[] end;
    /** Original source text and its absolute offset, used to cut raw word text. */
    final String source;
    final int sourceBase;
    /** True for text one quoting level down (sh -c strings, eval), where spans are approximate. */
    final boolean embedded;
    /** Logical index of an opaque char -> unknown variable names it stands for (null if none). */
    final Map<Integer, List<String>> opaque;

    MappedText(String text, int[] start, int[] end, String source, int sourceBase, boolean embedded,
               Map<Integer, List<String>> opaque) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.source = source;
        this.sourceBase = sourceBase;
        this.embedded = embedded;
        this.opaque = opaque;
    }

    int length() {
        return text.length();
    }

    boolean isOpaque(int i) {
        return opaque != null && opaque.containsKey(i);
    }

    /** Absolute source start of logical range [from, to). */
    int srcStart(int from, int to) {
        if (text.isEmpty()) {
            return sourceBase;
        }
        if (from < text.length()) {
            return start[from];
        }
        return end[text.length() - 1];
    }

    /** Absolute source end of logical range [from, to). */
    int srcEnd(int from, int to) {
        if (to > from) {
            return end[to - 1];
        }
        return srcStart(from, to);
    }

    /** The Dockerfile source text between two absolute offsets. */
    String raw(int absStart, int absEnd) {
        int from = Math.max(0, Math.min(source.length(), absStart - sourceBase));
        int to = Math.max(from, Math.min(source.length(), absEnd - sourceBase));
        return source.substring(from, to);
    }

    /** The logical range [from, to) as its own text (heredoc bodies parsed as scripts). */
    MappedText slice(int from, int to) {
        return new MappedText(text.substring(from, to), Arrays.copyOfRange(start, from, to),
                Arrays.copyOfRange(end, from, to), source, sourceBase, embedded, null);
    }

    /** Incrementally builds a mapped text. */
    static final class Builder {
        private final StringBuilder sb;
        private int[] start;
        private int[] end;
        private Map<Integer, List<String>> opaque;

        Builder(int capacity) {
            sb = new StringBuilder(capacity);
            start = new int[Math.max(16, capacity)];
            end = new int[Math.max(16, capacity)];
        }

        void append(char c, int s, int e) {
            int n = sb.length();
            if (n == start.length) {
                start = Arrays.copyOf(start, n * 2);
                end = Arrays.copyOf(end, n * 2);
            }
            sb.append(c);
            start[n] = s;
            end[n] = e;
        }

        /** Appends source[from, to) verbatim, each char mapped to its own offset (base + index). */
        void appendRange(String source, int from, int to, int base) {
            int n = sb.length();
            int need = n + (to - from);
            if (need > start.length) {
                int cap = Math.max(need, start.length * 2);
                start = Arrays.copyOf(start, cap);
                end = Arrays.copyOf(end, cap);
            }
            sb.append(source, from, to);
            for (int i = from, k = n; i < to; i++, k++) {
                start[k] = base + i;
                end[k] = base + i + 1;
            }
        }

        void appendOpaque(int s, int e, List<String> unknownVariables) {
            if (opaque == null) {
                opaque = new java.util.HashMap<>();
            }
            opaque.put(sb.length(), unknownVariables);
            append('x', s, e);
        }

        int length() {
            return sb.length();
        }

        String toString(int from) {
            return sb.substring(from);
        }

        MappedText build(String source, int sourceBase, boolean embedded) {
            // the offset arrays may be longer than the text; only [0, text.length()) is read
            return new MappedText(sb.toString(), start, end, source, sourceBase, embedded, opaque);
        }
    }
}
