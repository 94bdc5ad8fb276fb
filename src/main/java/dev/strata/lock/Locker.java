package dev.strata.lock;

import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.DockerfileParseException;
import dev.strata.dockerfile.DockerfileParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the floating inputs of a Dockerfile into a {@link LockFile}. All or nothing: when one
 * input can not be resolved the whole lock fails, so a half-resolved lock is never written.
 */
public final class Locker {
    private final ImageResolver images;
    private final DownloadResolver downloads;
    private final GitResolver git;
    private final PythonIndex pythonIndex;

    /** The snapshot service apt snapshots are recorded on; null for snapshot.debian.org / snapshot.ubuntu.com. */
    private String aptSnapshotService;

    /**
     * Records apt snapshots on {@code url} (an internal mirror of snapshot.debian.org or
     * snapshot.ubuntu.com with the same path layout) instead of the public services; null for
     * the public ones. Returns this locker.
     */
    public Locker aptSnapshotService(String url) {
        this.aptSnapshotService = url == null || url.isBlank() ? null : url.replaceAll("/+$", "");
        return this;
    }

    /** {@code pythonIndex} may be null (no hashes then). */
    public Locker(ImageResolver images, DownloadResolver downloads, GitResolver git, PythonIndex pythonIndex) {
        this.images = images;
        this.downloads = downloads;
        this.git = git;
        this.pythonIndex = pythonIndex;
    }

    /** Reads and parses a Dockerfile, failing with a message naming it. */
    static Dockerfile parse(Path dockerfile, byte[] bytes) throws LockInputException {
        try {
            return DockerfileParser.parse(dockerfile.toString(), bytes);
        } catch (DockerfileParseException e) {
            throw new LockInputException(e.getMessage(), e);
        }
    }

