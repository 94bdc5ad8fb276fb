package dev.strata.lock;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;

/**
 * The contents of {@code strata.lock}. Every list is kept sorted (see {@link #sorted()}) so the
 * same resolutions always serialise to the same bytes.
 */
@JsonPropertyOrder({"lockVersion", "dockerfile", "images", "downloads", "git", "packages", "aptSnapshots", "cranSnapshot"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LockFile(
        int lockVersion,
        LockedDockerfile dockerfile,
        List<ImageLock> images,
        List<DownloadLock> downloads,
        List<GitLock> git,
        List<PackageLock> packages,
        List<AptSnapshot> aptSnapshots,
        CranSnapshot cranSnapshot) {

    public static final int VERSION = 1;

    /** A lock without a CRAN snapshot (no R packages installed). */
    public LockFile(int lockVersion, LockedDockerfile dockerfile, List<ImageLock> images, List<DownloadLock> downloads,
            List<GitLock> git, List<PackageLock> packages, List<AptSnapshot> aptSnapshots) {
        this(lockVersion, dockerfile, images, downloads, git, packages, aptSnapshots, null);
    }

    /** The same lock recording {@code file} as the locked Dockerfile (pin's rewrite keeps every entry). */
    public LockFile withDockerfile(LockedDockerfile file) {
        return new LockFile(lockVersion, file, images, downloads, git, packages, aptSnapshots, cranSnapshot);
    }

    /** The same lock with {@code snapshot} as its CRAN snapshot. */
    public LockFile withCranSnapshot(CranSnapshot snapshot) {
        return new LockFile(lockVersion, dockerfile, images, downloads, git, packages, aptSnapshots, snapshot);
    }

    public LockFile {
        images = images == null ? List.of() : List.copyOf(images);
        downloads = downloads == null ? List.of() : List.copyOf(downloads);
        git = git == null ? List.of() : List.copyOf(git);
        packages = packages == null ? List.of() : List.copyOf(packages);
        aptSnapshots = aptSnapshots == null ? List.of() : List.copyOf(aptSnapshots);
    }

    /** The same lock with every list in its canonical order and duplicates removed. */
    public LockFile sorted() {
        return new LockFile(lockVersion, dockerfile,
                images.stream().distinct().sorted(Comparator.comparing(ImageLock::reference).thenComparing(ImageLock::canonical)).toList(),
                downloads.stream().distinct().sorted(Comparator.comparing(DownloadLock::url)).toList(),
                git.stream().distinct().sorted(Comparator.comparing(GitLock::url).thenComparing(GitLock::ref)).toList(),
                packages.stream().distinct().sorted(Comparator.comparing(PackageLock::ecosystem)
                        .thenComparing(PackageLock::name).thenComparing(PackageLock::version)).toList(),
                aptSnapshots.stream().distinct().sorted(Comparator.comparing(AptSnapshot::distribution).thenComparing(AptSnapshot::suite)).toList(), cranSnapshot);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return images.isEmpty() && downloads.isEmpty() && git.isEmpty() && packages.isEmpty();
    }
}
