package dev.strata.lock;

import static dev.strata.lock.DriftIntegrationTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestLayer;
import dev.strata.registry.LocalRegistry;
import dev.strata.registry.OciLayoutWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata lock}, {@code pin} and {@code drift} through the CLI against real servers: a
 * registry on 127.0.0.1 (skopeo-filled, multi-platform), files and a PEP 691 index on loopback, a
 * file:// git repository, and a built image holding the installed package versions.
 */
@Tag("integration")
class LockPinDriftEndToEndTest {
    @TempDir Path tmp;

    static Path packageImage(Path target) {
        String dpkg = "Package: curl\nStatus: install ok installed\nArchitecture: amd64\nVersion: 7.88.1-10+deb12u5\n\n"
                + "Package: git\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1:2.39.5-0+deb12u1\n\n";
        new TestImageBuilder()
                .layer(TestLayer.of(TestEntry.dir("etc"), TestEntry.file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n"),
                        TestEntry.dir("var"), TestEntry.dir("var/lib"), TestEntry.dir("var/lib/dpkg"),
                        TestEntry.file("var/lib/dpkg/status", dpkg)))
                .layer(TestLayer.of(TestEntry.dir("usr/local/lib/python3.11/site-packages/tiny_stats-1.4.2.dist-info"),
                        TestEntry.file("usr/local/lib/python3.11/site-packages/tiny_stats-1.4.2.dist-info/METADATA",
                                "Metadata-Version: 2.1\nName: tiny-stats\nVersion: 1.4.2\n")))
                .config(c -> c.put("created", "2026-02-01T10:20:30Z"))
                .write(TestImageBuilder.Format.OCI_ARCHIVE, target);
        return target;
    }

