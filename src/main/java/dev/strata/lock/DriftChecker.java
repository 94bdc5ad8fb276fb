package dev.strata.lock;

import dev.strata.registry.ImageReference;
import dev.strata.registry.RegistryClient;
import dev.strata.registry.RegistryException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final Map<String, PackageArchive> archives = new LinkedHashMap<>();

    /**
     * @param archives where locked packages are checked, at most one per ecosystem; the packages of
     *     an ecosystem without an archive are reported unchecked
     */
    public DriftChecker(RegistryClient registry, DownloadResolver downloads, GitResolver git, List<PackageArchive> archives) {
        this.registry = registry;
        this.downloads = downloads;
        this.git = git;
        for (PackageArchive a : archives) {
            if (archives.stream().filter(b -> b.ecosystem().equals(a.ecosystem())).count() > 1) {
                throw new IllegalArgumentException("two package archives for " + a.ecosystem());
            }
            this.archives.put(a.ecosystem(), a);
        }
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
        // each archive sees all the packages of its ecosystem at once (one index read for many
        // packages); the entries go back in lock order
        Map<String, List<PackageLock>> byEcosystem = new LinkedHashMap<>();
        for (PackageLock p : lock.packages()) {
            byEcosystem.computeIfAbsent(p.ecosystem(), e -> new ArrayList<>()).add(p);
        }
        Map<PackageLock, DriftEntry> entries = new IdentityHashMap<>();
        for (Map.Entry<String, List<PackageLock>> e : byEcosystem.entrySet()) {
            PackageArchive archive = archives.get(e.getKey());
            List<PackageLock> locked = e.getValue();
            if (archive == null) {
                locked.forEach(p -> entries.put(p, unchecked(p, uncheckedReason(p.ecosystem()))));
                continue;
            }
            List<DriftEntry> checked = archive.check(lock, locked);
            if (checked.size() != locked.size()) {
                throw new IllegalStateException(archive.getClass().getSimpleName() + " answered " + checked.size() + " entries for "
                        + locked.size() + " packages");
            }
            for (int k = 0; k < locked.size(); k++) {
                entries.put(locked.get(k), checked.get(k));
            }
        }
        for (PackageLock p : lock.packages()) {
            out.add(entries.get(p));
        }
        return new DriftReport(lockName, out);
    }

    /** The entry of a package nothing checks. */
    static DriftEntry unchecked(PackageLock p, String reason) {
        return new DriftEntry("package", p.ecosystem() + ":" + p.name(), DriftStatus.UNCHECKED, p.version(), null, reason);
    }

    private static String uncheckedReason(String ecosystem) {
        return switch (ecosystem) {
            case "pip" -> "no Python index given (--index-url)";
            case "npm" -> "no npm registry given (--npm-registry)";
            default -> "no " + ecosystem + " archive is checked by drift";
        };
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
}
