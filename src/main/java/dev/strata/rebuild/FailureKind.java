package dev.strata.rebuild;

/** Why a build failed, as read from its log. The ids are the JSON strings and never change. */
public enum FailureKind {
    /** A host could not be reached: connection refused, no route, DNS failure, timeout. */
    NETWORK("network", "network unreachable"),
    /** A package or version the build asks for is no longer offered (apt, pip, conda, npm, apk, dnf, HTTP 404). */
    PACKAGE_UNAVAILABLE("package-unavailable", "package or version no longer available"),
    /** Something downloaded did not match its expected checksum or hash. */
    CHECKSUM_MISMATCH("checksum-mismatch", "checksum mismatch"),
    /** The base image (FROM) does not exist under that name or tag. */
    BASE_IMAGE_NOT_FOUND("base-image-not-found", "base image not found"),
    /** A RUN command exited with a non-zero status for another reason. */
    COMMAND_FAILED("command-failed", "command failed"),
    /** The log shows no recognised cause (e.g. an instruction the builder does not support). */
    OTHER("other", "other failure");

    private final String id;
    private final String title;

    FailureKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The JSON string, e.g. {@code package-unavailable}. */
    public String id() {
        return id;
    }

    /** A few words for people, e.g. "package or version no longer available". */
    public String title() {
        return title;
    }
}
