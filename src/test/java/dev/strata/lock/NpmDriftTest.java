package dev.strata.lock;

import static dev.strata.lock.DriftIntegrationTest.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift of npm packages against packuments served on loopback (the npm registry protocol). */
class NpmDriftTest {
    private static final String T = "2026-01-02T03:04:05Z";

    @TempDir Path tmp;

    private static void serve(LoopbackServer http, String path, String resource) throws Exception {
        try (InputStream in = NpmDriftTest.class.getResourceAsStream("npm/" + resource)) {
            http.files.put(path, new LoopbackServer.Body(in.readAllBytes(), "application/json"));
        }
    }

    private static LockFile lock(PackageLock... packages) {
        return new LockFile(1, new LockedDockerfile("Dockerfile", "0".repeat(64)), List.of(), List.of(), List.of(), List.of(packages), List.of());
    }

    private static PackageLock npm(String name, String version) {
        return new PackageLock("npm", name, version, null, List.of(), "image", T);
    }

    @Test
    void reportsOkMovedAndGoneNpmVersions() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            serve(http, "/left-pad", "left-pad.json");
            serve(http, "/is-thirteen", "is-thirteen.json");
            serve(http, "/@lab/plot", "lab-plot.json"); // requested as /@lab%2fplot
            DriftChecker checker = new DriftChecker(null, null, null, List.of(new NpmRegistryArchive(new NpmRegistry(http.url("/"), Duration.ofSeconds(5)))));
            DriftReport report = checker.check(lock(npm("@lab/plot", "0.4.2"), npm("is-thirteen", "2.0.0"), npm("left-pad", "1.1.3"),
                    npm("left-pad-unpublished", "1.0.0"), new PackageLock("apt", "curl", "7.88.1-10+deb12u5", null, List.of(), "image", T)), "strata.lock");
            assertThat(report.entries()).extracting(e -> e.subject() + " " + e.status().label() + " " + e.locked() + " -> " + e.current())
                    .containsExactly("npm:@lab/plot ok 0.4.2 -> 0.4.2",
                            "npm:is-thirteen gone 2.0.0 -> 2.0.1",
                            "npm:left-pad moved 1.1.3 -> 1.3.0",
                            "npm:left-pad-unpublished gone 1.0.0 -> null",
                            "apt:curl unchecked 7.88.1-10+deb12u5 -> null");
            assertThat(report.entries().get(1).detail()).contains("version 2.0.0 is no longer published");
            assertThat(report.entries().get(2).detail()).isEqualTo("the latest dist-tag now names 1.3.0; the pinned version is still published");
            assertThat(report.exitCode(DriftReport.FailOn.GONE)).isEqualTo(1);
        }
    }

    @Test
    void cliChecksAgainstTheGivenRegistry() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            serve(http, "/left-pad", "left-pad.json");
            Path lockFile = tmp.resolve("strata.lock");
            Files.writeString(lockFile, LockFileIO.write(lock(npm("left-pad", "1.1.3"))));
            var moved = cli("drift", "--format", "json", "--npm-registry", http.url(""), lockFile.toString());
            assertThat(moved.exit()).as(moved.err()).isZero();
            JsonNode entry = new ObjectMapper().readTree(moved.out()).path("entries").get(0);
            assertThat(entry.path("status").asText()).isEqualTo("moved");
            assertThat(entry.path("current").asText()).isEqualTo("1.3.0");
            assertThat(cli("drift", "--fail-on", "moved", "--npm-registry", http.url("/"), lockFile.toString()).exit()).isEqualTo(1);

            Files.writeString(lockFile, LockFileIO.write(lock(npm("left-pad", "1.3.0"))));
            var ok = cli("drift", "--fail-on", "moved", "--npm-registry", http.url("/"), lockFile.toString());
            assertThat(ok.exit()).as(ok.out()).isZero();
            assertThat(ok.out()).contains("npm:left-pad").contains("ok");
        }
    }

    @Test
    void aRegistryThatAnswersNonsenseIsAnErrorNotDrift() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            http.files.put("/left-pad", new LoopbackServer.Body("<html>maintenance</html>".getBytes(), "text/html"));
            DriftChecker checker = new DriftChecker(null, null, null, List.of(new NpmRegistryArchive(new NpmRegistry(http.url("/"), Duration.ofSeconds(5)))));
            assertThatThrownBy(() -> checker.check(lock(npm("left-pad", "1.3.0")), "strata.lock"))
                    .isInstanceOf(ResolutionException.class).hasMessageContaining("not JSON");
            Path lockFile = tmp.resolve("strata.lock");
            Files.writeString(lockFile, LockFileIO.write(lock(npm("left-pad", "1.3.0"))));
            var r = cli("drift", "--npm-registry", http.url("/"), lockFile.toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).startsWith("strata: ").contains("npm registry answer is not JSON");
        }
    }
}
