package dev.strata.lock;

import static dev.strata.lock.DriftIntegrationTest.cli;
import static dev.strata.lock.RepositoryIndexes.Conda;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata lock --image} records where apk and conda packages come from, and
 * {@code strata drift} checks them there (through the mirror options, on loopback), until the
 * repositories drop the locked versions.
 */
class RepositoryLockDriftTest {
    @TempDir Path tmp;

    @Test
    void lockRecordsRepositoriesAndDriftChecksThem() throws Exception {
        Path image = tmp.resolve("image.tar");
        new TestImageBuilder().platform("linux", "amd64", null).layer(TestLayer.of(
                TestEntry.file("etc/os-release", "ID=alpine\nVERSION_ID=3.20.3\n"),
                TestEntry.file("etc/apk/repositories", "https://dl-cdn.alpinelinux.org/alpine/v3.20/main\n"
                        + "https://dl-cdn.alpinelinux.org/alpine/v3.20/community\n"),
                TestEntry.file("lib/apk/db/installed", "C:Q1/Bv3H5gtqi4c2dVYM7w6gqyqKY=\nP:curl\nV:8.9.1-r1\nA:x86_64\no:curl\n\n"),
                TestEntry.file("opt/conda/conda-meta/numpy-1.26.4-py311h64a7726_0.json", "{\"name\":\"numpy\",\"version\":\"1.26.4\","
                        + "\"build\":\"py311h64a7726_0\",\"channel\":\"https://conda.anaconda.org/conda-forge\",\"subdir\":\"linux-64\"}")))
                .write(TestImageBuilder.Format.OCI_ARCHIVE, image);
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("Dockerfile"), "FROM scratch\nRUN apk add --no-cache curl\nRUN conda install -y numpy\n");

        var locked = cli("lock", project.toString(), "--image", image.toString());
        assertThat(locked.exit()).as(locked.err()).isZero();
        String lockText = Files.readString(project.resolve("strata.lock"));
        assertThat(lockText).contains("      - https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64\n"
                + "      - https://dl-cdn.alpinelinux.org/alpine/v3.20/community/x86_64\n")
                .contains("      - https://conda.anaconda.org/conda-forge/linux-64\n");

        try (LoopbackServer http = new LoopbackServer()) {
            http.put("/conda-forge/linux-64/repodata.json", RepositoryIndexes.repodata("linux-64",
                    new Conda("numpy-1.26.4-py311h64a7726_0.conda", "numpy", "1.26.4", "py311h64a7726_0")));
            http.put("/alpine/v3.20/main/x86_64/APKINDEX.tar.gz", RepositoryIndexes.apkindexTarGz(RepositoryIndexes.apkindex("curl=8.9.1-r1")));
            String[] args = {"drift", project.toString(), "--conda-channel-alias", http.url(""), "--apk-repository", http.url("/alpine/v3.20/main/x86_64")};
            var clean = cli(args);
            assertThat(clean.exit()).as(clean.out() + clean.err()).isZero();
            assertThat(clean.out()).contains("2 ok, 0 moved, 0 gone, 0 unchecked");

            // the branch moved curl on: Alpine dropped the locked version
            http.put("/alpine/v3.20/main/x86_64/APKINDEX.tar.gz", RepositoryIndexes.apkindexTarGz(RepositoryIndexes.apkindex("curl=8.9.1-r2")));
            var gone = cli(args);
            assertThat(gone.exit()).isEqualTo(1);
            assertThat(gone.out()).contains("gone      package  apk:curl").contains("1 ok, 0 moved, 1 gone, 0 unchecked");
        }
    }
}
