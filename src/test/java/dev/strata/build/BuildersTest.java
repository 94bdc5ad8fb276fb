package dev.strata.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildersTest {
    private static final String NO_ENGINE =
            "Client:\n Version: 28.2.2\nCannot connect to the Docker daemon at unix:///var/run/docker.sock."
                    + " Is the docker daemon running?";

    /** A machine like this one: buildah absent, podman absent, docker client without engine. */
    private static FakeRunner nothingUsable() {
        return new FakeRunner(argv -> {
            String p = argv.get(0);
            if (p.equals("docker")) {
                return argv.contains("{{.Client.Version}}") ? FakeRunner.ok("28.2.2") : FakeRunner.fail(1, NO_ENGINE);
            }
            return FakeRunner.fail(CommandResult.NOT_STARTED, "cannot run " + p + ": error=2, No such file or directory");
        });
    }

    private static Builders all(CommandRunner r) {
        return new Builders(List.of(new BuildahBuilder(r), new PodmanBuilder(r), new DockerBuilder(r)));
    }

    @Test
    void dockerClientWithoutEngineIsNotUsableAndTheMessageSaysWhatToInstall() {
        assertThatThrownBy(() -> all(nothingUsable()).choose("auto"))
                .isInstanceOf(BuilderException.class)
                .hasMessageContaining("buildah is not installed")
                .hasMessageContaining("podman is not installed")
                .hasMessageContaining("the docker client is installed but no engine is reachable: Cannot connect to"
                        + " the Docker daemon")
                .hasMessageContaining("Install buildah (Debian/Ubuntu: apt-get install buildah");
    }

    @Test
    void autoTakesTheFirstUsableInOrder() {
        FakeRunner r = new FakeRunner(argv -> argv.get(0).equals("buildah")
                ? FakeRunner.fail(CommandResult.NOT_STARTED, "not found")
                : FakeRunner.ok("podman version 4.3.1"));
        BuilderChoice c = all(r).choose(null);
        assertThat(c.builder().name()).isEqualTo("podman");
        assertThat(c.probes()).extracting(Usability::builder).containsExactly("buildah", "podman");
        assertThat(c.probes().get(0).usable()).isFalse();
    }

    @Test
    void requestedBuilderIsProbedAlone() {
        FakeRunner r = new FakeRunner(argv -> FakeRunner.ok("ok"));
        BuilderChoice c = all(r).choose("Docker");
        assertThat(c.builder().name()).isEqualTo("docker");
        assertThat(r.argvs()).allMatch(a -> a.get(0).equals("docker"));
    }

    @Test
    void requestedButUnusableNamesTheReason() {
        assertThatThrownBy(() -> all(nothingUsable()).choose("docker"))
                .isInstanceOf(BuilderException.class)
                .hasMessageStartingWith("docker is not usable: the docker client is installed but no engine");
    }

    @Test
    void unknownBuilderIsAUsageError() {
        assertThatThrownBy(() -> all(nothingUsable()).choose("kaniko"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown builder 'kaniko' (choose one of buildah, podman, docker, or auto)");
    }

    @Test
    void dockerWithEngineButNoBuildxIsNotUsable() {
        FakeRunner r = new FakeRunner(argv -> argv.contains("buildx")
                ? FakeRunner.fail(1, "docker: unknown command: docker buildx") : FakeRunner.ok("28.2.2"));
        Usability u = new DockerBuilder(r).probe();
        assertThat(u.usable()).isFalse();
        assertThat(u.detail()).contains("buildx plugin is missing");
    }

    @Test
    void buildahFallsBackToVfsWhenTheDefaultStorageCannotCreateAContainer() {
        FakeRunner r = new FakeRunner(argv -> {
            if (argv.contains("--version")) {
                return FakeRunner.ok("buildah version 1.28.2");
            }
            if (argv.contains("from") && !argv.contains("vfs")) {
                return FakeRunner.fail(125, "Error: kernel does not support overlay fs: 'overlay' is not supported");
            }
            return FakeRunner.ok("strata-probe");
        });
        BuildahBuilder b = new BuildahBuilder(r);
        Usability u = b.probe();
        assertThat(u.usable()).isTrue();
        assertThat(u.detail()).isEqualTo("buildah version 1.28.2 (vfs storage)");
        assertThat(b.argv(List.of("images"))).containsExactly("buildah", "--storage-driver", "vfs", "images");
    }

    @Test
    void buildahUnusableWhenEvenVfsFails() {
        FakeRunner r = new FakeRunner(argv -> argv.contains("--version") ? FakeRunner.ok("buildah version 1.28.2")
                : FakeRunner.fail(125, "Error: cannot setup namespace using newuidmap: exit status 1"));
        Usability u = new BuildahBuilder(r).probe();
        assertThat(u.usable()).isFalse();
        assertThat(u.detail()).isEqualTo(
                "buildah cannot create a container: Error: cannot setup namespace using newuidmap: exit status 1");
    }
}
