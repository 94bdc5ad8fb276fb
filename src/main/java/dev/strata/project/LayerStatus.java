package dev.strata.project;

/** How far a layer is locked down. JSON name: {@link #id()}. */
public enum LayerStatus {
    LOCKED("locked"),
    PARTIAL("partial"),
    MISSING("missing"),
    NOT_APPLICABLE("not-applicable");

    private final String id;

    LayerStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
