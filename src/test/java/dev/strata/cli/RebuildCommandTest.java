package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Usage and input errors: exit 2, one line on stderr, nothing on stdout, no builder needed. */
class RebuildCommandTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new StrataCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void missingProjectIsAnInputError() {
        Run r = run("rebuild", tmp.resolve("nope").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("strata: rebuild: " + tmp.resolve("nope") + ": not a directory\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void projectWithoutDockerfileIsAnInputError() {
        Run r = run("rebuild", tmp.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("strata: rebuild: " + tmp.resolve("Dockerfile") + ": no such Dockerfile\n");
    }

    @Test
    void dockerfileOutsideTheProjectIsRefused() throws Exception {
        Files.writeString(tmp.resolve("Dockerfile"), "FROM scratch\n");
        Files.createDirectories(tmp.resolve("p"));
        Run r = run("rebuild", "-f", "../Dockerfile", tmp.resolve("p").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("the Dockerfile must be inside the project");
    }

    @Test
    void badOptionValuesAreUsageErrors() throws Exception {
        Files.writeString(tmp.resolve("Dockerfile"), "FROM scratch\n");
        assertThat(run("rebuild", "--builds", "1", tmp.toString()))
                .isEqualTo(new Run(2, "", "strata: rebuild: --builds must be at least 2 (got 1)\n"));
        Run vary = run("rebuild", "--vary", "time,kernel", tmp.toString());
        assertThat(vary.exit()).isEqualTo(2);
        assertThat(vary.err()).startsWith("strata: rebuild: unknown variation 'kernel'");
        Run builder = run("rebuild", "--builder", "kaniko", tmp.toString());
        assertThat(builder.exit()).isEqualTo(2);
        assertThat(builder.err()).isEqualTo(
                "strata: rebuild: unknown builder 'kaniko' (choose one of buildah, podman, docker, or auto)\n");
        assertThat(run("rebuild", "--no-such-flag", tmp.toString()).exit()).isEqualTo(2);
        assertThat(run("rebuild", "--build-arg", "=x", tmp.toString()).exit()).isEqualTo(2);
    }

    @Test
    void nonEmptyWorkDirectoryIsRefusedBeforeAnyBuild() throws Exception {
        Files.writeString(tmp.resolve("Dockerfile"), "FROM scratch\n");
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("precious.txt"), "keep me");
        Run r = run("rebuild", "--builder", "buildah", "--work-dir", work.toString(), tmp.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("strata: rebuild: " + work + ": work directory is not empty\n");
        assertThat(work.resolve("precious.txt")).hasContent("keep me");
    }

    @Test
    void buildArgsTakeValuesOrTheEnvironment() {
        Map<String, String> args = RebuildCommand.parseArgs(List.of("A=1", "B=", "PATH", "STRATA_SURELY_UNSET_VAR"));
        assertThat(args).containsEntry("A", "1").containsEntry("B", "").containsEntry("PATH", System.getenv("PATH"))
                .doesNotContainKey("STRATA_SURELY_UNSET_VAR");
    }
}
