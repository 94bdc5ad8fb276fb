package dev.strata.lock;

import java.util.List;

/** A lock with one entry of every kind, deliberately listed out of order. */
final class LockFixtures {
    static final String T = "2026-01-02T03:04:05Z";
    static final String D1 = "sha256:" + "1".repeat(64);
    static final String D2 = "sha256:" + "2".repeat(64);
    static final String D3 = "sha256:" + "3".repeat(64);

    private LockFixtures() {}

    static LockFile sample() {
        return new LockFile(1, new LockedDockerfile("Dockerfile", "a".repeat(64)),
                List.of(new ImageLock("ubuntu:22.04", "docker.io/library/ubuntu:22.04", D3, "application/vnd.oci.image.manifest.v1+json",
                                List.of(new PlatformLock("linux/amd64", D3)), "registry-1.docker.io", T),
                        new ImageLock("python:3.11", "docker.io/library/python:3.11", D1, "application/vnd.oci.image.index.v1+json",
                                List.of(new PlatformLock("linux/amd64", D2), new PlatformLock("linux/arm64", D3)), "registry-1.docker.io", T)),
                List.of(new DownloadLock("https://example.org/tool.tar.gz", "b".repeat(64), 1234, "https://cdn.example.org/tool.tar.gz", T)),
                List.of(new GitLock("https://example.org/lab/model.git", "main", "c".repeat(40), T)),
                List.of(new PackageLock("pip", "numpy", "1.26.4", null, List.of("sha256:" + "d".repeat(64)), "https://pypi.org/simple/", T),
                        new PackageLock("apt", "curl", "7.88.1-10+deb12u5", null, List.of(), "image sha256:" + "e".repeat(64), T),
                        new PackageLock("conda", "scipy", "1.11.4", "py311h64a7726_0", List.of(), "image", T)),
                List.of(new AptSnapshot("debian", "20260102T030405Z", "https://snapshot.debian.org/archive/debian/20260102T030405Z/")));
    }
}
