package dev.strata.registry;

/** A registry request that failed, with a kind callers can act on and a message users can read. */
public final class RegistryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the request failed. */
    public enum Kind {
        /** Connection refused, DNS failure, timeout. */
        UNREACHABLE,
        /** 401/403: missing or wrong credentials. */
        UNAUTHORIZED,
        /** 404: the repository, tag or digest does not exist. */
        NOT_FOUND,
        /** 429 after all retries. */
        RATE_LIMITED,
        /** The bytes received do not hash to the digest announced or asked for. */
        DIGEST_MISMATCH,
        /** Anything else the server did that the protocol does not allow. */
        PROTOCOL
    }

    private final Kind kind;

    public RegistryException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RegistryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