    @Test
    void locksPinsAndReportsDrift() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("reg")); LoopbackServer http = new LoopbackServer()) {
            OciLayoutWriter layout = new OciLayoutWriter(tmp.resolve("oci"));
            OciLayoutWriter.Blob amd = layout.image("py amd", "linux", "amd64");
            OciLayoutWriter.Blob arm = layout.image("py arm", "linux", "arm64");
            OciLayoutWriter.Blob index = layout.index(List.of(amd, arm), List.of("linux/amd64", "linux/arm64"));
            layout.tag(index, "3.11");
            registry.push(layout.dir(), "3.11", "lab/python", true);
            http.put("/data/w.bin", "weights".getBytes(StandardCharsets.UTF_8));
            http.put("/tools/tool.tar.gz", "tool".getBytes(StandardCharsets.UTF_8));
            http.putIndexPage("tiny-stats");
            GitFixture repo = new GitFixture(Files.createDirectories(tmp.resolve("git")));
            String commit = repo.commit("model v1");

            Path project = Files.createDirectories(tmp.resolve("project"));
            Path dockerfile = project.resolve("Dockerfile");
            String original = "# research image\n"
                    + "FROM " + registry.host() + "/lab/python:3.11\n"
                    + "RUN apt-get update && apt-get install -y curl \\\n    git   # tools\n"
                    + "RUN pip install tiny-stats\n"
                    + "RUN curl -fsSL " + http.url("/data/w.bin") + " -o /opt/w.bin\n"
                    + "RUN git clone " + repo.url() + " /src/model\n"
                    + "ADD " + http.url("/tools/tool.tar.gz") + " /opt/\n";
            Files.writeString(dockerfile, original);
            Path image = packageImage(tmp.resolve("image.tar"));

            var locked = cli("lock", project.toString(), "--image", image.toString(), "--index-url", http.url("/simple/"));
            assertThat(locked.exit()).as(locked.err()).isZero();
            Path lockPath = project.resolve("strata.lock");
            String lockText = Files.readString(lockPath);
            LockFile lock = LockFileIO.parse(lockText, "strata.lock");
            assertThat(lock.images()).singleElement().satisfies(i -> {
                assertThat(i.digest()).isEqualTo(index.digest());
                assertThat(i.platforms()).extracting(PlatformLock::digest).containsExactly(amd.digest(), arm.digest());
            });
            assertThat(lock.packages()).extracting(p -> p.ecosystem() + ":" + p.name() + "=" + p.version())
                    .containsExactly("apt:curl=7.88.1-10+deb12u5", "apt:git=1:2.39.5-0+deb12u1", "pip:tiny-stats=1.4.2");
            assertThat(lock.packages().get(2).hashes()).hasSize(2);
            assertThat(lock.git()).singleElement().extracting(GitLock::commit).isEqualTo(commit);
            assertThat(lock.downloads()).hasSize(2);
            assertThat(lock.aptSnapshots()).containsExactly(new AptSnapshot("debian", "bookworm", "20260201T102030Z",
                    "https://snapshot.debian.org/archive/debian/20260201T102030Z/", List.of("main"), List.of(registry.host() + "/lab/python:3.11")));

            // re-locking an unchanged world gives identical bytes
            assertThat(cli("lock", project.toString(), "--image", image.toString(), "--index-url", http.url("/simple/")).out()).contains("unchanged");
            assertThat(Files.readString(lockPath)).isEqualTo(lockText);

            var dry = cli("pin", "--dry-run", project.toString());
            assertThat(dry.exit()).isZero();
            assertThat(dry.out()).contains("-FROM " + registry.host() + "/lab/python:3.11\n", "+FROM " + registry.host() + "/lab/python:3.11@" + index.digest());
            assertThat(Files.readString(dockerfile)).isEqualTo(original);

            assertThat(cli("pin", project.toString()).exit()).isZero();
            String pinned = Files.readString(dockerfile);
            assertThat(pinned).isEqualTo("# research image\n"
                    + "FROM " + registry.host() + "/lab/python:3.11@" + index.digest() + "\n"
                    + "RUN " + lock.aptSnapshots().get(0).sourcesCommand() + "apt-get update && apt-get install -y curl=7.88.1-10+deb12u5 \\\n    git=1:2.39.5-0+deb12u1   # tools\n"
                    + "RUN pip install tiny-stats==1.4.2\n"
                    + "RUN curl -fsSL " + http.url("/data/w.bin") + " -o /opt/w.bin && echo '" + lock.downloads().get(0).sha256() + "  /opt/w.bin' | sha256sum -c -\n"
                    + "RUN git clone " + repo.url() + " /src/model && git -C /src/model checkout -q " + commit + "\n"
                    + "ADD --checksum=sha256:" + lock.downloads().get(1).sha256() + " " + http.url("/tools/tool.tar.gz") + " /opt/\n");
            assertThat(Files.readString(project.resolve("Dockerfile.orig"))).isEqualTo(original);
            assertThat(cli("pin", project.toString()).out()).contains("nothing left to pin");
            assertThat(Files.readString(dockerfile)).isEqualTo(pinned);

            var clean = cli("drift", project.toString(), "--index-url", http.url("/simple/"));
            assertThat(clean.exit()).as(clean.out()).isZero();
            assertThat(clean.out()).contains("5 ok, 0 moved, 0 gone, 2 unchecked");

            // the tag moves and a download changes
            OciLayoutWriter next = new OciLayoutWriter(tmp.resolve("oci2"));
            OciLayoutWriter.Blob v2 = next.image("py 3.11.9", "linux", "amd64");
            next.tag(v2, "3.11");
            registry.push(next.dir(), "3.11", "lab/python", false);
            assertThat(cli("drift", project.toString()).exit()).isZero();
            assertThat(cli("drift", "--fail-on", "moved", project.toString()).exit()).isEqualTo(1);
            http.put("/tools/tool.tar.gz", "tool v2".getBytes(StandardCharsets.UTF_8));
            var gone = cli("drift", "--format", "json", project.toString());
            assertThat(gone.exit()).isEqualTo(1);
            DriftSchemaTest.assertValid(gone.out());
        }
    }

    @Test
    void refusesAndLeavesFilesUntouchedOnBadInput() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("reg"), "alice", "s3cret")) {
            OciLayoutWriter layout = new OciLayoutWriter(tmp.resolve("oci"));
            OciLayoutWriter.Blob m = layout.image("x", "linux", "amd64");
            layout.tag(m, "1");
            registry.push(layout.dir(), "1", "team/base", false);
            Path project = Files.createDirectories(tmp.resolve("project"));
            Path dockerfile = project.resolve("Dockerfile");
            String original = "FROM " + registry.host() + "/team/base:1\nRUN echo hi\n";
            Files.writeString(dockerfile, original);
            Path lockPath = project.resolve("strata.lock");

            // no credentials, then wrong ones: exit 2, no lock written
            var anonymous = cli("lock", project.toString(), "--docker-config", tmp.resolve("none").toString());
            assertThat(anonymous.exit()).isEqualTo(2);
            assertThat(anonymous.err()).startsWith("strata: ").contains("no credentials for " + registry.host());
            Path wrong = Files.createDirectories(tmp.resolve("wrong"));
            Files.writeString(wrong.resolve("config.json"), "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\""
                    + Base64.getEncoder().encodeToString("alice:nope".getBytes(StandardCharsets.UTF_8)) + "\"}}}");
            var bad = cli("lock", project.toString(), "--docker-config", wrong.toString());
            assertThat(bad.exit()).isEqualTo(2);
            assertThat(bad.err()).contains("rejected the credentials").doesNotContain("nope");
            assertThat(lockPath).doesNotExist();

            Path good = Files.createDirectories(tmp.resolve("good"));
            Files.writeString(good.resolve("config.json"), "{\"auths\":{\"http://" + registry.host() + "\":{\"auth\":\""
                    + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)) + "\"}}}");
            assertThat(cli("lock", project.toString(), "--docker-config", good.toString()).exit()).isZero();
            assertThat(Files.readString(lockPath)).contains(m.digest());
            String lockText = Files.readString(lockPath);

            // Dockerfile changed between lock and pin
            String edited = original + "RUN echo edited\n";
            Files.writeString(dockerfile, edited);
            var changed = cli("pin", project.toString());
            assertThat(changed.exit()).isEqualTo(2);
            assertThat(changed.err()).contains("changed since it was locked");
            assertThat(Files.readString(dockerfile)).isEqualTo(edited);
            Files.writeString(dockerfile, original);

            // read-only Dockerfile
            Files.setPosixFilePermissions(dockerfile, PosixFilePermissions.fromString("r--r--r--"));
            var readOnly = cli("pin", project.toString());
            assertThat(readOnly.exit()).isEqualTo(2);
            assertThat(readOnly.err()).contains("read-only");
            assertThat(Files.readString(dockerfile)).isEqualTo(original);
            assertThat(project.resolve("Dockerfile.orig")).doesNotExist();
            Files.setPosixFilePermissions(dockerfile, PosixFilePermissions.fromString("rw-r--r--"));

            // hand-mangled lock
            Files.writeString(lockPath, lockText.replace(m.digest(), "sha256:xyz"));
            var mangled = cli("pin", project.toString());
            assertThat(mangled.exit()).isEqualTo(2);
            assertThat(mangled.err()).contains("digest is not sha256:<64 hex>");
            assertThat(Files.readString(dockerfile)).isEqualTo(original);
        }
    }

    @Test
    void unreachableRegistryWritesNothing() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path project = Files.createDirectories(tmp.resolve("p"));
        Files.writeString(project.resolve("Dockerfile"), "FROM 127.0.0.1:" + port + "/lab/x:1\n");
        var r = cli("lock", "--timeout", "2", project.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot reach 127.0.0.1:" + port);
        assertThat(project.resolve("strata.lock")).doesNotExist();
        assertThat(cli("lock", tmp.resolve("missing").toString()).err()).contains("no such Dockerfile");
        assertThat(cli("pin", project.toString()).err()).contains("no lock file");
    }
}
