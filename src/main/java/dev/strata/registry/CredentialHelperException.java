package dev.strata.registry;

/**
 * A Docker credential helper could not be run or gave no usable answer. The message names the
 * helper and the reason, never a secret.
 */
public final class CredentialHelperException extends Exception {
    private static final long serialVersionUID = 1L;

    public CredentialHelperException(String message) {
        super(message);
    }
}
