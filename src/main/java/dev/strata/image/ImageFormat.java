package dev.strata.image;

/** Container format an image was read from; detected from the input, never passed by the user. */
public enum ImageFormat {
    /** {@code docker save} legacy layout: manifest.json + <id>/layer.tar or blobs. */
    DOCKER_ARCHIVE,
    /** An OCI image layout (oci-layout, index.json, blobs/) packed in a tar. */
    OCI_ARCHIVE,
    /** An OCI image layout directory on disk. */
    OCI_LAYOUT
}
