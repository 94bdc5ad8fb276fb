package dev.strata.project;

import java.util.List;

/** One layer's status with the evidence that decided it. */
public record LayerResult(Layer layer, LayerStatus status, List<Evidence> evidence) {
    public LayerResult {
        evidence = List.copyOf(evidence);
    }
}
