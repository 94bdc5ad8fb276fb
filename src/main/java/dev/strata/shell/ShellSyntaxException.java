package dev.strata.shell;

/**
 * Shell text that a POSIX shell (or bash) would reject: unterminated quote, unbalanced
 * parentheses, {@code if} without {@code fi}, ... {@link #offset()} is the absolute offset in the
 * Dockerfile source where the problem was detected.
 */
public final class ShellSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public ShellSyntaxException(String message, int offset) {
        // no stack trace: the offset says where, and lenient parsing creates many of these
        super(message + " (at offset " + offset + ")", null, false, false);
        this.offset = offset;
    }

    /** Absolute offset into the Dockerfile source. */
    public int offset() {
        return offset;
    }
}
