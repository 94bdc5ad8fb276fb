package dev.strata.lock;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What pin would change.
 *
 * @param dockerfile the Dockerfile
 * @param before its bytes now
 * @param after its bytes pinned (equal to {@code before} when nothing is left to pin)
 * @param edits the edits, in source order
 * @param notes lock entries or inputs that could not be pinned, and why
 * @param generated files pin writes next to the Dockerfile (generated requirements locks), by
 *     path, sorted; only those whose content differs from what is on disk
 */
public record PinResult(Path dockerfile, byte[] before, byte[] after, List<TextEdit> edits, List<String> notes, Map<Path, byte[]> generated) {
    public PinResult {
        edits = List.copyOf(edits);
        notes = List.copyOf(notes);
        generated = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(generated)));
    }

    public PinResult(Path dockerfile, byte[] before, byte[] after, List<TextEdit> edits, List<String> notes) {
        this(dockerfile, before, after, edits, notes, Map.of());
    }

    public boolean changes() {
        return !Arrays.equals(before, after) || !generated.isEmpty();
    }
}
