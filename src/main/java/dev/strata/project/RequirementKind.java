package dev.strata.project;

/** How a pip requirement names what to install. */
public enum RequirementKind {
    /** {@code name[extras] specifier}: resolved against an index. */
    NAMED,
    /** {@code name @ https://…} or a bare archive URL. */
    URL,
    /** A version-control URL such as {@code git+https://…@rev}. */
    VCS,
    /** A local directory or archive ({@code .}, {@code ./pkg}, {@code file:…}): part of the repository. */
    PATH
}
