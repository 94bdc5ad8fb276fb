package dev.strata.lock;

import java.util.List;

/**
 * The result of checking a lock against the world.
 *
 * @param lockFile the lock file checked (as given)
 * @param entries one entry per locked input, in lock order
 */
public record DriftReport(String lockFile, List<DriftEntry> entries) {

    /** Which statuses make {@code strata drift} fail. */
    public enum FailOn {
        /** Exit 1 only when something is gone (the default). */
        GONE,
        /** Exit 1 when something moved or is gone. */
        MOVED
    }

    public DriftReport {
        entries = List.copyOf(entries);
    }

    public long count(DriftStatus status) {
        return entries.stream().filter(e -> e.status() == status).count();
    }

    /**
     * 1 when anything is gone; else 2 when an entry could not be checked ({@link DriftStatus#ERROR});
     * else 1 when something moved under {@link FailOn#MOVED}; else 0.
     */
    public int exitCode(FailOn failOn) {
        if (count(DriftStatus.GONE) > 0) {
            return 1;
        }
        if (count(DriftStatus.ERROR) > 0) {
            return 2;
        }
        return failOn == FailOn.MOVED && count(DriftStatus.MOVED) > 0 ? 1 : 0;
    }
}
