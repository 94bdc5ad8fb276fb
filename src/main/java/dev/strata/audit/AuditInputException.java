package dev.strata.audit;

/**
 * Input the audit cannot use (missing path, empty directory, unreadable or binary file, syntax error,
 * bad configuration). The message is one line, {@code <what>: <why>}, located as file:line:column
 * where a position is known.
 */
public final class AuditInputException extends Exception {
    public AuditInputException(String message) {
        super(message);
    }
}
