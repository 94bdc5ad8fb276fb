package dev.strata.registry;

/**
 * One entry of a multi-platform index.
 *
 * @param platform {@code os/architecture[/variant]}
 * @param digest the platform's manifest digest
 * @param mediaType the platform manifest's media type
 */
public record PlatformManifest(String platform, String digest, String mediaType) {}
