package dev.strata.lock;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Drift of apt packages: each locked version in the Packages indexes of the lock's apt snapshot.
 * Without a snapshot in the lock the apt entries are unchecked.
 */
public final class AptSnapshotArchive implements PackageArchive {
    private final AptArchive archive;

    public AptSnapshotArchive(AptArchive archive) {
        this.archive = archive;
    }

    @Override
    public String ecosystem() {
        return "apt";
    }

    @Override
    public List<DriftEntry> check(LockFile lock, List<PackageLock> locked) {
        List<DriftEntry> out = new ArrayList<>();
        if (lock.aptSnapshots().isEmpty()) {
            for (PackageLock p : locked) {
                out.add(DriftChecker.unchecked(p, "no apt archive is checked by drift"));
            }
            return out;
        }
        AptSnapshot snapshot = lock.aptSnapshots().get(0);
        Set<String> names = new LinkedHashSet<>();
        locked.forEach(p -> names.add(p.name()));
        AptArchive.Listing listing = archive.list(snapshot, names);
        for (PackageLock p : locked) {
            out.add(check(p, snapshot, listing));
        }
        return out;
    }

    /** ok when the snapshot's indexes list the version; gone when they do not; error when one could not be read. */
    private DriftEntry check(PackageLock p, AptSnapshot snapshot, AptArchive.Listing listing) {
        String subject = "apt:" + p.name();
        String where = archive.archiveUrl(snapshot.url()) + " (" + snapshot.suite() + ", " + archive.architecture() + ")";
        if (listing.lists(p.name(), p.version())) {
            return new DriftEntry("package", subject, DriftStatus.OK, p.version(), p.version(), "version still in the snapshot " + where);
        }
        if (!listing.errors().isEmpty()) {
            return new DriftEntry("package", subject, DriftStatus.ERROR, p.version(), null,
                    "the snapshot's Packages index could not be read: " + listing.errors().get(0));
        }
        return new DriftEntry("package", subject, DriftStatus.GONE, p.version(), null,
                "version " + p.version() + " is not in the Packages indexes of the snapshot " + where
                        + "; apt-get install " + p.name() + "=" + p.version() + " fails");
    }
}
