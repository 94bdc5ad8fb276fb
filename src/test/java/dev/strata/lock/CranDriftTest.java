package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** strata drift for R packages against a loopback CRAN snapshot and a loopback "current CRAN". */
class CranDriftTest {
    static final String T = "2026-01-02T03:04:05Z";

    static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static String stanza(String name, String version) {
        return "Package: " + name + "\nVersion: " + version + "\nDepends: R (>= 3.5.0)\nImports: methods,\n        stats\nLicense: GPL-3\n"
                + "NeedsCompilation: no\n\n";
    }

    private static LockFile lock(String snapshotUrl, List<PackageLock> packages) {
        return new LockFile(1, new LockedDockerfile("Dockerfile", "0".repeat(64)), List.of(), List.of(), List.of(), packages, List.of(),
                new CranSnapshot("2026-01-02", snapshotUrl));
    }

    private static PackageLock r(String name, String version) {
        return new PackageLock("r", name, version, null, List.of(), "image", T);
    }

    @Test
    void okMovedGoneAndUncheckedFromTheSnapshotItsArchiveAndCurrentCran() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            http.put("/snap/2026-01-02/src/contrib/PACKAGES.gz", gzip(stanza("ggplot2", "3.5.1") + stanza("jsonlite", "1.8.8")
                    + stanza("data.table", "1.15.4") + stanza("rlang", "1.1.4")));
            http.put("/snap/2026-01-02/src/contrib/Archive/rlang/rlang_1.1.3.tar.gz", "tarball".getBytes(StandardCharsets.UTF_8));
            http.put("/cran/src/contrib/PACKAGES", (stanza("ggplot2", "3.5.1") + stanza("jsonlite", "1.9.0") + stanza("data.table", "1.16.0")
                    + stanza("rlang", "1.1.4")).getBytes(StandardCharsets.UTF_8));
            LockFile lock = lock(http.url("/snap/2026-01-02"), List.of(r("ggplot2", "3.5.1"), r("jsonlite", "1.8.8"), r("data.table", "1.15.3"),
                    r("rlang", "1.1.3"), r("BiocVersion", "3.18.1")));
            CranArchive archive = new CranArchive(http.url("/cran"), null, Duration.ofSeconds(5));
            List<DriftEntry> entries = archive.check(lock, lock.packages());
            assertThat(entries).extracting(e -> e.subject() + " " + e.status().label() + " " + e.current()).containsExactly(
                    "r:ggplot2 ok 3.5.1",
                    "r:jsonlite moved 1.9.0",
                    "r:data.table gone 1.15.4",
                    "r:rlang moved 1.1.4",
                    "r:BiocVersion unchecked null");
            assertThat(entries.get(2).detail()).contains("1.15.3 is neither listed in", "nor in its Archive");
            assertThat(entries.get(3).detail()).contains("remotes::install_version('rlang', '1.1.3')");
            assertThat(entries.get(4).detail()).contains("not a CRAN package");
        }
    }

    @Test
    void plainPackagesIsReadWhenThereIsNoGzipAndAMirrorServiceReplacesTheRecordedUrl() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            http.put("/mirror/cran/2026-01-02/src/contrib/PACKAGES", stanza("x", "1.0").getBytes(StandardCharsets.UTF_8));
            LockFile lock = lock("https://packagemanager.posit.co/cran/2026-01-02", List.of(r("x", "1.0")));
            CranArchive archive = new CranArchive(null, http.url("/mirror/cran/"), Duration.ofSeconds(5));
            assertThat(archive.check(lock, lock.packages())).singleElement().satisfies(e -> {
                assertThat(e.status()).isEqualTo(DriftStatus.OK);
                assertThat(e.detail()).contains(http.url("/mirror/cran/2026-01-02"));
            });
        }
    }

    @Test
    void unreadableSnapshotIsAnErrorAndAnUnreachableCurrentCranOnlyANote() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            http.put("/snap/2026-01-02/src/contrib/PACKAGES.gz", "not gzip".getBytes(StandardCharsets.UTF_8));
            LockFile bad = lock(http.url("/snap/2026-01-02"), List.of(r("x", "1.0")));
            assertThat(new CranArchive(null, null, Duration.ofSeconds(5)).check(bad, bad.packages())).singleElement()
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(DriftStatus.ERROR);
                        assertThat(e.detail()).contains("not gzip data");
                    });
            http.put("/snap/2026-01-02/src/contrib/PACKAGES.gz", gzip(stanza("x", "1.0")));
            assertThat(new CranArchive(http.url("/nocran"), null, Duration.ofSeconds(5)).check(bad, bad.packages())).singleElement()
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(DriftStatus.OK);
                        assertThat(e.detail()).contains("current CRAN not checked", "has no src/contrib/PACKAGES index");
                    });
        }
    }

    @Test
    void aLockWithoutCranSnapshotLeavesRPackagesUnchecked() throws Exception {
        LockFile lock = new LockFile(1, new LockedDockerfile("Dockerfile", "0".repeat(64)), List.of(), List.of(), List.of(),
                List.of(r("x", "1.0")), List.of());
        assertThat(new CranArchive(null, null, Duration.ofSeconds(1)).check(lock, lock.packages())).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(DriftStatus.UNCHECKED));
    }

    @Test
    void driftCheckerHandsRPackagesToTheCranArchive() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            http.put("/snap/2026-01-02/src/contrib/PACKAGES.gz", gzip(stanza("x", "1.0")));
            LockFile lock = lock(http.url("/snap/2026-01-02"), List.of(r("x", "1.0"), r("y", "2.0")));
            DriftReport report = new DriftChecker(null, null, null, List.of(new CranArchive(null, null, Duration.ofSeconds(5))))
                    .check(lock, "strata.lock");
            assertThat(report.entries()).extracting(e -> e.subject() + " " + e.status().label()).containsExactly("r:x ok", "r:y unchecked");
        }
    }

    @Test
    void anUnreachableSnapshotGivesErrorEntriesNotAFailedRun() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            http.put("/snap/2026-01-02/src/contrib/PACKAGES.gz", gzip(stanza("x", "2.0")));
            LockFile lock = lock(http.url("/snap/2026-01-02"), List.of(r("x", "1.0"), r("y", "1.0")));
            http.files.put("/snap/2026-01-02/src/contrib/Archive/x/x_1.0.tar.gz", new LoopbackServer.Body(new byte[0], "text/plain"));
            List<DriftEntry> entries = new CranArchive(null, "http://127.0.0.1:1/nothing", Duration.ofSeconds(2)).check(lock, lock.packages());
            assertThat(entries).extracting(e -> e.status().label()).containsExactly("error", "error");
            List<DriftEntry> served = new CranArchive(null, null, Duration.ofSeconds(5)).check(lock, lock.packages());
            assertThat(served).extracting(e -> e.subject() + " " + e.status().label()).containsExactly("r:x moved", "r:y unchecked");
        }
    }
}
