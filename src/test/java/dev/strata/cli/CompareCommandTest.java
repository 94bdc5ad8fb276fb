package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestLayer;
import dev.strata.packages.DebFixtures;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

public class CompareCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new StrataCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    public static JsonSchema schema() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("docs/schema/compare.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    static JsonNode validJson(String text) throws Exception {
        JsonNode n = new ObjectMapper().readTree(text);
        Set<ValidationMessage> errors = schema().validate(n);
        assertThat(errors).as(text).isEmpty();
        return n;
    }

    Path image(String dpkgLog, String app, TestImageBuilder.Format format) {
        TestImageBuilder b = new TestImageBuilder()
                .layer(TestLayer.of(DebFixtures.base(List.of(DebFixtures.deb("bash", "5.2.15-2+b7", "/usr/bin/bash")))).createdBy("ADD rootfs.tar /"))
                .layer(TestLayer.of(TestEntry.file("var/log/dpkg.log", dpkgLog), TestEntry.file("opt/app", app)).createdBy("COPY app /opt/app"));
        Path p = dir.resolve("img-" + System.nanoTime() + (format == TestImageBuilder.Format.OCI_LAYOUT ? "" : ".tar"));
        b.write(format, p);
        return p;
    }

    @Test
    void identicalImagesExitZeroWithSchemaValidJson() throws Exception {
        Path a = image("log", "app", TestImageBuilder.Format.DOCKER_LEGACY);
        Path b = image("log", "app", TestImageBuilder.Format.OCI_LAYOUT);
        Run r = run("compare", a.toString(), b.toString(), "--format", "json");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode n = validJson(r.out());
        assertThat(n.get("verdict").asText()).isEqualTo("bitwise-identical");
        assertThat(n.get("a").get("format").asText()).isEqualTo("docker-archive");
        assertThat(n.get("b").get("format").asText()).isEqualTo("oci-layout");
    }

    @Test
    void noiseOnlyIsEquivalentAndShowNoiseListsIt() throws Exception {
        Path a = image("2024-01-01 install", "app", TestImageBuilder.Format.OCI_ARCHIVE);
        Path b = image("2025-01-01 install", "app", TestImageBuilder.Format.OCI_ARCHIVE);
        Run r = run("compare", a.toString(), b.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("functionally-equivalent\n").contains("noise set aside: 1 (--show-noise lists them)")
                .doesNotContain("\u001b[");
        Run shown = run("compare", "--show-noise", a.toString(), b.toString());
        assertThat(shown.out()).contains("/var/log/dpkg.log (changed): dpkg's install log");
        Run strict = run("compare", "--strict", "--format", "json", a.toString(), b.toString());
        assertThat(strict.exit()).isEqualTo(1);
        JsonNode n = validJson(strict.out());
        assertThat(n.get("causes").get(0).get("kind").asText()).isEqualTo("file-changed");
        assertThat(n.get("causes").get(0).get("path").asText()).isEqualTo("/var/log/dpkg.log");
        assertThat(n.get("rules")).isEmpty();
    }

    @Test
    void differentImagesExitOneAndConfigRulesApply() throws Exception {
        Path a = image("log", "v1", TestImageBuilder.Format.OCI_ARCHIVE);
        Path b = image("log", "v2", TestImageBuilder.Format.OCI_ARCHIVE);
        Run r = run("compare", a.toString(), b.toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode n = validJson(r.out());
        assertThat(n.get("verdict").asText()).isEqualTo("different");
        JsonNode cause = n.get("causes").get(0);
        assertThat(cause.get("path").asText()).isEqualTo("/opt/app");
        assertThat(cause.get("introducedBy").asText()).isEqualTo("COPY app /opt/app");
        assertThat(cause.get("a").get("sha256").asText()).hasSize(64);

        Path config = dir.resolve("strata.yaml");
        Files.writeString(config, "audit:\n  anything: goes\ncompare:\n  noise:\n    - path: /opt/app\n      reason: build stamp\n");
        Run withRule = run("compare", "--config", config.toString(), a.toString(), b.toString());
        assertThat(withRule.exit()).isZero();
        assertThat(withRule.out()).startsWith("functionally-equivalent");

        Files.writeString(config, "compare:\n  noise:\n    - path: /opt/app\n");
        Run bad = run("compare", "--config", config.toString(), a.toString(), b.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("strata: " + config + ": compare.noise[0]: a reason is required (say why this difference does not matter)\n");
    }

    @Test
    void unreadableInputIsOneLineAndExitTwo() throws Exception {
        Path a = image("log", "v1", TestImageBuilder.Format.OCI_ARCHIVE);
        Path junk = dir.resolve("junk.tar");
        Files.writeString(junk, "not a tar at all");
        Run missing = run("compare", a.toString(), dir.resolve("missing.tar").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("strata: ").contains("missing.tar").doesNotContain("Exception").hasLineCount(1);
        Run garbage = run("compare", junk.toString(), a.toString());
        assertThat(garbage.exit()).isEqualTo(2);
        assertThat(garbage.err()).startsWith("strata: ").contains("junk.tar").doesNotContain("\tat ").hasLineCount(1);
        assertThat(garbage.out()).isEmpty();
        assertThat(run("compare", a.toString(), a.toString(), "--format", "xml").exit()).isEqualTo(2);
        Path corrupt = dir.resolve("corrupt.tar");
        new TestImageBuilder().layer(TestLayer.of(TestEntry.file("etc/x", "x")).gzip()).corruptLayerBlob(0)
                .write(TestImageBuilder.Format.OCI_ARCHIVE, corrupt);
        Run bad = run("compare", "--format", "json", a.toString(), corrupt.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).startsWith("strata: ").contains("corrupt.tar").contains("sha256:").hasLineCount(1);
    }
}
