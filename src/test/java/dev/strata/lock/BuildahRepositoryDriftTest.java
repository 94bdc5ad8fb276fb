package dev.strata.lock;

import static dev.strata.lock.DriftIntegrationTest.cli;
import static dev.strata.lock.RepositoryIndexes.Conda;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testing.Buildah;
import dev.strata.testing.ExportFormat;
import dev.strata.testing.ImageSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image built by buildah holding apk's and conda's records (an Alpine-like and a conda-like
 * file system, no network): lock reads the repositories from it, drift checks the locked versions
 * against real-format indexes on loopback.
 */
@Tag("integration")
class BuildahRepositoryDriftTest {
    @TempDir Path tmp;

    @Test
    void lockAndDriftAnImageBuiltByBuildah() throws Exception {
        try (Buildah buildah = Buildah.open()) {
            ImageSpec spec = ImageSpec.of("FROM scratch\nCOPY rootfs/ /\n")
                    .withFile("rootfs/etc/os-release", "ID=alpine\nVERSION_ID=3.20.3\n")
                    .withFile("rootfs/etc/apk/repositories", "https://dl-cdn.alpinelinux.org/alpine/v3.20/main\n")
                    .withFile("rootfs/lib/apk/db/installed", "C:Q1/Bv3H5gtqi4c2dVYM7w6gqyqKY=\nP:curl\nV:8.9.1-r1\nA:x86_64\no:curl\n\n")
                    .withFile("rootfs/opt/conda/conda-meta/numpy-1.26.4-py311h64a7726_0.json", "{\"name\":\"numpy\",\"version\":\"1.26.4\","
                            + "\"build\":\"py311h64a7726_0\",\"channel\":\"https://conda.anaconda.org/conda-forge\",\"subdir\":\"linux-64\"}");
            Path image = buildah.export(buildah.build(spec), ExportFormat.OCI_ARCHIVE, tmp.resolve("image.tar"));
            Path project = Files.createDirectories(tmp.resolve("project"));
            Files.writeString(project.resolve("Dockerfile"), "FROM scratch\nRUN apk add curl && conda install -y numpy\n");
            var locked = cli("lock", project.toString(), "--image", image.toString());
            assertThat(locked.exit()).as(locked.err()).isZero();
            LockFile lock = LockFileIO.read(project.resolve("strata.lock"));
            assertThat(lock.packages()).extracting(p -> p.ecosystem() + ":" + p.name() + " " + p.repositories()).containsExactly(
                    "apk:curl [https://dl-cdn.alpinelinux.org/alpine/v3.20/main/" + apkArch() + "]",
                    "conda:numpy [https://conda.anaconda.org/conda-forge/linux-64]");

            try (LoopbackServer http = new LoopbackServer()) {
                http.put("/alpine/v3.20/main/" + apkArch() + "/APKINDEX.tar.gz",
                        RepositoryIndexes.apkindexTarGz(RepositoryIndexes.apkindex("curl=8.9.1-r2")));
                http.put("/conda-forge/linux-64/repodata.json.zst", RepositoryIndexes.zstd(RepositoryIndexes.repodata("linux-64",
                        new Conda("numpy-1.26.4-py311h64a7726_0.conda", "numpy", "1.26.4", "py311h64a7726_0"))));
                var drift = cli("drift", project.toString(), "--conda-channel-alias", http.url(""),
                        "--apk-repository", http.url("/alpine/v3.20/main/" + apkArch()));
                assertThat(drift.exit()).as(drift.out() + drift.err()).isEqualTo(1);
                assertThat(drift.out()).contains("gone      package  apk:curl").contains("which now lists 8.9.1-r2")
                        .contains("ok        package  conda:numpy").contains("1 ok, 0 moved, 1 gone, 0 unchecked");
            }
        }
    }

    /** buildah builds for the host's architecture. */
    private static String apkArch() {
        String arch = System.getProperty("os.arch");
        return arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : "x86_64";
    }
}
