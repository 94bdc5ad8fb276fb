package dev.strata.project;

import java.util.List;

/** Line lookups over text, each a single pass. */
final class TextLines {

    private TextLines() {}

    /** 1-based line of the first line whose stripped text starts with {@code prefix}; 0 if none. */
    static int lineStartingWith(String text, String prefix) {
        List<String> lines = RequirementsLineParser.physicalLines(text);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(prefix)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** 1-based line of the first line containing {@code needle}; 0 if none. */
    static int lineContaining(String text, String needle) {
        int at = text.indexOf(needle);
        return at < 0 ? 0 : lineAt(text, at);
    }

    /** 1-based line of character offset {@code index}. */
    static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * True when {@code token} occurs in {@code line} not glued to a longer identifier: the
     * character before is not a letter, digit or underscore, nor after unless the token ends in
     * punctuation ({@code "sample("} matches {@code x = sample(} but not {@code grdsample(}).
     */
    static boolean containsToken(String line, String token) {
        boolean checkAfter = Character.isLetterOrDigit(token.charAt(token.length() - 1));
        for (int at = line.indexOf(token); at >= 0; at = line.indexOf(token, at + 1)) {
            boolean startOk = at == 0 || !isIdentifierChar(line.charAt(at - 1));
            int end = at + token.length();
            boolean endOk = !checkAfter || end >= line.length() || !isIdentifierChar(line.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
