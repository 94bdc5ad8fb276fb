package dev.strata.lock;

import dev.strata.registry.ImageReference;
import dev.strata.registry.PlatformManifest;
import dev.strata.registry.RegistryClient;
import dev.strata.registry.RegistryException;
import dev.strata.registry.ResolvedManifest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Resolves a base image reference to the digest it names now, keeping a multi-platform index whole. */
public final class ImageResolver {
    private final RegistryClient registry;

    public ImageResolver(RegistryClient registry) {
        this.registry = registry;
    }

    /**
     * Resolves {@code written} (as in {@code FROM}). A reference that already carries a digest is
     * verified and kept at that digest.
     */
    public ImageLock resolve(String written, Instant now) throws ResolutionException {
        ImageReference ref;
        try {
            ref = ImageReference.parse(written);
        } catch (IllegalArgumentException e) {
            throw new ResolutionException("FROM " + written + ": " + e.getMessage());
        }
        ResolvedManifest resolved;
        try {
            resolved = registry.resolve(ref);
        } catch (RegistryException e) {
            throw new ResolutionException(e.getMessage(), e);
        }
        List<PlatformLock> platforms = new ArrayList<>();
        for (PlatformManifest p : resolved.platforms()) {
            platforms.add(new PlatformLock(p.platform(), p.digest()));
        }
        if (!resolved.isIndex() && resolved.platform() != null) {
            platforms.add(new PlatformLock(resolved.platform(), resolved.digest()));
        }
        return new ImageLock(written, ref.withoutDigest().toString(), resolved.digest(), resolved.mediaType(),
                platforms, registry.sourceOf(ref), LockClock.format(now));
    }
}
