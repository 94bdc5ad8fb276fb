package dev.strata.lock;

import java.util.List;
import java.util.Optional;

/** Drift of pip packages: each locked version and its hashes on a PEP 691 index. */
public final class PythonIndexArchive extends EachPackageArchive {
    private final PythonIndex index;

    public PythonIndexArchive(PythonIndex index) {
        this.index = index;
    }

    @Override
    public String ecosystem() {
        return "pip";
    }

    /** gone when the version is no longer listed or its files no longer carry the locked hashes. */
    @Override
    DriftEntry check(PackageLock p) throws ResolutionException {
        String subject = p.ecosystem() + ":" + p.name();
        Optional<List<String>> hashes = index.hashes(p.name(), p.version());
        if (hashes.isEmpty()) {
            return new DriftEntry("package", subject, DriftStatus.GONE, p.version(), null,
                    "version " + p.version() + " is no longer on " + index.baseUrl());
        }
        if (!p.hashes().isEmpty() && !hashes.get().containsAll(p.hashes())) {
            return new DriftEntry("package", subject, DriftStatus.GONE, p.version(), p.version(),
                    "the files of " + p.version() + " on " + index.baseUrl() + " no longer match the locked hashes");
        }
        return new DriftEntry("package", subject, DriftStatus.OK, p.version(), p.version(), "version still on the index");
    }
}
