package dev.strata.rebuild;

import java.time.Duration;

/**
 * Where the time of a rebuild went.
 *
 * @param total wall-clock time of the whole rebuild
 * @param builds time inside the builders' build commands, all builds
 * @param copy time copying build contexts
 * @param export time exporting images to OCI archives
 * @param compare time reading and comparing images
 */
public record Timings(Duration total, Duration builds, Duration copy, Duration export, Duration compare) {
    /** What the rebuild adds on top of the builds themselves: copy + export + compare. */
    public Duration overhead() {
        return copy.plus(export).plus(compare);
    }
}
