package dev.strata.image;

import java.util.Map;

/**
 * Compact, immutable record of one tar entry of a layer, or of one path of a merged tree. Kept
 * small because an image may hold millions: the SHA-256 is 32 raw bytes, absent maps are null,
 * and the layer index lives outside (a cached layer may sit at different indexes in two images).
 */
final class Node {
    /** Kinds beyond {@link FileType}: layer-only operations. */
    static final byte WHITEOUT = 100;
    static final byte OPAQUE = 101;

    private static final FileType[] TYPES = FileType.values();

    final String path;
    /** {@link FileType#ordinal()}, or {@link #WHITEOUT} / {@link #OPAQUE}. */
    final byte kind;
    final int mode;
    final long uid;
    final long gid;
    final long size;
    final byte[] sha256;
    final String linkTarget;
    final int devMajor;
    final int devMinor;
    final Map<String, String> xattrs;
    final long mtime;
    /** Captured bytes (only for paths selected by {@link ReadOptions#captureContent()}). */
    final byte[] content;

    Node(String path, byte kind, int mode, long uid, long gid, long size, byte[] sha256, String linkTarget,
            int devMajor, int devMinor, Map<String, String> xattrs, long mtime, byte[] content) {
        this.path = path;
        this.kind = kind;
        this.mode = mode;
        this.uid = uid;
        this.gid = gid;
        this.size = size;
        this.sha256 = sha256;
        this.linkTarget = linkTarget;
        this.devMajor = devMajor;
        this.devMinor = devMinor;
        this.xattrs = xattrs == null || xattrs.isEmpty() ? null : Map.copyOf(xattrs);
        this.mtime = mtime;
        this.content = content;
    }

    static Node operation(String path, byte kind) {
        return new Node(path, kind, 0, 0, 0, 0, null, null, 0, 0, null, 0, null);
    }

    /** An implicit parent directory (Docker creates missing parents 0755, owned by root). */
    static Node implicitDirectory(String path) {
        return new Node(path, (byte) FileType.DIRECTORY.ordinal(), 0755, 0, 0, 0, null, null, 0, 0, null, 0, null);
    }

    FileType type() {
        return TYPES[kind];
    }

    boolean isDirectory() {
        return kind == FileType.DIRECTORY.ordinal();
    }

    boolean isOperation() {
        return kind == WHITEOUT || kind == OPAQUE;
    }

    /** The same metadata as a hard link to {@code target}, sharing its content and digest. */
    Node asHardLinkTo(Node target) {
        return new Node(path, (byte) FileType.HARDLINK.ordinal(), mode, uid, gid, target.size, target.sha256,
                linkTarget, 0, 0, xattrs, mtime, target.content);
    }

    FileEntry toEntry(int layerIndex) {
        return new FileEntry(path, type(), mode, uid, gid, size, sha256 == null ? null : Digests.toHex(sha256),
                linkTarget, devMajor, devMinor, xattrs == null ? Map.of() : xattrs, mtime, layerIndex);
    }
}
