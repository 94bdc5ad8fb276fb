package dev.strata.audit;

import dev.strata.project.LayerResult;
import dev.strata.rules.Finding;
import dev.strata.rules.Severity;
import java.util.List;

/**
 * Everything one audit found.
 *
 * @param target the audited path as the caller named it
 * @param root the directory all {@code file} fields are relative to, as the caller named it ("." when
 *     it is the working directory)
 * @param files the Dockerfiles audited, relative to {@code root}, in the order audited
 * @param findings the findings, sorted by file, line, column and rule
 * @param layers the status of each repository layer, in {@link dev.strata.project.Layer} order
 */
public record AuditResult(
        String target, String root, List<String> files, List<Finding> findings, List<LayerResult> layers) {
    /** Version of the JSON document shape (docs/json/audit.md). */
    public static final String SCHEMA_VERSION = "1";

    public AuditResult {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
        layers = List.copyOf(layers);
    }

    /** Number of findings with exactly this severity. */
    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /** Whether any finding is at or above {@code threshold}; null threshold means never. */
    public boolean hasFindingsAtLeast(Severity threshold) {
        return threshold != null && findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }

    /** The headline answer derived from the findings. */
    public AuditVerdict verdict() {
        if (count(Severity.ERROR) > 0) {
            return AuditVerdict.WILL_DRIFT;
        }
        if (count(Severity.WARNING) > 0) {
            return AuditVerdict.MAY_DRIFT;
        }
        return AuditVerdict.PINNED;
    }
}
