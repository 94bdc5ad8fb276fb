package dev.strata.lock;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The Dockerfile a lock was taken from: pin refuses to rewrite a file whose bytes no longer hash
 * to {@code sha256}.
 *
 * @param path the Dockerfile's path relative to the lock file's directory
 * @param sha256 hex SHA-256 of the Dockerfile's bytes when it was locked
 */
@JsonPropertyOrder({"path", "sha256"})
public record LockedDockerfile(String path, String sha256) {}
