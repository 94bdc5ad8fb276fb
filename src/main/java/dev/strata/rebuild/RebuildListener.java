package dev.strata.rebuild;

import dev.strata.build.BuildVariant;
import dev.strata.build.BuilderChoice;

/** Progress of a rebuild, for a live display. Every method has a do-nothing default. */
public interface RebuildListener {
    RebuildListener NONE = new RebuildListener() { };

    default void builderChosen(BuilderChoice choice) { }

    default void buildStarted(int index, int total, BuildVariant variant) { }

    /** A line the builder printed during build {@code index}. */
    default void buildLine(int index, String line) { }

    default void buildFinished(BuildRecord build) { }

    default void comparing(int a, int b) { }
}
