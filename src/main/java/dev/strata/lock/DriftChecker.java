package dev.strata.lock;

import dev.strata.registry.ImageReference;
import dev.strata.registry.RegistryClient;
import dev.strata.registry.RegistryException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every entry of a lock against registries, servers and indexes as they are now. A server
 * that can not be reached or refuses credentials is an error (nothing can be concluded), not drift.
 */
public final class DriftChecker {
    private final RegistryClient registry;
    private final DownloadResolver downloads;
    private final GitResolver git;
    private final PythonIndex pythonIndex;
    private final NpmRegistry npmRegistry;
    private final AptArchive aptArchive;

    /** {@code pythonIndex} may be null: pip entries are then reported unchecked (and npm ones too). */
    public DriftChecker(RegistryClient registry, DownloadResolver downloads, GitResolver git, PythonIndex pythonIndex) {
        this(registry, downloads, git, pythonIndex, null);
    }

    /** As above; {@code npmRegistry} may be null: npm entries are then reported unchecked. */
    public DriftChecker(RegistryClient registry, DownloadResolver downloads, GitResolver git, PythonIndex pythonIndex, NpmRegistry npmRegistry) {
        this(registry, downloads, git, pythonIndex, npmRegistry, null);
    }

    /**
     * As above; {@code aptArchive} may be null: apt entries are then reported unchecked (they are
     * also unchecked when the lock has no apt snapshot).
     */
    public DriftChecker(RegistryClient registry, DownloadResolver downloads, GitResolver git, PythonIndex pythonIndex, NpmRegistry npmRegistry,
            AptArchive aptArchive) {
        this.aptArchive = aptArchive;
        this.registry = registry;
        this.downloads = downloads;
        this.git = git;
        this.pythonIndex = pythonIndex;
        this.npmRegistry = npmRegistry;
    }

    public DriftReport check(LockFile lock, String lockName) throws ResolutionException {
        List<DriftEntry> out = new ArrayList<>();
        for (ImageLock i : lock.images()) {
            out.add(checkImage(i));
        }
        for (DownloadLock d : lock.downloads()) {
            out.add(checkDownload(d));
        }
        for (GitLock g : lock.git()) {
            out.add(checkGit(g));
        }
        AptArchive.Listing apt = null;
        Set<String> aptNames = new HashSet<>();
        lock.packages().stream().filter(p -> p.ecosystem().equals("apt")).forEach(p -> aptNames.add(p.name()));
        if (aptArchive != null && !aptNames.isEmpty() && !lock.aptSnapshots().isEmpty()) {
            apt = aptArchive.list(lock.aptSnapshots().get(0), aptNames);
        }
        for (PackageLock p : lock.packages()) {
            out.add(p.ecosystem().equals("apt") && apt != null ? checkApt(p, lock.aptSnapshots().get(0), apt) : checkPackage(p));
        }
        return new DriftReport(lockName, out);
    }

    private DriftEntry checkImage(ImageLock i) throws ResolutionException {
        ImageReference canonical = ImageReference.parse(i.canonical());
        try {
            if (!registry.exists(canonical.withDigest(i.digest()))) {
                return new DriftEntry("image", i.reference(), DriftStatus.GONE, i.digest(), null,
                        "the pinned digest is no longer in " + registry.placeName(canonical) + "; a build pinned to it fails");
            }
            Set<String> seen = new HashSet<>();
            for (PlatformLock p : i.platforms()) {
                if (!p.digest().equals(i.digest()) && seen.add(p.digest())
                        && !registry.exists(canonical.withDigest(p.digest()))) {
                    return new DriftEntry("image", i.reference(), DriftStatus.GONE, i.digest(), null,
                            "the " + p.platform() + " manifest " + p.digest() + " is no longer in " + registry.placeName(canonical)
                                    + "; builds on that platform fail");
                }
            }
            if (canonical.tag() == null) {
                return new DriftEntry("image", i.reference(), DriftStatus.OK, i.digest(), i.digest(), "pinned digest still available");
            }
            Optional<String> now = registry.headDigest(canonical.withoutDigest());
            if (now.isEmpty()) {
                return new DriftEntry("image", i.reference(), DriftStatus.MOVED, i.digest(), null,
                        "the tag " + canonical.tag() + " no longer exists; the pinned digest is still available");
            }
            if (!now.get().equals(i.digest())) {
                return new DriftEntry("image", i.reference(), DriftStatus.MOVED, i.digest(), now.get(),
                        "the tag " + canonical.tag() + " now points to another image; the pinned digest is still available");
            }
            return new DriftEntry("image", i.reference(), DriftStatus.OK, i.digest(), now.get(), "tag still points to the pinned digest");
        } catch (RegistryException e) {
            throw new ResolutionException(e.getMessage(), e);
        }
    }

