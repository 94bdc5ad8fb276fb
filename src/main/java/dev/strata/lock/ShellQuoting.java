package dev.strata.lock;

import java.util.Optional;

/** Quotes a word for a POSIX shell only when it needs it; writes shell text inside another shell's quotes. */
final class ShellQuoting {
    private ShellQuoting() {}

    /** The quoting a position in a shell word is under, as the shell reading that word sees it. */
    enum Quoting {
        /** outside any quotes */
        UNQUOTED,
        /** inside {@code '…'} */
        SINGLE,
        /** inside {@code "…"} */
        DOUBLE
    }

    private static final String PLAIN = "[A-Za-z0-9_./:@%+=,~-]*";

    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * The quoting in force just before index {@code at} of a shell word's source text; empty when
     * the word uses a construct whose quoting is not tracked here ({@code $'…'}, a command
     * substitution or backquotes before {@code at}, or {@code at} past the word).
     */
    static Optional<Quoting> quotingAt(String raw, int at) {
        if (at < 0 || at > raw.length()) {
            return Optional.empty();
        }
        Quoting q = Quoting.UNQUOTED;
        int i = 0;
        while (i < at) {
            char c = raw.charAt(i);
            switch (q) {
                case SINGLE -> {
                    if (c == '\'') {
                        q = Quoting.UNQUOTED;
                    }
                    i++;
                }
                case DOUBLE -> {
                    if (c == '\\') {
                        i += 2;
                        continue;
                    }
                    if (c == '`' || c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '(') {
                        return Optional.empty();
                    }
                    if (c == '"') {
                        q = Quoting.UNQUOTED;
                    }
                    i++;
                }
                default -> {
                    if (c == '\\') {
                        i += 2;
                        continue;
                    }
                    if (c == '`' || c == '$' && i + 1 < raw.length() && (raw.charAt(i + 1) == '(' || raw.charAt(i + 1) == '\'')) {
                        return Optional.empty();
                    }
                    if (c == '\'') {
                        q = Quoting.SINGLE;
                    } else if (c == '"') {
                        q = Quoting.DOUBLE;
                    }
                    i++;
                }
            }
        }
        return i == at ? Optional.of(q) : Optional.empty();
    }

    /**
     * Source text that, written where {@code quoting} is in force inside a {@code sh -c} string,
     * hands exactly {@code shellText} to the nested shell. Single-quoted parts of {@code shellText}
     * become double-quoted inside a single-quoted string when that keeps their meaning; empty when
     * the text can not be written there (unquoted strings take plain words only).
     */
    static Optional<String> embed(String shellText, Quoting quoting) {
        switch (quoting) {
            case UNQUOTED -> {
                return shellText.matches(PLAIN) ? Optional.of(shellText) : Optional.empty();
            }
            case DOUBLE -> {
                StringBuilder out = new StringBuilder(shellText.length() + 8);
                for (int i = 0; i < shellText.length(); i++) {
                    char c = shellText.charAt(i);
                    if (c == '\\' || c == '"' || c == '$' || c == '`') {
                        out.append('\\');
                    }
                    out.append(c);
                }
                return Optional.of(out.toString());
            }
            default -> {
                StringBuilder out = new StringBuilder(shellText.length() + 8);
                int i = 0;
                while (i < shellText.length()) {
                    char c = shellText.charAt(i);
                    if (c != '\'') {
                        out.append(c);
                        i++;
                        continue;
                    }
                    int close = shellText.indexOf('\'', i + 1);
                    if (close < 0) {
                        return Optional.empty();
                    }
                    String inside = shellText.substring(i + 1, close);
                    if (inside.chars().noneMatch(ch -> ch == '"' || ch == '$' || ch == '`' || ch == '\\' || ch == '!')) {
                        out.append('"').append(inside).append('"');
                    } else {
                        out.append("'\\''").append(inside).append("'\\''");
                    }
                    i = close + 1;
                }
                return Optional.of(out.toString());
            }
        }
    }
}
