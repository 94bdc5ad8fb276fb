package dev.strata.lock;

import static dev.strata.lock.DriftIntegrationTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** strata lock --image, pin and drift on R installs through the CLI, against a loopback CRAN snapshot. */
class RLockPinDriftCliTest {
    @TempDir Path tmp;

    @Test
    void lockPinThenDriftReportsAReplacedPackageAsMoved() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            Path project = Files.createDirectories(tmp.resolve("project"));
            String original = "FROM scratch\n"
                    + "RUN install2.r --error ggplot2 data.table\n"
                    + "RUN R -e \"install.packages('jsonlite', dependencies = TRUE)\"\n";
            Files.writeString(project.resolve("Dockerfile"), original);
            Path image = RLockTest.rImage(tmp.resolve("image.tar"), false);

            var locked = cli("lock", project.toString(), "--image", image.toString());
            assertThat(locked.exit()).as(locked.err()).isZero();
            assertThat(locked.out()).contains("snapshot  https://packagemanager.posit.co/cran/2026-02-01");
            var pinned = cli("pin", project.toString());
            assertThat(pinned.exit()).as(pinned.err()).isZero();
            String url = "https://packagemanager.posit.co/cran/2026-02-01";
            assertThat(Files.readString(project.resolve("Dockerfile"))).isEqualTo("FROM scratch\n"
                    + "RUN install2.r -r " + url + " --error ggplot2 data.table\n"
                    + "RUN R -e \"install.packages('jsonlite', dependencies = TRUE, repos='" + url + "')\"\n");

            http.put("/ppm/cran/2026-02-01/src/contrib/PACKAGES.gz", CranDriftTest.gzip(CranDriftTest.stanza("ggplot2", "3.5.1")
                    + CranDriftTest.stanza("data.table", "1.15.4") + CranDriftTest.stanza("jsonlite", "1.8.8")));
            http.put("/cran/src/contrib/PACKAGES", (CranDriftTest.stanza("ggplot2", "3.5.1") + CranDriftTest.stanza("data.table", "1.16.2")
                    + CranDriftTest.stanza("jsonlite", "1.8.8")).getBytes(StandardCharsets.UTF_8));
            var drift = cli("drift", project.toString(), "--cran-snapshot-service", http.url("/ppm/cran"), "--cran-url", http.url("/cran"),
                    "--format", "json");
            assertThat(drift.exit()).as(drift.err()).isZero();
            assertThat(drift.out()).contains("\"subject\" : \"r:data.table\"", "\"status\" : \"moved\"", "\"current\" : \"1.16.2\"")
                    .containsPattern("\"ok\" : 2,\\s+\"moved\" : 1,\\s+\"gone\" : 0");

            http.put("/ppm/cran/2026-02-01/src/contrib/PACKAGES.gz", CranDriftTest.gzip(CranDriftTest.stanza("ggplot2", "3.5.2")
                    + CranDriftTest.stanza("data.table", "1.15.4") + CranDriftTest.stanza("jsonlite", "1.8.8")));
            var gone = cli("drift", project.toString(), "--cran-snapshot-service", http.url("/ppm/cran"), "--cran-url", "");
            assertThat(gone.exit()).isEqualTo(1);
            assertThat(gone.out()).contains("r:ggplot2");
        }
    }
}
