package dev.strata.image;

/**
 * One entry of a single layer's tar, in tar order, before layers are merged: something the layer
 * adds or replaces, a whiteout that deletes a path of the layers below, or an opaque marker that
 * hides a directory's lower-layer children.
 *
 * @param kind what the entry does
 * @param path normalised absolute path it applies to (the deleted path for a whiteout, the
 *     directory for an opaque marker)
 * @param entry the added entry for {@link Kind#ADD}, else null. Its {@code layerIndex} is the
 *     index asked for. A hard link's size and sha256 are 0 and null here, because its target may
 *     live in a lower layer; the merged {@link FileTree} fills them in.
 */
public record LayerChange(Kind kind, String path, FileEntry entry) {

    /** What a layer entry does to the file system. */
    public enum Kind { ADD, WHITEOUT, OPAQUE }
}
