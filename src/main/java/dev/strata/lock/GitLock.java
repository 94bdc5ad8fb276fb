package dev.strata.lock;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A git repository cloned during the build.
 *
 * @param url the repository URL as written
 * @param ref the branch or tag the Dockerfile asks for, {@code HEAD} when none
 * @param commit the commit {@code ref} pointed to (40 hex)
 * @param resolvedAt when (ISO-8601 UTC)
 */
@JsonPropertyOrder({"url", "ref", "commit", "resolvedAt"})
public record GitLock(String url, String ref, String commit, String resolvedAt) {}
