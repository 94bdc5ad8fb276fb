package dev.strata.testing;

/** The three image containers {@code buildah push} can write, as the image reader must accept them. */
public enum ExportFormat {
    /** {@code docker-archive:FILE:NAME}: the tar {@code docker save} writes (manifest.json + layer tars). */
    DOCKER_ARCHIVE("docker-archive"),
    /** {@code oci-archive:FILE}: an OCI image layout packed into one tar. */
    OCI_ARCHIVE("oci-archive"),
    /** {@code oci:DIR}: an OCI image layout directory (index.json, oci-layout, blobs/sha256/…). */
    OCI_LAYOUT("oci");

    private final String transport;

    ExportFormat(String transport) {
        this.transport = transport;
    }

    /** The containers/image transport name buildah uses for this format. */
    public String transport() {
        return transport;
    }
}
