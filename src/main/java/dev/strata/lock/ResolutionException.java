package dev.strata.lock;

/** An input could not be resolved or checked (unreachable server, refused credentials, bad bytes). */
public final class ResolutionException extends Exception {
    private static final long serialVersionUID = 1L;

    public ResolutionException(String message) {
        super(message);
    }

    public ResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
