package dev.strata.project;

/**
 * The layers of the reproducibility remedy (DESIGN.md, "Repository layers"), in report order.
 * The JSON name is the lowercase slug ({@link #id()}).
 */
public enum Layer {
    CONTAINER("container"),
    LANGUAGE_DEPENDENCIES("language-dependencies"),
    SYSTEM_DEPENDENCIES("system-dependencies"),
    DATA("data"),
    EXPERIMENT_STATE("experiment-state"),
    TESTS("tests"),
    NOTEBOOKS("notebooks"),
    CITATION_ARCHIVE("citation-archive");

    private final String id;

    Layer(String id) {
        this.id = id;
    }

    /** Stable slug used in JSON, SARIF and docs. */
    public String id() {
        return id;
    }
}
