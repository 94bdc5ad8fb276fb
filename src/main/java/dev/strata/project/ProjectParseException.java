package dev.strata.project;

/**
 * The only exception the strict parsers of this package throw: a syntax error at a known place.
 */
public final class ProjectParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ParseProblem problem;

    public ProjectParseException(ParseProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public ParseProblem problem() {
        return problem;
    }

    public String file() {
        return problem.file();
    }

    public int line() {
        return problem.line();
    }

    public int column() {
        return problem.column();
    }
}
