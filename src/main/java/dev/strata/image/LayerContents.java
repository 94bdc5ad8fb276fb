package dev.strata.image;

import java.util.List;

/**
 * What one layer does to the file system, in tar order: entries to add, whiteouts and opaque
 * markers. Independent of where the layer sits in an image, so two images sharing a layer share
 * one of these.
 *
 * @param operations entries and whiteout/opaque operations in the order the tar holds them
 * @param digest the blob digest, as computed while streaming
 * @param diffId the digest of the uncompressed tar, as computed while streaming
 * @param compressedSize bytes stored
 * @param uncompressedSize bytes of the uncompressed tar
 * @param compression "none", "gzip" or "zstd", detected from the bytes
 */
record LayerContents(
        List<Node> operations,
        String digest,
        String diffId,
        long compressedSize,
        long uncompressedSize,
        String compression) {}
