package dev.strata.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real docker client of a machine with no engine (like the CI machine) must not count as usable. */
@Tag("integration")
class RealDockerProbeTest {
    @Test
    void dockerClientWithoutEngineIsUnusable() {
        CommandResult server = new ProcessCommandRunner().run(
                Command.quick(java.util.List.of("docker", "version", "--format", "{{.Server.Version}}")));
        Assumptions.assumeTrue(server.exitCode() != CommandResult.NOT_STARTED, "skipped: no docker client installed");
        Assumptions.assumeFalse(server.succeeded(), "skipped: a docker engine is reachable here");
        Usability u = new DockerBuilder(new ProcessCommandRunner()).probe();
        assertThat(u.usable()).isFalse();
        assertThat(u.detail()).startsWith("the docker client is installed but no engine is reachable: ");
    }
}
