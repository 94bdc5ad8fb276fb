package dev.strata.lock;

import static dev.strata.lock.DriftIntegrationTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.registry.LocalRegistry;
import dev.strata.registry.OciLayoutWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --registry-mirror} against a real registry on 127.0.0.1 standing in for a Docker Hub
 * pull-through mirror: {@code FROM ubuntu:latest} is resolved there as {@code library/ubuntu}, the
 * lock keeps the docker.io name, and drift asks the mirror too.
 */
@Tag("integration")
class RegistryMirrorIntegrationTest {
    @TempDir Path tmp;

    @Test
    void locksPinsAndDriftsDockerHubImagesThroughTheMirror() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("reg"))) {
            OciLayoutWriter l1 = new OciLayoutWriter(tmp.resolve("l1"));
            OciLayoutWriter.Blob v1 = l1.image("ubuntu v1", "linux", "amd64");
            l1.tag(v1, "latest");
            registry.push(l1.dir(), "latest", "library/ubuntu", false);
            String mirror = "http://" + registry.host();

            Path project = Files.createDirectories(tmp.resolve("project"));
            Path dockerfile = project.resolve("Dockerfile");
            Files.writeString(dockerfile, "# mirrored\nFROM ubuntu:latest\nRUN true\n");

            var locked = cli("lock", "--registry-mirror", mirror, project.toString());
            assertThat(locked.exit()).as(locked.err()).isZero();
            LockFile lock = LockFileIO.read(project.resolve("strata.lock"));
            assertThat(lock.images()).singleElement().satisfies(i -> {
                assertThat(i.reference()).isEqualTo("ubuntu:latest");
                assertThat(i.canonical()).isEqualTo("docker.io/library/ubuntu:latest");
                assertThat(i.digest()).isEqualTo(v1.digest());
                assertThat(i.source()).isEqualTo(mirror);
            });

            var pinned = cli("pin", project.toString());
            assertThat(pinned.exit()).as(pinned.err()).isZero();
            assertThat(Files.readString(dockerfile)).isEqualTo("# mirrored\nFROM ubuntu:latest@" + v1.digest() + "\nRUN true\n");

            var ok = cli("drift", "--registry-mirror", mirror, project.toString());
            assertThat(ok.exit()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("ok        image    ubuntu:latest", "1 ok, 0 moved, 0 gone");

            OciLayoutWriter l2 = new OciLayoutWriter(tmp.resolve("l2"));
            OciLayoutWriter.Blob v2 = l2.image("ubuntu v2", "linux", "amd64");
            l2.tag(v2, "latest");
            registry.push(l2.dir(), "latest", "library/ubuntu", false);
            var moved = cli("drift", "--registry-mirror", mirror, "--fail-on", "moved", project.toString());
            assertThat(moved.exit()).as(moved.err()).isEqualTo(1);
            assertThat(moved.out()).contains("moved     image    ubuntu:latest", "0 ok, 1 moved, 0 gone");

            registry.delete("library/ubuntu", v1.digest());
            var gone = cli("drift", "--registry-mirror", mirror, project.toString());
            assertThat(gone.exit()).as(gone.err()).isEqualTo(1);
            assertThat(gone.out()).contains("gone      image    ubuntu:latest", "no longer in registry mirror " + mirror);
        }
    }

    @Test
    void aRepositoryTheMirrorLacksIsNotFoundThereAndNothingIsWritten() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("reg"))) {
            Path project = Files.createDirectories(tmp.resolve("project"));
            Files.writeString(project.resolve("Dockerfile"), "FROM docker.io/library/debian:12\n");
            var r = cli("lock", "--registry-mirror", "http://" + registry.host(), project.toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("strata: docker.io/library/debian:12: not found on registry mirror http://"
                    + registry.host() + " (Docker Hub is not asked instead)\n");
            assertThat(project.resolve("strata.lock")).doesNotExist();
        }
    }

    @Test
    void aBadMirrorUrlIsAUsageError() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("Dockerfile"), "FROM ubuntu:latest\n");
        var r = cli("lock", "--registry-mirror", "http://mirror.example.org", project.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("strata: --registry-mirror: ").contains("plain HTTP");
        assertThat(project.resolve("strata.lock")).doesNotExist();
    }
}
