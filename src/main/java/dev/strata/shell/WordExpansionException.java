package dev.strata.shell;

/**
 * A Dockerfile word that BuildKit would refuse to expand (unterminated quote, bad substitution,
 * {@code ${VAR:?msg}} on an unset variable, ...). The message follows BuildKit's wording where it
 * has one; {@link #position()} is the index in the word where the problem was detected.
 */
public final class WordExpansionException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int position;

    public WordExpansionException(String message, int position) {
        // no stack trace: the position says where
        super(message, null, false, false);
        this.position = position;
    }

    /** Index (in chars) into the expanded word where the error was detected. */
    public int position() {
        return position;
    }
}
