package dev.strata.project;

import java.util.List;

/**
 * What the scanner may read.
 *
 * @param skipGlobs    glob patterns ({@code java.nio} glob syntax) matched against "/"-separated
 *                     paths relative to the root, e.g. {@code vendor/**} or {@code data/raw}; a
 *                     pattern matching a directory skips everything below it ({@code .strata.yaml}
 *                     {@code skip:} list)
 * @param maxFileBytes files larger than this are not read (reported as skipped)
 * @param maxFiles     the walk stops after this many files (the rest is reported as skipped)
 */
public record ScanOptions(List<String> skipGlobs, long maxFileBytes, int maxFiles) {

    public static final long DEFAULT_MAX_FILE_BYTES = 16L * 1024 * 1024;
    public static final int DEFAULT_MAX_FILES = 50_000;

    public ScanOptions {
        skipGlobs = List.copyOf(skipGlobs);
        if (maxFileBytes < 0 || maxFiles < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }

    public static ScanOptions defaults() {
        return new ScanOptions(List.of(), DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILES);
    }

    public ScanOptions withSkipGlobs(List<String> globs) {
        return new ScanOptions(globs, maxFileBytes, maxFiles);
    }
}
