package dev.strata.lock;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A base image: the reference as written in {@code FROM}, what it resolved to and where.
 *
 * @param reference the reference as written ({@code python:3.11}), after ARG expansion
 * @param canonical the fully qualified reference ({@code docker.io/library/python:3.11})
 * @param digest the digest pinned: the index digest for multi-platform tags
 * @param mediaType the media type of what {@code digest} names
 * @param platforms for an index, each platform's manifest digest; for a single manifest, its one
 *     platform when known
 * @param source the registry endpoint it was resolved from
 * @param resolvedAt when (ISO-8601 UTC)
 */
@JsonPropertyOrder({"reference", "canonical", "digest", "mediaType", "platforms", "source", "resolvedAt"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImageLock(
        String reference, String canonical, String digest, String mediaType, List<PlatformLock> platforms, String source, String resolvedAt) {

    public ImageLock {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }
}
