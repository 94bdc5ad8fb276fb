package dev.strata.lock;

/** The user's input (Dockerfile, lock, image, options) can not be used; the message says why. */
public final class LockInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public LockInputException(String message) {
        super(message);
    }

    public LockInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
