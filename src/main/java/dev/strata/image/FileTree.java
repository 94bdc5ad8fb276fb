package dev.strata.image;

import java.util.Collection;
import java.util.Optional;

/**
 * The merged file system of an image. Holds metadata and digests for every path, and the bytes
 * only of files the reader was asked to capture ({@link ReadOptions#captureContent()}), so memory
 * grows with the number of files, not their size.
 */
public interface FileTree {

    /** The entry at a normalised absolute path, if present after all layers are applied. */
    Optional<FileEntry> get(String path);

    /** Every entry, sorted by path (byte order of the UTF-8 path). */
    Collection<FileEntry> entries();

    /** Number of entries. */
    int size();

    /**
     * The content of a regular file (hard links resolved) if it was captured while streaming.
     * Empty when the path is absent, not a regular file, or was not selected for capture.
     */
    Optional<byte[]> content(String path);
}
