package dev.strata.testing;

/**
 * An image that is in a {@link Buildah} fixture's private storage.
 *
 * @param name its full reference, {@code localhost/strata-it-N:latest}
 * @param imageId the image id buildah printed (the config digest's hex)
 * @param log everything buildah printed while building it
 */
public record BuiltImage(String name, String imageId, String log) {}
