package dev.strata.image;

/**
 * One layer of an image, in order from the base.
 *
 * @param digest digest of the blob as stored ("sha256:…"; for legacy docker-archive layers that
 *     are stored uncompressed this equals the diffId)
 * @param diffId digest of the uncompressed tar ("sha256:…"), from the config's rootfs.diff_ids
 * @param mediaType media type from the manifest (null for legacy docker-archive)
 * @param compressedSize size of the stored blob in bytes
 * @param createdBy the image-history "created_by" of the non-empty history entry this layer maps
 *     to (the Dockerfile instruction that produced it), or null when history does not say
 */
public record Layer(String digest, String diffId, String mediaType, long compressedSize, String createdBy) {}
