package dev.strata.report;

import dev.strata.audit.AuditResult;
import dev.strata.project.Evidence;
import dev.strata.project.Layer;
import dev.strata.project.LayerResult;
import dev.strata.project.LayerStatus;
import dev.strata.rules.Finding;
import dev.strata.rules.Severity;
import java.util.List;

/** Hand-built results, so renderers are tested independently of the rules. */
final class SampleResults {
    private SampleResults() {}

    static AuditResult mixed() {
        return new AuditResult("examples/demo", "examples/demo", List.of("Dockerfile"),
                List.of(
                        new Finding("base-image-latest", "DL3007", Severity.ERROR, Layer.CONTAINER, "Dockerfile", 1, 6,
                                "`ubuntu:latest` moves.", "FROM ubuntu:24.04@sha256:<digest>"),
                        new Finding("copy-whole-context", null, Severity.WARNING, Layer.CONTAINER, "Dockerfile", 9, 6,
                                "copies everything.", "COPY src/ ./src/\nCOPY run.py ./"),
                        new Finding("pip-requirements-unlocked", null, Severity.INFO, Layer.LANGUAGE_DEPENDENCIES,
                                "sub dir/requirements.txt", 2, 1, "unpinned.", "pip-compile --generate-hashes")),
                List.of(
                        new LayerResult(Layer.CONTAINER, LayerStatus.PARTIAL,
                                List.of(new Evidence("Dockerfile", 1, "base image floats"), new Evidence("Dockerfile", 9, "whole context"))),
                        new LayerResult(Layer.TESTS, LayerStatus.MISSING, List.of())));
    }

    static AuditResult clean() {
        return new AuditResult("x/Dockerfile", "x", List.of("Dockerfile"), List.of(),
                List.of(new LayerResult(Layer.CONTAINER, LayerStatus.LOCKED, List.of(new Evidence("Dockerfile", 1, "base image pinned by digest")))));
    }
}
