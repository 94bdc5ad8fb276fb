package dev.strata.lock;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A file fetched during the build (curl, wget, {@code ADD URL}).
 *
 * @param url the URL as written (after ARG expansion)
 * @param sha256 hex SHA-256 of the content received
 * @param size content length in bytes
 * @param source the final URL after redirects
 * @param resolvedAt when (ISO-8601 UTC)
 */
@JsonPropertyOrder({"url", "sha256", "size", "source", "resolvedAt"})
public record DownloadLock(String url, String sha256, long size, String source, String resolvedAt) {}
