package dev.strata.audit;

/**
 * The one-word answer of a static audit. It says what floats, never that the image is reproducible:
 * only {@code compare}/{@code rebuild} look at bytes.
 */
public enum AuditVerdict {
    /** At least one error: the build will differ or break over time. */
    WILL_DRIFT("will-drift", "WILL DRIFT"),
    /** Warnings but no errors: likely drift. */
    MAY_DRIFT("may-drift", "MAY DRIFT"),
    /** Nothing above info: every input the audit checks is pinned. */
    PINNED("pinned", "PINNED");

    private final String id;
    private final String label;

    AuditVerdict(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** JSON name. */
    public String id() {
        return id;
    }

    /** Upper-case label for the text report. */
    public String label() {
        return label;
    }
}
