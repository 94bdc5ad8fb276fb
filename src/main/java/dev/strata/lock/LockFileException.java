package dev.strata.lock;

/** A lock file that can not be read or makes no sense; the message names the file and the problem. */
public final class LockFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public LockFileException(String message) {
        super(message);
    }

    public LockFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
