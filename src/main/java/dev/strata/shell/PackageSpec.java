package dev.strata.shell;

/**
 * One package argument, parsed in its ecosystem's syntax, tied to the word it came from so that
 * {@code strata pin} can rewrite exactly that token.
 *
 * @param word       the shell word (span, raw text, whether its value is known)
 * @param name       the package name ({@code @scope/pkg} for npm, module path for go), or the
 *                   file/URL for FILE and URL kinds
 * @param constraint the version constraint as written after the name ({@code ==1.2}, {@code =1.2-3},
 *                   {@code >=1,<2}, {@code @^1}, {@code ~1.2}); "" when none
 * @param version    the version given (the pinned one when {@link #exact()}), "" when none
 * @param exact      true when the spec selects exactly one version (or one commit / one file hash)
 * @param qualifier  ecosystem extras: apt {@code /release} or {@code :arch}, pip {@code [extras]} and
 *                   {@code ; marker}, conda {@code channel::} and build string; "" when none
 * @param kind       NAME, FILE, URL or VCS
 */
public record PackageSpec(ShellWord word, String name, String constraint, String version, boolean exact,
                          String qualifier, SpecKind kind) {
    /** False when the word's value depends on an unknown variable: nothing may be concluded from it. */
    public boolean known() {
        return word.known();
    }
}
