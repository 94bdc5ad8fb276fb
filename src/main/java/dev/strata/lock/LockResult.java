package dev.strata.lock;

import java.util.List;

/**
 * What {@code strata lock} resolved.
 *
 * @param lock the new lock
 * @param text its serialised form (what is written to disk)
 * @param notes inputs that were found but could not be locked or will not be pinnable, and why
 * @param changed false when the lock on disk already had exactly this content
 */
public record LockResult(LockFile lock, String text, List<String> notes, boolean changed) {
    public LockResult {
        notes = List.copyOf(notes);
    }
}
