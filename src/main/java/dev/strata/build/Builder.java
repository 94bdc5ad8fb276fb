package dev.strata.build;

import java.util.function.Consumer;

/**
 * A real container builder (buildah, podman, docker with BuildKit) behind one interface: probe it,
 * then run builds that end with the image as an OCI archive and the log on disk.
 */
public interface Builder {
    /** The name users pass to {@code --builder}: "buildah", "podman" or "docker". */
    String name();

    /** Checks that this builder can build here (installed, and its engine reachable). Cheap; no image is built. */
    Usability probe();

    /**
     * Runs one build with no cache and exports the image to {@link BuildRequest#archive()} as an OCI
     * archive. Every line the builder prints goes to the log file and to {@code onLine} (for progress).
     * A failing build is a normal outcome, not an exception.
     *
     * @throws BuilderException when the builder cannot be run at all (e.g. the program vanished)
     */
    BuildOutcome build(BuildRequest request, Consumer<String> onLine);

    /** Whether {@code v} is really applied by this builder (see {@link Variation#describe()}). */
    boolean supports(Variation v);
}
