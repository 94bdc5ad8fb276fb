package dev.strata.rebuild;

/** The project or the options cannot be rebuilt as given (missing Dockerfile, bad work directory…). */
public final class RebuildInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public RebuildInputException(String message) {
        super(message);
    }

    public RebuildInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
