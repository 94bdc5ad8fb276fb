package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestLayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** strata lock on R installs: versions from the image's DESCRIPTION files, and a CRAN snapshot of the build day. */
class RLockTest {
    static final Instant LOCK_TIME = Instant.parse("2026-03-04T05:06:07Z");
    static final String DOCKERFILE = "FROM scratch\n"
            + "RUN install2.r --error --skipinstalled ggplot2 data.table \\\n"
            + " && R -e \"install.packages(c('jsonlite', 'notinstalled'))\"\n"
            + "RUN Rscript -e 'BiocManager::install(\"limma\")'\n";

    @TempDir Path tmp;

    /** A rocker-style image: R libraries under /usr/local/lib/R, built 2026-02-01 23:59 UTC. */
    static Path rImage(Path target, boolean bioc) throws Exception {
        List<TestEntry> entries = new ArrayList<>(List.of(TestEntry.dir("etc"),
                TestEntry.file("etc/os-release", "ID=ubuntu\nVERSION_ID=\"22.04\"\nVERSION_CODENAME=jammy\n")));
        String site = "usr/local/lib/R/site-library/";
        List<String[]> packages = new ArrayList<>(List.of(new String[] {"ggplot2", "3.5.1"}, new String[] {"data.table", "1.15.4"},
                new String[] {"jsonlite", "1.8.8"}, new String[] {"limma", "3.58.1"}));
        if (bioc) {
            packages.add(new String[] {"BiocVersion", "3.18.1"});
        }
        for (String[] p : packages) {
            entries.add(TestEntry.dir(site + p[0]));
            entries.add(TestEntry.file(site + p[0] + "/DESCRIPTION", "Package: " + p[0] + "\nType: Package\nTitle: A package\nVersion: " + p[1]
                    + "\nDepends: R (>= 3.5.0)\nNeedsCompilation: yes\nBuilt: R 4.4.1; x86_64-pc-linux-gnu; 2026-02-01 23:00:00 UTC; unix\n"));
        }
        entries.add(TestEntry.file("usr/local/lib/R/library/base/DESCRIPTION", "Package: base\nVersion: 4.4.1\nPriority: base\n"));
        new TestImageBuilder().layer(TestLayer.of(entries.toArray(TestEntry[]::new)))
                .config(c -> c.put("created", "2026-02-01T23:59:59Z"))
                .write(TestImageBuilder.Format.OCI_ARCHIVE, target);
        return target;
    }

    private static Locker locker() {
        return new Locker(null, new DownloadResolver(Duration.ofSeconds(5), 1), new GitResolver(Duration.ofSeconds(5)), null);
    }

    private Path project(String dockerfile) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(dir.resolve("Dockerfile"), dockerfile);
        return dir;
    }

    @Test
    void locksInstalledVersionsAndTheBuildDaySnapshot() throws Exception {
        Path dir = project(DOCKERFILE);
        LockResult result = locker().lock(dir.resolve("Dockerfile"), dir.resolve("strata.lock"), rImage(tmp.resolve("img.tar"), true), LOCK_TIME);
        assertThat(result.lock().cranSnapshot()).isEqualTo(new CranSnapshot("2026-02-01", "https://packagemanager.posit.co/cran/2026-02-01"));
        assertThat(result.lock().packages()).extracting(p -> p.name() + "=" + p.version())
                .containsExactly("BiocVersion=3.18.1", "data.table=1.15.4", "ggplot2=3.5.1", "jsonlite=1.8.8", "limma=3.58.1");
        assertThat(result.lock().packages()).allSatisfy(p -> assertThat(p.ecosystem()).isEqualTo("r"));
        assertThat(result.notes()).containsExactly("line 2: r package notinstalled is not installed in the image; not locked");
        String golden = new String(PinGoldenTest.resource("r/strata.lock"), StandardCharsets.UTF_8)
                .replace("SHA", Hashes.sha256Hex(DOCKERFILE.getBytes(StandardCharsets.UTF_8)));
        assertThat(result.text().replaceAll("image sha256:[0-9a-f]{64}\\s+/", "image IMAGE /")).isEqualTo(golden);
        assertThat(LockFileIO.parse(result.text(), "strata.lock")).isEqualTo(result.lock());
    }

    @Test
    void relockingTheSameImageGivesTheSameBytesAndPinCompletesTheRoundTrip() throws Exception {
        Path dir = project(DOCKERFILE);
        Path image = rImage(tmp.resolve("img.tar"), true);
        Path lockPath = dir.resolve("strata.lock");
        LockResult first = locker().lock(dir.resolve("Dockerfile"), lockPath, image, LOCK_TIME);
        Files.writeString(lockPath, first.text());
        LockResult second = locker().lock(dir.resolve("Dockerfile"), lockPath, image, LOCK_TIME.plus(Duration.ofDays(30)));
        assertThat(second.changed()).isFalse();
        assertThat(second.text()).isEqualTo(first.text());

        PinResult plan = Pinner.plan(dir.resolve("Dockerfile"), first.lock());
        String url = "https://packagemanager.posit.co/cran/2026-02-01";
        assertThat(new String(plan.after(), StandardCharsets.UTF_8)).isEqualTo("FROM scratch\n"
                + "RUN install2.r -r " + url + " --error --skipinstalled ggplot2 data.table \\\n"
                + " && R -e \"install.packages(c('jsonlite', 'notinstalled'), repos='" + url + "')\"\n"
                + "RUN Rscript -e 'options(repos = c(CRAN = \"" + url + "\")); BiocManager::install(\"limma\", version=\"3.18\")'\n");
    }

    @Test
    void withoutBiocVersionTheReleaseIsNotLockedAndPinSaysSo() throws Exception {
        Path dir = project(DOCKERFILE);
        LockResult result = locker().lock(dir.resolve("Dockerfile"), dir.resolve("strata.lock"), rImage(tmp.resolve("img.tar"), false), LOCK_TIME);
        assertThat(result.notes()).contains("line 4: the image has no BiocVersion package: the Bioconductor release is not locked");
        PinResult plan = Pinner.plan(dir.resolve("Dockerfile"), result.lock());
        assertThat(plan.notes()).containsExactly("line 4: BiocManager::install: the Bioconductor release is not locked"
                + " (no BiocVersion package in the image); version= not pinned");
    }

    @Test
    void withoutAnImageTheSnapshotIsTheLockDayAndIsKeptOnRelock() throws Exception {
        Path dir = project(DOCKERFILE);
        Path lockPath = dir.resolve("strata.lock");
        LockResult first = locker().lock(dir.resolve("Dockerfile"), lockPath, null, LOCK_TIME);
        assertThat(first.lock().cranSnapshot().date()).isEqualTo("2026-03-04");
        assertThat(first.lock().packages()).isEmpty();
        Files.writeString(lockPath, first.text());
        LockResult later = locker().lock(dir.resolve("Dockerfile"), lockPath, null, LOCK_TIME.plus(Duration.ofDays(3)));
        assertThat(later.lock().cranSnapshot().date()).isEqualTo("2026-03-04");
        assertThat(later.changed()).isFalse();
    }

    @Test
    void aDockerfileWithoutRHasNoCranSnapshot() throws Exception {
        Path dir = project("FROM scratch\nRUN echo hi\n");
        LockResult result = locker().lock(dir.resolve("Dockerfile"), dir.resolve("strata.lock"), null, LOCK_TIME);
        assertThat(result.lock().cranSnapshot()).isNull();
        assertThat(result.text()).doesNotContain("cran");
    }
}
