package dev.strata.build;

/** A builder could not be run or chosen; the message is one line a user can act on. */
public final class BuilderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BuilderException(String message) {
        super(message);
    }

    public BuilderException(String message, Throwable cause) {
        super(message, cause);
    }
}
