package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {
    @TempDir Path dir;

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

    private Path dockerfile(String text) throws Exception {
        Path p = dir.resolve("Dockerfile");
        Files.writeString(p, text);
        return p;
    }

    private void assertNothingWritten(Path... except) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            assertThat(s.filter(Files::isRegularFile).filter(p -> !java.util.List.of(except).contains(p)).toList())
                    .as("files written").isEmpty();
        }
    }

    @Test
    void exitOneOnErrorsAndZeroWhenTheThresholdIsHigher() throws Exception {
        dockerfile("FROM ubuntu:latest\n");
        Run r = run("audit", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("base-image-latest");
        assertThat(r.err()).isEmpty();
        assertThat(run("audit", dir.toString(), "--fail-on", "none").exit()).isZero();
    }

    @Test
    void warningsFailOnlyWhenAsked() throws Exception {
        dockerfile("FROM python:3.12\n");
        assertThat(run("audit", dir.toString()).exit()).isZero();
        assertThat(run("audit", dir.toString(), "--fail-on", "warning").exit()).isEqualTo(1);
    }

    @Test
    void cleanDockerfileExitsZeroInEveryFormat() throws Exception {
        Path f = dockerfile("FROM scratch\n");
        for (String fmt : new String[] {"text", "json", "sarif"}) {
            Run r = run("audit", f.toString(), "--format", fmt, "--fail-on", "info");
            assertThat(r.exit()).as(fmt).isZero();
            assertThat(r.out()).as(fmt).isNotEmpty();
        }
    }

    @Test
    void outputFileIsWrittenAndStdoutStaysEmpty() throws Exception {
        dockerfile("FROM ubuntu:latest\n");
        Path out = dir.resolve("report.json");
        Run r = run("audit", dir.resolve("Dockerfile").toString(), "--format", "json", "--output", out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).contains("\"rule\" : \"base-image-latest\"");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("Dockerfile", "report.json");
        }
    }

    @Test
    void missingPath() throws Exception {
        Run r = run("audit", dir.resolve("nope").toString(), "--output", dir.resolve("r.txt").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("strata: " + dir.resolve("nope") + ": no such file or directory\n");
        assertThat(r.out()).isEmpty();
        assertNothingWritten();
    }

    @Test
    void emptyDirectory() throws Exception {
        Run r = run("audit", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("strata: " + dir + ": no Dockerfile");
    }

    @Test
    void binaryAndNonUtf8Files() throws Exception {
        Path f = dir.resolve("Dockerfile");
        Files.write(f, new byte[] {'F', 'R', 'O', 'M', ' ', 0, 1, 2});
        Run r = run("audit", dir.toString(), "--output", dir.resolve("r.txt").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("strata: " + dir + "/Dockerfile:1:6: binary file (NUL byte), not a text file\n");
        assertNothingWritten(f);
        Files.write(f, "FROM debian\nRUN echo caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Run r2 = run("audit", f.toString());
        assertThat(r2.exit()).isEqualTo(2);
        assertThat(r2.err()).isEqualTo("strata: " + f + ":2:13: not UTF-8 text (byte 0xE9)\n");
    }

    @Test
    void hugeDockerfile() throws Exception {
        Path f = dockerfile("RUN echo 0123456789abcdef0123456789abcdef\n".repeat(10 * 1024 * 1024 / 42));
        Run r = run("audit", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("strata: " + f + ": larger than 1 MiB").doesNotContain("Exception");
    }

    @Test
    void syntaxErrorsAreLocated() throws Exception {
        Path f = dockerfile("FROM debian:12\nRUN <<EOF\necho never closed\n");
        Run r = run("audit", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("strata: " + f + ":2:").doesNotContain("Exception").doesNotContain("\tat ");
        Files.writeString(f, "FROM debian:12\nFROBNICATE now\n");
        Run u = run("audit", f.toString());
        assertThat(u.exit()).isEqualTo(2);
        assertThat(u.err()).startsWith("strata: " + f + ":2:1: ").contains("FROBNICATE");
    }

    @Test
    void badConfigIsAnInputError() throws Exception {
        dockerfile("FROM scratch\n");
        Files.writeString(dir.resolve(".strata.yaml"), "rules:\n  disable: [no-such-rule]\n");
        Run r = run("audit", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown rule 'no-such-rule'");
    }

    @Test
    void configDisablesAndReweightsRules() throws Exception {
        dockerfile("FROM python:3.12\n");
        Path cfg = dir.resolve("custom.yaml");
        Files.writeString(cfg, "rules:\n  severity: {base-image-not-digest-pinned: error}\n");
        assertThat(run("audit", dir.toString(), "--config", cfg.toString()).exit()).isEqualTo(1);
        Files.writeString(cfg, "policy: {digestPinning: false}\n");
        Run r = run("audit", dir.toString(), "--config", cfg.toString(), "--fail-on", "info");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain("base-image-not-digest-pinned");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("audit", "--format", "xml").exit()).isEqualTo(2);
        assertThat(run("audit", "--fail-on", "fatal").exit()).isEqualTo(2);
    }
}
