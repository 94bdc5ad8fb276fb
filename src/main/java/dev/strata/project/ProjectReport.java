package dev.strata.project;

import java.util.List;
import java.util.Optional;

/**
 * The repository layers found by {@link ProjectScanner}: one {@link LayerResult} for each of
 * LANGUAGE_DEPENDENCIES, SYSTEM_DEPENDENCIES (only evidence outside the Dockerfile; the audit
 * combines it with its Dockerfile findings), DATA, EXPERIMENT_STATE, TESTS, NOTEBOOKS and
 * CITATION_ARCHIVE, in {@link Layer} order. CONTAINER is decided by the audit and is not here.
 *
 * @param root         the scanned directory as given
 * @param layers       results in {@link Layer} order
 * @param lockFiles    every lock file and requirements file parsed, for reuse by other commands
 * @param filesWalked  regular files seen
 * @param skipped      paths not read and why
 */
public record ProjectReport(
        String root,
        List<LayerResult> layers,
        List<LockFile> lockFiles,
        int filesWalked,
        List<SkippedPath> skipped) {

    public ProjectReport {
        layers = List.copyOf(layers);
        lockFiles = List.copyOf(lockFiles);
        skipped = List.copyOf(skipped);
    }

    public Optional<LayerResult> layer(Layer layer) {
        return layers.stream().filter(r -> r.layer() == layer).findFirst();
    }
}
