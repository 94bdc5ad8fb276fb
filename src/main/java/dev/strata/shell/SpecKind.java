package dev.strata.shell;

/** What a package argument names. */
public enum SpecKind {
    /** a name from the index, maybe with a version constraint */
    NAME,
    /** a local file or directory ({@code ./x.deb}, {@code .}, {@code dist/x.whl}) */
    FILE,
    /** a direct URL to an archive */
    URL,
    /** a version-control URL ({@code git+https://...@ref}) */
    VCS
}
