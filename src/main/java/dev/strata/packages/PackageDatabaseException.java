package dev.strata.packages;

/** A package database inside an image is malformed or cannot be read; the message says which and why. */
public class PackageDatabaseException extends Exception {
    private static final long serialVersionUID = 1L;

    public PackageDatabaseException(String message) {
        super(message);
    }

    public PackageDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
