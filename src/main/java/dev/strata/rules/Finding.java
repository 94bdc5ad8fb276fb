package dev.strata.rules;

import dev.strata.project.Layer;
import java.util.Objects;

/**
 * One reproducibility problem at a place in a file.
 *
 * @param rule the rule's slug id
 * @param hadolint the equivalent hadolint id, or null when there is none
 * @param severity the effective severity (after configuration)
 * @param layer the repository layer the problem belongs to
 * @param file the file, relative to the audited root, "/" separated
 * @param line 1-based line
 * @param column 1-based column
 * @param message what drifts and why it matters
 * @param fix the concrete fix: the corrected line where one can be computed, else the action to take
 */
public record Finding(
        String rule,
        String hadolint,
        Severity severity,
        Layer layer,
        String file,
        int line,
        int column,
        String message,
        String fix) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /** The same finding with another severity (configuration overrides). */
    public Finding withSeverity(Severity s) {
        return new Finding(rule, hadolint, s, layer, file, line, column, message, fix);
    }
}
