package dev.strata.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.lock.DownloadLock;
import dev.strata.lock.DriftEntry;
import dev.strata.lock.DriftReport;
import dev.strata.lock.DriftStatus;
import dev.strata.lock.GitLock;
import dev.strata.lock.ImageLock;
import dev.strata.lock.LockFile;
import dev.strata.lock.LockResult;
import dev.strata.lock.LockedDockerfile;
import dev.strata.lock.PackageLock;
import dev.strata.lock.PlatformLock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text and JSON renderers of lock and drift, compared with golden files. */
class LockRenderersTest {
    private static final String T = "2026-01-02T03:04:05Z";
    private static final String D = "sha256:" + "1".repeat(64);

    static String golden(String name) throws IOException {
        try (InputStream in = LockRenderersTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\n", System.lineSeparator());
        }
    }

    static DriftReport report() {
        return new DriftReport("strata.lock", List.of(
                new DriftEntry("image", "python:3.11", DriftStatus.MOVED, D, "sha256:" + "4".repeat(64),
                        "the tag 3.11 now points to another image; the pinned digest is still available"),
                new DriftEntry("download", "https://example.org/tool.tar.gz", DriftStatus.GONE, "b".repeat(64), null,
                        "the server now answers HTTP 404; the build's download fails"),
                new DriftEntry("git", "https://example.org/m.git#main", DriftStatus.OK, "c".repeat(40), "c".repeat(40),
                        "ref still points to the pinned commit"),
                new DriftEntry("package", "apt:curl", DriftStatus.UNCHECKED, "7.88.1-10", null, "no apt archive is checked by drift")));
    }

    @Test
    void driftText() throws Exception {
        assertThat(DriftTextRenderer.render(report())).isEqualTo(golden("drift.txt"));
    }

    @Test
    void driftJson() throws Exception {
        assertThat(DriftJsonRenderer.render(report())).isEqualTo(golden("drift.json"));
    }

    @Test
    void lockText() throws Exception {
        LockFile lock = new LockFile(1, new LockedDockerfile("Dockerfile", "a".repeat(64)),
                List.of(new ImageLock("python:3.11", "docker.io/library/python:3.11", D, null,
                        List.of(new PlatformLock("linux/amd64", D), new PlatformLock("linux/arm64", D)), "registry-1.docker.io", T)),
                List.of(new DownloadLock("https://example.org/tool.tar.gz", "b".repeat(64), 3, "https://example.org/tool.tar.gz", T)),
                List.of(new GitLock("https://example.org/m.git", "main", "c".repeat(40), T)),
                List.of(new PackageLock("conda", "xarray", "2024.1.1", "pyhd8ed1ab_0", List.of(), "image", T),
                        new PackageLock("pip", "numpy", "1.26.4", null, List.of("sha256:" + "d".repeat(64)), "index", T)),
                List.of());
        LockResult result = new LockResult(lock, "", List.of("line 7: curl https://x | sh is piped"), true);
        assertThat(LockTextRenderer.render(result, "strata.lock")).isEqualTo(golden("lock.txt"));
    }

    @Test
    void lockTextListsTheCranSnapshot() {
        dev.strata.lock.LockFile lock = new dev.strata.lock.LockFile(1, new dev.strata.lock.LockedDockerfile("Dockerfile", "a".repeat(64)),
                List.of(), List.of(), List.of(), List.of(new dev.strata.lock.PackageLock("r", "ggplot2", "3.5.1", null, List.of(), "image", "2026-01-02T03:04:05Z")),
                List.of(), dev.strata.lock.CranSnapshot.at(java.time.Instant.parse("2026-01-02T03:04:05Z")));
        assertThat(LockTextRenderer.render(new LockResult(lock, "", List.of(), true), "strata.lock")).isEqualTo(
                "r         ggplot2 3.5.1" + System.lineSeparator()
                + "snapshot  https://packagemanager.posit.co/cran/2026-01-02" + System.lineSeparator()
                + "strata.lock: written (0 images, 0 downloads, 0 git, 1 packages)" + System.lineSeparator());
    }
}
