package dev.strata.lock;

import static dev.strata.lock.DriftIntegrationTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift of apt packages locked with a snapshot, against Debian Packages indexes served on loopback. */
class AptDriftTest {
    private static final String T = "2026-02-01T10:20:30Z";
    private static final String TS = "20260201T102030Z";
    private static final String MAIN = "/archive/debian/" + TS + "/dists/bookworm/main/binary-amd64/Packages";
    private static final String SECURITY = "/archive/debian-security/" + TS + "/dists/bookworm-security/main/binary-amd64/Packages";

    @TempDir Path tmp;

    /** A Debian-format index: stanzas with the fields apt writes, separated by blank lines. */
    private static String stanza(String name, String version, String arch) {
        return "Package: " + name + "\nSource: " + name + "\nVersion: " + version + "\nInstalled-Size: 512\n"
                + "Maintainer: Debian Maintainers <debian@example.org>\nArchitecture: " + arch + "\n"
                + "Depends: libc6 (>= 2.34)\nDescription: " + name + " for tests\n"
                + " A longer description line\n .\n with a paragraph break.\n"
                + "Filename: pool/main/" + name.charAt(0) + "/" + name + "/" + name + "_" + version.replace(':', '%') + "_" + arch + ".deb\n"
                + "Size: 4096\nSHA256: " + "ab".repeat(32) + "\n\n";
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static LockFile lock() {
        return new LockFile(1, new LockedDockerfile("Dockerfile", "0".repeat(64)), List.of(), List.of(), List.of(),
                List.of(new PackageLock("apt", "curl", "7.88.1-10+deb12u5", null, List.of(), "image", T),
                        new PackageLock("apt", "git", "1:2.39.5-0+deb12u1", null, List.of(), "image", T),
                        new PackageLock("apt", "libssl3", "3.0.11-1~deb12u2", null, List.of(), "image", T),
                        new PackageLock("apt", "tzdata", "2024a-0+deb12u1", null, List.of(), "image", T)),
                List.of(new AptSnapshot("debian", "bookworm", TS, "https://snapshot.debian.org/archive/debian/" + TS + "/")));
    }

    private static void serveArchive(LoopbackServer http) throws Exception {
        http.put(MAIN + ".gz", gzip(stanza("curl", "7.88.1-10+deb12u4", "amd64") + stanza("git", "1:2.39.5-0+deb12u1", "amd64")
                + stanza("libssl3", "3.0.11-1~deb12u1", "amd64") + stanza("tzdata", "2024a-0+deb12u1", "all")));
        // bookworm-updates has no index in this snapshot (404); security is served uncompressed only
        http.put(SECURITY, (stanza("curl", "7.88.1-10+deb12u5", "amd64") + stanza("libssl3", "3.0.13-1~deb12u1", "amd64"))
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aVersionListedInTheSnapshotIsOkAndOneMissingIsGone() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            serveArchive(http);
            DriftChecker checker = new DriftChecker(null, null, null, List.of(new AptSnapshotArchive(new AptArchive(http.url("/"), "amd64", Duration.ofSeconds(5)))));
            DriftReport report = checker.check(lock(), "strata.lock");
            assertThat(report.entries()).extracting(e -> e.subject() + " " + e.status().label())
                    .containsExactly("apt:curl ok", "apt:git ok", "apt:libssl3 gone", "apt:tzdata ok");
            assertThat(report.entries().get(2).detail()).isEqualTo("version 3.0.11-1~deb12u2 is not in the Packages indexes of the snapshot "
                    + http.url("/archive/debian/" + TS + "/") + " (bookworm, amd64); apt-get install libssl3=3.0.11-1~deb12u2 fails");
            assertThat(report.exitCode(DriftReport.FailOn.GONE)).isEqualTo(1);
        }
    }

    @Test
    void anUnreadableIndexIsAnErrorEntryNotOk() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            serveArchive(http);
            http.put(MAIN + ".gz", "not gzip at all".getBytes(StandardCharsets.UTF_8));
            Path lockFile = tmp.resolve("strata.lock");
            Files.writeString(lockFile, LockFileIO.write(lock()));
            var r = cli("drift", "--format", "json", "--apt-snapshot-url", http.url(""), lockFile.toString());
            DriftSchemaTest.assertValid(r.out());
            JsonNode root = new ObjectMapper().readTree(r.out());
            // curl is listed by the security index that could be read; the others can not be concluded
            assertThat(root.path("entries")).extracting(e -> e.path("subject").asText() + " " + e.path("status").asText())
                    .containsExactly("apt:curl ok", "apt:git error", "apt:libssl3 error", "apt:tzdata error");
            assertThat(root.path("entries").get(1).path("detail").asText()).contains(MAIN + ".gz").contains("not a gzip Packages index");
            assertThat(root.path("summary").path("error").asInt()).isEqualTo(3);
            assertThat(r.exit()).isEqualTo(2);
        }
    }

    @Test
    void anUnreachableArchiveIsAnErrorAndWithoutTheOptionAptIsUnchecked() throws Exception {
        Path lockFile = tmp.resolve("strata.lock");
        Files.writeString(lockFile, LockFileIO.write(lock()));
        String closed;
        try (LoopbackServer http = new LoopbackServer()) {
            closed = http.url("");
        }
        var r = cli("drift", "--timeout", "2", "--apt-snapshot-url", closed, lockFile.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("error     package  apt:git").contains("cannot reach the snapshot archive")
                .contains("0 ok, 0 moved, 0 gone, 0 unchecked, 4 not checked (error)");
        var unchecked = cli("drift", lockFile.toString());
        assertThat(unchecked.exit()).isZero();
        assertThat(unchecked.out()).contains("0 ok, 0 moved, 0 gone, 4 unchecked");
    }

    @Test
    void cliReportsGoneThroughTheSnapshotBaseGiven() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            serveArchive(http);
            Path lockFile = tmp.resolve("strata.lock");
            Files.writeString(lockFile, LockFileIO.write(lock()));
            var r = cli("drift", "--apt-snapshot-url", http.url("/"), "--apt-architecture", "amd64", lockFile.toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).contains("gone      package  apt:libssl3").contains("3 ok, 0 moved, 1 gone, 0 unchecked");
        }
    }
}
