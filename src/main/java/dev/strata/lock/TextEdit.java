package dev.strata.lock;

/**
 * Replace source characters {@code start..end} (exclusive; equal for an insertion) with
 * {@code replacement}. Offsets index the decoded Dockerfile text, as the AST's spans do.
 *
 * @param why what the edit pins, for messages
 */
public record TextEdit(int start, int end, String replacement, String why) {
    public TextEdit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range " + start + ".." + end);
        }
    }

    public static TextEdit insert(int at, String text, String why) {
        return new TextEdit(at, at, text, why);
    }
}
