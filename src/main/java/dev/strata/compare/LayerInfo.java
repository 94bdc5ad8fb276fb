package dev.strata.compare;

/**
 * A layer as a comparison reports it.
 *
 * @param index position from the base (0)
 * @param diffId digest of the uncompressed layer tar
 * @param createdBy the Dockerfile instruction history maps it to, or null
 */
public record LayerInfo(int index, String diffId, String createdBy) {}
