package dev.strata.project;

/**
 * Something a lenient parser could not understand: where (file relative to the project root or as
 * named by the caller, 1-based line and column, 0 when unknown) and why. Lenient parsers collect
 * these instead of throwing so one bad line never hides the rest of a file.
 */
public record ParseProblem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
    }
}
