package dev.strata.image.testing;

/** How a test layer blob is compressed. */
public enum Compression {
    NONE("application/vnd.oci.image.layer.v1.tar"),
    GZIP("application/vnd.oci.image.layer.v1.tar+gzip"),
    ZSTD("application/vnd.oci.image.layer.v1.tar+zstd");

    private final String ociMediaType;

    Compression(String ociMediaType) {
        this.ociMediaType = ociMediaType;
    }

    /** The OCI layer media type for this compression. */
    public String ociMediaType() {
        return ociMediaType;
    }
}
