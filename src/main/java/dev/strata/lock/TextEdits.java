package dev.strata.lock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies non-overlapping edits to a text; every character outside them is kept as it was. */
public final class TextEdits {
    private TextEdits() {}

    /**
     * The text with the edits applied. Two insertions at the same offset keep their list order.
     *
     * @throws IllegalArgumentException when edits overlap or fall outside the text
     */
    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
        StringBuilder out = new StringBuilder(text.length() + 256);
        int at = 0;
        for (TextEdit e : sorted) {
            if (e.start() < at || e.end() > text.length()) {
                throw new IllegalArgumentException("overlapping or out-of-range edit: " + e);
            }
            out.append(text, at, e.start()).append(e.replacement());
            at = e.end();
        }
        out.append(text, at, text.length());
        return out.toString();
    }
}
