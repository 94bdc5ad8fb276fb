package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pip -r FILE: the file's named requirements are locked from the image, with index hashes. */
class RequirementsLockTest {
    @TempDir Path tmp;

    @Test
    void locksNamedRequirementsOfACopiedRequirementsFile() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            http.putIndexPage("tiny-stats");
            Path project = Files.createDirectories(tmp.resolve("p"));
            Files.writeString(project.resolve("requirements.txt"), "Tiny.Stats>=1.0  # stats\nnumpy==1.0 ; python_version < '3'\n-c constraints.txt\n");
            Files.writeString(project.resolve("Dockerfile"), "FROM scratch\nCOPY requirements.txt /app/requirements.txt\n"
                    + "RUN pip install --no-cache-dir -r /app/requirements.txt\nRUN pip install tiny_stats\n");
            Path image = LockPinDriftEndToEndTest.packageImage(tmp.resolve("image.tar"));
            Locker locker = new Locker(null, new DownloadResolver(Duration.ofSeconds(5), 1), new GitResolver(Duration.ofSeconds(5)),
                    new PythonIndex(http.url("/simple/"), Duration.ofSeconds(5)));
            LockResult result = locker.lock(project.resolve("Dockerfile"), project.resolve("strata.lock"), image, Instant.parse("2026-03-01T00:00:00Z"));
            assertThat(result.lock().packages()).singleElement().satisfies(p -> {
                assertThat(p.name()).isEqualTo("Tiny.Stats");
                assertThat(p.version()).isEqualTo("1.4.2");
                assertThat(p.hashes()).hasSize(2);
            });
            assertThat(result.notes()).anyMatch(n -> n.contains("requirements.txt: requirements locked from the image"));
        }
    }
}
