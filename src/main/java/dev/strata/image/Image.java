package dev.strata.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * A container image read from an archive or layout: its identity, config, layers and merged file
 * system.
 *
 * @param source where it was read from
 * @param format the detected container format
 * @param manifestDigest digest of the image manifest bytes ("sha256:…"); for legacy
 *     docker-archives with no OCI manifest, null
 * @param indexDigest digest of the multi-platform index the manifest was chosen from, or null
 * @param platform the image's platform "os/arch[/variant]" from its config
 * @param configDigest digest of the config blob bytes ("sha256:…"), the image id
 * @param config the parsed config blob (OCI/docker image config JSON)
 * @param layers layers from the base up
 * @param files the merged file system
 */
public record Image(
        Path source,
        ImageFormat format,
        String manifestDigest,
        String indexDigest,
        String platform,
        String configDigest,
        JsonNode config,
        List<Layer> layers,
        FileTree files) {

    public Image {
        layers = List.copyOf(layers);
    }
}
