package dev.strata.lock;

import java.util.ArrayList;
import java.util.List;

/** A {@link PackageArchive} that asks its server about one locked package at a time. */
abstract class EachPackageArchive implements PackageArchive {

    @Override
    public final List<DriftEntry> check(LockFile lock, List<PackageLock> locked) throws ResolutionException {
        List<DriftEntry> out = new ArrayList<>();
        for (PackageLock p : locked) {
            out.add(check(p));
        }
        return out;
    }

    /** The drift of one locked package. */
    abstract DriftEntry check(PackageLock p) throws ResolutionException;
}