    private DriftEntry checkDownload(DownloadLock d) throws ResolutionException {
        DownloadResolver.Fetched f = downloads.fetch(d.url());
        if (!f.ok()) {
            return new DriftEntry("download", d.url(), DriftStatus.GONE, d.sha256(), null,
                    "the server now answers HTTP " + f.status() + "; the build's download fails");
        }
        if (!f.sha256().equals(d.sha256())) {
            return new DriftEntry("download", d.url(), DriftStatus.GONE, d.sha256(), f.sha256(),
                    "the URL now serves different content (" + f.size() + " bytes); the pinned checksum fails");
        }
        return new DriftEntry("download", d.url(), DriftStatus.OK, d.sha256(), f.sha256(), "same content");
    }

    private DriftEntry checkGit(GitLock g) throws ResolutionException {
        String subject = g.url() + "#" + g.ref();
        if (!git.commitFetchable(g.url(), g.commit())) {
            return new DriftEntry("git", subject, DriftStatus.GONE, g.commit(), null,
                    "the pinned commit can no longer be fetched (history rewritten or repository pruned)");
        }
        if (g.ref().equals(g.commit())) {
            return new DriftEntry("git", subject, DriftStatus.OK, g.commit(), g.commit(), "pinned commit still fetchable");
        }
        Optional<String> now = git.currentCommit(g.url(), g.ref());
        if (now.isEmpty()) {
            return new DriftEntry("git", subject, DriftStatus.MOVED, g.commit(), null,
                    "the ref " + g.ref() + " no longer exists; the pinned commit is still fetchable");
        }
        if (!now.get().equals(g.commit())) {
            return new DriftEntry("git", subject, DriftStatus.MOVED, g.commit(), now.get(),
                    "the ref " + g.ref() + " now points to another commit; the pinned commit is still fetchable");
        }
        return new DriftEntry("git", subject, DriftStatus.OK, g.commit(), now.get(), "ref still points to the pinned commit");
    }

    private DriftEntry checkPackage(PackageLock p) throws ResolutionException {
        String subject = p.ecosystem() + ":" + p.name();
        if (p.ecosystem().equals("npm") && npmRegistry != null) {
            return checkNpm(p, subject);
        }
        if (!p.ecosystem().equals("pip") || pythonIndex == null) {
            return new DriftEntry("package", subject, DriftStatus.UNCHECKED, p.version(), null,
                    p.ecosystem().equals("pip") ? "no Python index given (--index-url)"
                            : p.ecosystem().equals("npm") ? "no npm registry given (--npm-registry)"
                            : "no " + p.ecosystem() + " archive is checked by drift");
        }
        Optional<List<String>> hashes = pythonIndex.hashes(p.name(), p.version());
        if (hashes.isEmpty()) {
            return new DriftEntry("package", subject, DriftStatus.GONE, p.version(), null,
                    "version " + p.version() + " is no longer on " + pythonIndex.baseUrl());
        }
        if (!p.hashes().isEmpty() && !hashes.get().containsAll(p.hashes())) {
            return new DriftEntry("package", subject, DriftStatus.GONE, p.version(), p.version(),
                    "the files of " + p.version() + " on " + pythonIndex.baseUrl() + " no longer match the locked hashes");
        }
        return new DriftEntry("package", subject, DriftStatus.OK, p.version(), p.version(), "version still on the index");
    }

    /** gone when the version (or the package) is no longer published; moved when {@code latest} now names another version. */
    private DriftEntry checkNpm(PackageLock p, String subject) throws ResolutionException {
        Optional<NpmRegistry.Release> release = npmRegistry.release(p.name(), p.version());
        if (release.isEmpty()) {
            return new DriftEntry("package", subject, DriftStatus.GONE, p.version(), null,
                    "the package is no longer on " + npmRegistry.baseUrl() + "; npm install " + p.name() + "@" + p.version() + " fails");
        }
        NpmRegistry.Release r = release.get();
        if (!r.versionPublished()) {
            return new DriftEntry("package", subject, DriftStatus.GONE, p.version(), r.latest(),
                    "version " + p.version() + " is no longer published on " + npmRegistry.baseUrl() + "; npm install "
                            + p.name() + "@" + p.version() + " fails");
        }
        if (r.latest() != null && !r.latest().equals(p.version())) {
            return new DriftEntry("package", subject, DriftStatus.MOVED, p.version(), r.latest(),
                    "the latest dist-tag now names " + r.latest() + "; the pinned version is still published");
        }
        return new DriftEntry("package", subject, DriftStatus.OK, p.version(), p.version(), "version still published"
                + (r.latest() == null ? "" : " and still latest"));
    }

    /** ok when the snapshot's indexes list the version; gone when they do not; error when one could not be read. */
    private DriftEntry checkApt(PackageLock p, AptSnapshot snapshot, AptArchive.Listing listing) {
        String subject = "apt:" + p.name();
        String where = aptArchive.archiveUrl(snapshot.url()) + " (" + snapshot.suite() + ", " + aptArchive.architecture() + ")";
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
