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
}
