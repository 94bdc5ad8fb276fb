package dev.strata.lock;

import java.util.List;
import java.util.Optional;

/** Drift of npm packages: each locked version in the registry's packument. */
public final class NpmRegistryArchive extends EachPackageArchive {
    private final NpmRegistry registry;

    public NpmRegistryArchive(NpmRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String ecosystem() {
        return "npm";
    }

    /** gone when the version (or the package) is no longer published; moved when {@code latest} now names another version. */
    @Override
    DriftEntry check(PackageLock p) throws ResolutionException {
        String subject = p.ecosystem() + ":" + p.name();
        Optional<NpmRegistry.Release> release = registry.release(p.name(), p.version());
        if (release.isEmpty()) {
            return new DriftEntry("package", subject, DriftStatus.GONE, p.version(), null,
                    "the package is no longer on " + registry.baseUrl() + "; npm install " + p.name() + "@" + p.version() + " fails");
        }
        NpmRegistry.Release r = release.get();
        if (!r.versionPublished()) {
            return new DriftEntry("package", subject, DriftStatus.GONE, p.version(), r.latest(),
                    "version " + p.version() + " is no longer published on " + registry.baseUrl() + "; npm install "
                            + p.name() + "@" + p.version() + " fails");
        }
        if (r.latest() != null && !r.latest().equals(p.version())) {
            return new DriftEntry("package", subject, DriftStatus.MOVED, p.version(), r.latest(),
                    "the latest dist-tag now names " + r.latest() + "; the pinned version is still published");
        }
        return new DriftEntry("package", subject, DriftStatus.OK, p.version(), p.version(), "version still published"
                + (r.latest() == null ? "" : " and still latest"));
    }
}
