package dev.strata.registry;

import java.util.List;

/**
 * What a tag or digest resolved to.
 *
 * @param reference the reference asked for
 * @param digest the digest of the manifest (or index) bytes, verified
 * @param mediaType the manifest's media type
 * @param platforms for an index, each platform's manifest (in index order); empty for a single
 *     manifest
 * @param platform for a single manifest, its platform when the config says so, else null
 */
public record ResolvedManifest(
        ImageReference reference, String digest, String mediaType, List<PlatformManifest> platforms, String platform) {

    public ResolvedManifest {
        platforms = List.copyOf(platforms);
    }

    public boolean isIndex() {
        return MediaTypes.isIndex(mediaType);
    }
}
