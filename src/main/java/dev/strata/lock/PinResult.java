package dev.strata.lock;

import java.util.List;

/**
 * What pin would change.
 *
 * @param dockerfile the Dockerfile
 * @param before its bytes now
 * @param after its bytes pinned (equal to {@code before} when nothing is left to pin)
 * @param edits the edits, in source order
 * @param notes lock entries or inputs that could not be pinned, and why
 */
public record PinResult(java.nio.file.Path dockerfile, byte[] before, byte[] after, List<TextEdit> edits, List<String> notes) {
    public PinResult {
        edits = List.copyOf(edits);
        notes = List.copyOf(notes);
    }

    public boolean changes() {
        return !java.util.Arrays.equals(before, after);
    }
}
