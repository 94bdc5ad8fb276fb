package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.cli.Main;
import dev.strata.registry.CredentialSource;
import dev.strata.registry.LocalRegistry;
import dev.strata.registry.OciLayoutWriter;
import dev.strata.registry.RegistryClient;
import dev.strata.registry.RegistryOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locks real inputs (a registry on 127.0.0.1 filled by skopeo, files and a PEP 691 index served on
 * loopback, file:// git repositories), changes the world, and checks what drift says.
 */
@Tag("integration")
class DriftIntegrationTest {
    @TempDir Path tmp;
    private final Instant now = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void reportsOkMovedAndGoneForEveryKindOfInput() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("reg"));
                LoopbackServer http = new LoopbackServer()) {
            RegistryClient client = new RegistryClient(RegistryOptions.defaults(), CredentialSource.anonymous());
            OciLayoutWriter l1 = new OciLayoutWriter(tmp.resolve("l1"));
            OciLayoutWriter.Blob v1 = l1.image("base v1", "linux", "amd64");
            l1.tag(v1, "1");
            registry.push(l1.dir(), "1", "lab/base", false);
            OciLayoutWriter l2 = new OciLayoutWriter(tmp.resolve("l2"));
            OciLayoutWriter.Blob amd = l2.image("m amd", "linux", "amd64");
            OciLayoutWriter.Blob arm = l2.image("m arm", "linux", "arm64");
            OciLayoutWriter.Blob index = l2.index(List.of(amd, arm), List.of("linux/amd64", "linux/arm64"));
            l2.tag(index, "3");
            registry.push(l2.dir(), "3", "lab/multi", true);
            OciLayoutWriter l3 = new OciLayoutWriter(tmp.resolve("l3"));
            OciLayoutWriter.Blob old = l3.image("old", "linux", "amd64");
            l3.tag(old, "1");
            registry.push(l3.dir(), "1", "lab/old", false);

            http.put("/same.tar.gz", "same bytes".getBytes(StandardCharsets.UTF_8));
            http.put("/changing.sh", "version 1".getBytes(StandardCharsets.UTF_8));
            http.put("/vanishing.zip", "here today".getBytes(StandardCharsets.UTF_8));
            http.putIndexPage("tiny-stats");

            GitFixture moving = new GitFixture(Files.createDirectories(tmp.resolve("g1")));
            moving.commit("first");
            GitFixture rewritten = new GitFixture(Files.createDirectories(tmp.resolve("g2")));
            rewritten.commit("original");

            ImageResolver images = new ImageResolver(client);
            DownloadResolver downloads = new DownloadResolver(Duration.ofSeconds(10), 2);
            GitResolver git = new GitResolver(Duration.ofSeconds(60));
            PythonIndex index691 = new PythonIndex(http.url("/simple/"), Duration.ofSeconds(10));
            String h = registry.host();
            LockFile lock = new LockFile(1, new LockedDockerfile("Dockerfile", "0".repeat(64)),
                    List.of(images.resolve(h + "/lab/base:1", now), images.resolve(h + "/lab/multi:3", now), images.resolve(h + "/lab/old:1", now)),
                    List.of(downloads.resolve(http.url("/same.tar.gz"), now), downloads.resolve(http.url("/changing.sh"), now),
                            downloads.resolve(http.url("/vanishing.zip"), now)),
                    List.of(git.resolve(moving.url(), "main", now), git.resolve(rewritten.url(), "main", now)),
                    List.of(new PackageLock("pip", "tiny_stats", "1.4.2", null, index691.hashes("tiny_stats", "1.4.2").orElseThrow(), index691.baseUrl(), LockClock.format(now)),
                            new PackageLock("pip", "tiny-stats", "1.3.0", null, List.of(), index691.baseUrl(), LockClock.format(now)),
                            new PackageLock("apt", "curl", "7.88.1-10", null, List.of(), "image", LockClock.format(now))),
                    List.of());
            assertThat(lock.images().get(1).digest()).isEqualTo(index.digest());
            assertThat(lock.packages().get(0).hashes()).containsExactly(
                    "sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9",
                    "sha256:4f3b8e5a1c2d7e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071");

            DriftChecker checker = new DriftChecker(client, downloads, git, List.of(new PythonIndexArchive(index691)));
            DriftReport before = checker.check(lock, "strata.lock");
            assertThat(before.entries()).extracting(DriftEntry::status)
                    .containsExactly(DriftStatus.OK, DriftStatus.OK, DriftStatus.OK, DriftStatus.OK, DriftStatus.OK, DriftStatus.OK,
                            DriftStatus.OK, DriftStatus.OK, DriftStatus.OK, DriftStatus.GONE, DriftStatus.UNCHECKED);

            // the world moves on
            OciLayoutWriter l4 = new OciLayoutWriter(tmp.resolve("l4"));
            OciLayoutWriter.Blob v2 = l4.image("base v2", "linux", "amd64");
            l4.tag(v2, "1");
            registry.push(l4.dir(), "1", "lab/base", false);
            registry.delete("lab/multi", arm.digest());
            registry.delete("lab/old", old.digest());
            http.put("/changing.sh", "version 2".getBytes(StandardCharsets.UTF_8));
            http.files.remove("/vanishing.zip");
            String next = moving.commit("second");
            rewritten.rewriteHistory("rewritten");

            DriftReport after = checker.check(lock, "strata.lock");
            Map<String, DriftEntry> bySubject = after.entries().stream().collect(Collectors.toMap(DriftEntry::subject, Function.identity()));
            assertThat(bySubject.get(h + "/lab/base:1").status()).isEqualTo(DriftStatus.MOVED);
            assertThat(bySubject.get(h + "/lab/base:1").current()).isEqualTo(v2.digest());
            assertThat(bySubject.get(h + "/lab/multi:3").status()).isEqualTo(DriftStatus.GONE);
            assertThat(bySubject.get(h + "/lab/multi:3").detail()).contains("linux/arm64");
            assertThat(bySubject.get(h + "/lab/old:1").status()).isEqualTo(DriftStatus.GONE);
            assertThat(bySubject.get(http.url("/same.tar.gz")).status()).isEqualTo(DriftStatus.OK);
            assertThat(bySubject.get(http.url("/changing.sh")).status()).isEqualTo(DriftStatus.GONE);
            assertThat(bySubject.get(http.url("/vanishing.zip")).detail()).contains("HTTP 404");
            assertThat(bySubject.get(moving.url() + "#main").status()).isEqualTo(DriftStatus.MOVED);
            assertThat(bySubject.get(moving.url() + "#main").current()).isEqualTo(next);
            assertThat(bySubject.get(rewritten.url() + "#main").status()).isEqualTo(DriftStatus.GONE);
            assertThat(after.exitCode(DriftReport.FailOn.GONE)).isEqualTo(1);

            // through the CLI: JSON and exit code
            Path lockFile = tmp.resolve("strata.lock");
            Files.writeString(lockFile, LockFileIO.write(lock));
            Result json = cli("drift", "--format", "json", "--index-url", http.url("/simple/"), lockFile.toString());
            assertThat(json.exit()).isEqualTo(1);
            assertThat(json.out()).contains("\"schemaVersion\" : \"1\"", "\"gone\" : 6", "\"moved\" : 2");
            DriftSchemaTest.assertValid(json.out());
            Result text = cli("drift", lockFile.toString());
            assertThat(text.out()).contains("moved     image    " + h + "/lab/base:1", "1 ok, 2 moved, 5 gone, 3 unchecked");
        }
    }

    @Test
    void onlyMovedFailsOnlyWithFailOnMoved() throws Exception {
        GitFixture repo = new GitFixture(Files.createDirectories(tmp.resolve("g")));
        repo.commit("one");
        GitResolver git = new GitResolver(Duration.ofSeconds(60));
        LockFile lock = new LockFile(1, new LockedDockerfile("Dockerfile", "0".repeat(64)), List.of(), List.of(),
                List.of(git.resolve(repo.url(), "main", now)), List.of(), List.of());
        Path lockFile = tmp.resolve("strata.lock");
        Files.writeString(lockFile, LockFileIO.write(lock));
        assertThat(cli("drift", lockFile.toString()).exit()).isZero();
        repo.commit("two");
        assertThat(cli("drift", lockFile.toString()).exit()).isZero();
        assertThat(cli("drift", "--fail-on", "moved", lockFile.toString()).exit()).isEqualTo(1);
    }

    @Test
    void unreachableRegistryAndBrokenLockAreInputErrors() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LockFile lock = new LockFile(1, new LockedDockerfile("Dockerfile", "0".repeat(64)),
                List.of(new ImageLock("127.0.0.1:" + port + "/lab/x:1", "127.0.0.1:" + port + "/lab/x:1", "sha256:" + "1".repeat(64), null, List.of(), "x", LockClock.format(now))),
                List.of(), List.of(), List.of(), List.of());
        Path lockFile = tmp.resolve("strata.lock");
        Files.writeString(lockFile, LockFileIO.write(lock));
        Result r = cli("drift", "--timeout", "2", lockFile.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("strata: ").contains("cannot reach 127.0.0.1:" + port).doesNotContain("Exception");

        Files.writeString(lockFile, "lockVersion: 1\nimages: nonsense\n");
        Result broken = cli("drift", lockFile.toString());
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains("not a valid lock file").doesNotContain("\tat ");
        assertThatThrownBy(() -> LockFileIO.read(lockFile)).isInstanceOf(LockFileException.class);
        assertThat(cli("drift", tmp.resolve("nowhere").toString()).err()).contains("no lock file");
    }

    record Result(int exit, String out, String err) {}

    static Result cli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            // Jazzer's instrumentation (when fuzz tests ran earlier in this JVM) logs to stderr
            String errText = err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("INFO: Instrumented"))
                    .map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
            return new Result(exit, out.toString(StandardCharsets.UTF_8), errText);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
