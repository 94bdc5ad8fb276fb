package dev.strata.image;

/** The kind of a file-system entry, as a tar header or the OCI image spec names it. */
public enum FileType {
    REGULAR,
    DIRECTORY,
    SYMLINK,
    /** A hard link; {@link FileEntry#linkTarget()} names the path it links to (absolute, normalised). */
    HARDLINK,
    CHAR_DEVICE,
    BLOCK_DEVICE,
    FIFO
}
