package dev.strata.rules;

import dev.strata.dockerfile.Instruction;
import dev.strata.dockerfile.SourceSpan;
import dev.strata.rules.model.DockerfileModel;

/**
 * What a rule found, before configuration (severity overrides, disabled rules) and inline
 * suppressions are applied.
 *
 * @param anchor the instruction responsible; {@code # strata ignore=} above it suppresses the hit
 * @param file where to point, relative to the audited root (the Dockerfile, or a context file)
 * @param line 1-based line in {@code file}
 * @param column 1-based column in {@code file}
 * @param message what drifts and why
 * @param fix the corrected line or the action to take
 */
public record Hit(Instruction anchor, String file, int line, int column, String message, String fix) {

    /** A hit at a place in the Dockerfile itself. */
    public static Hit at(DockerfileModel model, Instruction anchor, SourceSpan where, String message, String fix) {
        return new Hit(anchor, model.file(), where.startLine(), where.startColumn(), message, fix);
    }
}