    static byte[] readDockerfile(Path dockerfile) throws LockInputException {
        try {
            return Files.readAllBytes(dockerfile);
        } catch (IOException e) {
            throw new LockInputException(dockerfile + ": cannot read the Dockerfile (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Locks {@code dockerfile}; the lock will live at {@code lockPath} (its previous content, if
     * valid, keeps the {@code resolvedAt} of entries that resolve to the same thing, so an
     * unchanged world re-locks to identical bytes). {@code image} is the built image package
     * versions are read from, or null.
     */
    public LockResult lock(Path dockerfile, Path lockPath, Path image, Instant now) throws LockInputException, ResolutionException {
        byte[] bytes = readDockerfile(dockerfile);
        Dockerfile df = parse(dockerfile, bytes);
        DockerfileInputs inputs = DockerfileInputs.of(df);
        List<String> notes = new ArrayList<>(inputs.notes());

        Map<String, ImageLock> imageLocks = new LinkedHashMap<>();
        Map<String, DownloadLock> downloadLocks = new LinkedHashMap<>();
        Map<String, GitLock> gitLocks = new LinkedHashMap<>();
        Map<String, PackageLock> packageLocks = new LinkedHashMap<>();
        InstalledPackages installed = null;
        boolean needImage = inputs.targets().stream().map(LockTarget::unwrapped)
                .anyMatch(t -> t instanceof LockTarget.Pkg || t instanceof LockTarget.Requirements || t instanceof LockTarget.RPackages);
        if (needImage && image != null) {
            installed = InstalledPackages.read(image);
        } else if (needImage) {
            notes.add("packages are installed but no --image was given: package versions are not locked");
        }
        for (LockTarget target : inputs.targets()) {
            LockTarget t = target.unwrapped();
            if (t instanceof LockTarget.Image i) {
                if (!imageLocks.containsKey(i.written())) {
                    imageLocks.put(i.written(), images.resolve(i.written(), now));
                }
            } else if (t instanceof LockTarget.Download d) {
                if (!downloadLocks.containsKey(d.url())) {
                    downloadLocks.put(d.url(), downloads.resolve(d.url(), now));
                }
            } else if (t instanceof LockTarget.Git g) {
                String key = g.url() + "#" + g.ref();
                if (!gitLocks.containsKey(key)) {
                    gitLocks.put(key, git.resolve(g.url(), g.ref(), now));
                }
            } else if (t instanceof LockTarget.Pkg p && installed != null) {
                lockPackage(p, installed, packageLocks, notes, now);
            } else if (t instanceof LockTarget.Requirements r && installed != null) {
                lockRequirements(r, dockerfile.toAbsolutePath().getParent(), installed, packageLocks, notes, now);
            } else if (t instanceof LockTarget.RPackages r && installed != null) {
                lockRPackages(r, installed, packageLocks, notes, now);
            } else if (t instanceof LockTarget.RGithub g && !(g.alreadyPinned() && !GitResolver.isFullCommit(g.ref()))) {
                String key = g.url() + "#" + g.ref();
                if (!gitLocks.containsKey(key)) {
                    gitLocks.put(key, git.resolve(g.url(), g.ref(), now));
                }
            }
        }
        List<AptSnapshot> snapshots = new ArrayList<>();
        if (installed != null && (packageLocks.values().stream().anyMatch(p -> p.ecosystem().equals("apt"))
                || inputs.targets().stream().anyMatch(t -> t instanceof LockTarget.AptUpdate u && !u.alreadyPinned()))) {
            snapshots.addAll(aptSnapshots(df, inputs, installed, notes));
        }
        Optional<LockFile> previous = readPrevious(lockPath);
        CranSnapshot cran = cranSnapshot(inputs, installed, previous, now);
        Path lockDir = lockPath.toAbsolutePath().getParent();
        String relative = lockDir.relativize(dockerfile.toAbsolutePath()).toString().replace('\\', '/');
        LockFile fresh = new LockFile(LockFile.VERSION, new LockedDockerfile(relative, Hashes.sha256Hex(bytes)),
                new ArrayList<>(imageLocks.values()), new ArrayList<>(downloadLocks.values()), new ArrayList<>(gitLocks.values()),
                new ArrayList<>(packageLocks.values()), snapshots, cran).sorted();

        LockFile lock = previous.map(old -> keepResolutionTimes(old, fresh)).orElse(fresh);
        String text = LockFileIO.write(lock);
        boolean changed = previous.map(old -> !LockFileIO.write(old).equals(text)).orElse(true);
        return new LockResult(lock, text, notes, changed);
    }

    /** Each named R package at its version in the image, and for Bioconductor installs the BiocVersion package (its release). */
    private void lockRPackages(LockTarget.RPackages r, InstalledPackages installed, Map<String, PackageLock> packageLocks, List<String> notes,
            Instant now) throws ResolutionException {
        for (String name : r.packages()) {
            lockPackage(new LockTarget.Pkg("r", name, 0, 0, name, false, r.line()), installed, packageLocks, notes, now);
        }
        if (r.installer().equals("BiocManager::install") || r.installer().equals("installBioc.r")) {
            installed.find("r", "BiocVersion", now).ifPresentOrElse(p -> packageLocks.putIfAbsent("r/BiocVersion", p),
                    () -> notes.add("line " + r.line() + ": the image has no BiocVersion package: the Bioconductor release is not locked"));
        }
    }

    /**
     * The dated CRAN repository for the R installs: the UTC day the image was built (its
     * packages were current then), else the previous lock's (an unchanged lock keeps its date),
     * else the day of locking. None when nothing is installed from CRAN.
     */
    static CranSnapshot cranSnapshot(DockerfileInputs inputs, InstalledPackages installed, Optional<LockFile> previous, Instant now) {
        boolean cran = inputs.targets().stream().anyMatch(t -> t instanceof LockTarget.RPackages);
        if (!cran) {
            return null;
        }
        Optional<Instant> built = installed == null ? Optional.empty() : installed.created();
        if (built.isPresent()) {
            return CranSnapshot.at(built.get());
        }
        return previous.map(LockFile::cranSnapshot).orElseGet(() -> CranSnapshot.at(now));
    }

    /**
     * The apt snapshots pin writes before each stage's {@code apt-get update}: the built image's
     * (its release and components) for every stage on the final stage's base, and for a stage on
     * another base the release its tag names, at the same time; a stage whose release can not be
     * known is left out with a note. Each snapshot records the bases of the stages it serves.
     */
    List<AptSnapshot> aptSnapshots(Dockerfile df, DockerfileInputs inputs, InstalledPackages installed, List<String> notes) {
        Optional<AptSnapshot> image = installed.aptSnapshot(aptSnapshotService);
        AptStages stages = AptStages.of(df);
        Optional<String> finalBase = stages.finalBase();
        List<LockTarget.AptUpdate> updates = inputs.targets().stream()
                .filter(t -> t instanceof LockTarget.AptUpdate).map(t -> (LockTarget.AptUpdate) t).toList();
        Map<String, AptSnapshot> bySuite = new LinkedHashMap<>();
        image.ifPresent(s -> bySuite.put(s.distribution() + "/" + s.suite(), s));
        for (LockTarget.AptUpdate u : updates) {
            // an update pin already pointed at a snapshot keeps its base listed, so re-locking a pinned file changes nothing
            String base = stages.baseAt(u.insertAt()).orElse("");
            if (base.equals(finalBase.orElse(null))) {
                if (image.isEmpty() && !u.alreadyPinned()) {
                    notes.add("line " + u.line() + ": apt-get update: the image is not Debian or Ubuntu with a creation time; no apt snapshot");
                    continue;
                }
                if (image.isEmpty()) {
                    continue;
                }
                String key = image.get().distribution() + "/" + image.get().suite();
                bySuite.put(key, bySuite.get(key).withBase(base));
                continue;
            }
            Optional<String[]> suite = AptStages.suiteOfTag(base);
            Optional<String> timestamp = installed.snapshotTimestamp();
            if (suite.isEmpty() || timestamp.isEmpty()) {
                if (u.alreadyPinned()) {
                    continue;
                }
                notes.add("line " + u.line() + ": apt-get update in a stage FROM " + base + ": "
                        + (suite.isEmpty() ? "its release is unknown (not the built image's base, and its tag names no release codename)"
                        : "the image has no creation time") + "; not pinned to an apt snapshot");
                continue;
            }
            String distribution = suite.get()[0];
            String service = aptSnapshotService != null ? aptSnapshotService : InstalledPackages.publicService(distribution);
            String key = distribution + "/" + suite.get()[1];
            AptSnapshot snapshot = bySuite.getOrDefault(key, new AptSnapshot(distribution, suite.get()[1], timestamp.get(),
                    AptSnapshot.archiveUrl(service, distribution, timestamp.get()), AptSnapshot.defaultComponents(distribution), null));
            bySuite.put(key, snapshot.withBase(base));
        }
        return new ArrayList<>(bySuite.values());
    }

    private void lockPackage(LockTarget.Pkg p, InstalledPackages installed, Map<String, PackageLock> packageLocks, List<String> notes, Instant now)
            throws ResolutionException {
        String key = p.ecosystem() + "/" + (p.ecosystem().equals("pip") ? PythonIndex.normalise(p.name()) : p.name());
        if (packageLocks.containsKey(key)) {
            return;
        }
        Optional<PackageLock> found = installed.find(p.ecosystem(), p.name(), now);
        if (found.isEmpty()) {
            notes.add("line " + p.line() + ": " + p.ecosystem() + " package " + p.name() + " is not installed in the image; not locked");
            return;
        }
        PackageLock pkg = found.get();
        if (p.ecosystem().equals("pip") && pythonIndex != null) {
            Optional<List<String>> hashes = pythonIndex.hashes(p.name(), pkg.version());
            if (hashes.isPresent()) {
                pkg = new PackageLock(pkg.ecosystem(), pkg.name(), pkg.version(), pkg.build(), hashes.get(),
                        pkg.source() + "; hashes from " + pythonIndex.baseUrl(), pkg.resolvedAt(), pkg.repositories());
            } else {
                notes.add("line " + p.line() + ": " + p.name() + "==" + pkg.version() + " is not on " + pythonIndex.baseUrl() + "; no hashes");
            }
        }
        packageLocks.put(key, pkg);
    }

    /**
     * Locks the named requirements of a pip requirements file from the build context (its
     * {@code -r} includes followed): the file is looked up as written, then by its base name,
     * relative to the Dockerfile's directory. A file strata generated is locked like any other.
     */
    private void lockRequirements(LockTarget.Requirements r, Path context, InstalledPackages installed,
            Map<String, PackageLock> packageLocks, List<String> notes, Instant now) throws ResolutionException {
        Optional<String> found = RequirementsLock.findInContext(context, r.path());
        if (found.isEmpty()) {
            notes.add("line " + r.line() + ": pip -r " + r.path() + ": not found in the build context; its requirements are not locked");
            return;
        }
        String relative = found.get();
        dev.strata.project.RequirementsFile file = RequirementsLock.parse(context, relative);
        if (!file.problems().isEmpty() && file.requirements().isEmpty()) {
            notes.add("line " + r.line() + ": " + relative + ": cannot be read; its requirements are not locked");
            return;
        }
        List<String> skipped = new ArrayList<>();
        for (dev.strata.project.Requirement q : RequirementsLock.installed(file)) {
            if (!RequirementsLock.lockable(q)) {
                skipped.add(q.file() + ":" + q.line());
                continue;
            }
            lockPackage(new LockTarget.Pkg("pip", q.name(), 0, 0, q.name(), false, r.line()), installed, packageLocks, notes, now);
        }
        notes.add("line " + r.line() + ": " + relative + ": requirements locked from the image; pin writes them to "
                + RequirementsLock.lockName(relative) + (skipped.isEmpty() ? "" : " when every requirement is locked (not lockable: "
                + String.join(", ", skipped) + ")"));
    }

    private static Optional<LockFile> readPrevious(Path lockPath) {
        if (!Files.isRegularFile(lockPath)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LockFileIO.read(lockPath));
        } catch (LockFileException e) {
            return Optional.empty();
        }
    }

    /** Entries that resolve exactly as before keep their old time stamp. */
    static LockFile keepResolutionTimes(LockFile old, LockFile fresh) {
        Map<ImageLock, String> imageTimes = new HashMap<>();
        old.images().forEach(i -> imageTimes.put(withTime(i, ""), i.resolvedAt()));
        Map<DownloadLock, String> downloadTimes = new HashMap<>();
        old.downloads().forEach(d -> downloadTimes.put(new DownloadLock(d.url(), d.sha256(), d.size(), d.source(), ""), d.resolvedAt()));
        Map<GitLock, String> gitTimes = new HashMap<>();
        old.git().forEach(g -> gitTimes.put(new GitLock(g.url(), g.ref(), g.commit(), ""), g.resolvedAt()));
        Map<PackageLock, String> pkgTimes = new HashMap<>();
        old.packages().forEach(p -> pkgTimes.put(withTime(p, ""), p.resolvedAt()));
        return new LockFile(fresh.lockVersion(), fresh.dockerfile(),
                fresh.images().stream().map(i -> withTime(i, imageTimes.getOrDefault(withTime(i, ""), i.resolvedAt()))).toList(),
                fresh.downloads().stream().map(d -> new DownloadLock(d.url(), d.sha256(), d.size(), d.source(),
                        downloadTimes.getOrDefault(new DownloadLock(d.url(), d.sha256(), d.size(), d.source(), ""), d.resolvedAt()))).toList(),
                fresh.git().stream().map(g -> new GitLock(g.url(), g.ref(), g.commit(),
                        gitTimes.getOrDefault(new GitLock(g.url(), g.ref(), g.commit(), ""), g.resolvedAt()))).toList(),
                fresh.packages().stream().map(p -> withTime(p, pkgTimes.getOrDefault(withTime(p, ""), p.resolvedAt()))).toList(),
                fresh.aptSnapshots(), fresh.cranSnapshot());
    }

    private static ImageLock withTime(ImageLock i, String t) {
        return new ImageLock(i.reference(), i.canonical(), i.digest(), i.mediaType(), i.platforms(), i.source(), t);
    }

    private static PackageLock withTime(PackageLock p, String t) {
        return new PackageLock(p.ecosystem(), p.name(), p.version(), p.build(), p.hashes(), p.source(), t, p.repositories());
    }
}
