package dev.strata.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import dev.strata.build.Variation;
import dev.strata.compare.Comparison;
import dev.strata.compare.Counts;
import dev.strata.compare.FileChange;
import dev.strata.compare.ImageSummary;
import dev.strata.compare.Verdict;
import dev.strata.image.FileEntry;
import dev.strata.image.FileType;
import dev.strata.rebuild.BuildFailure;
import dev.strata.rebuild.BuildRecord;
import dev.strata.rebuild.CauseExplanation;
import dev.strata.rebuild.FailureKind;
import dev.strata.rebuild.PairComparison;
import dev.strata.rebuild.RebuildResult;
import dev.strata.rebuild.Timings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Text and JSON of three fixed results, compared with golden files; the JSON against the published schema. */
class RebuildRenderersTest {
    private static final Path PROJECT = Path.of("/home/ana/study");
    private static final Path WORK = Path.of("/tmp/strata-rebuild-1");

    static Duration ms(long n) {
        return Duration.ofMillis(n);
    }

    static BuildRecord ok(int i, boolean kept) {
        return new BuildRecord(i, true, 0, ms(20), ms(11_400 + i * 100), ms(900), kept ? WORK.resolve("build-" + i + ".log") : null,
                kept ? WORK.resolve("build-" + i + ".oci.tar") : null,
                List.of("TZ=" + (i == 1 ? "Etc/GMT+12" : "Etc/GMT-14")),
                List.of("buildah", "bud", "--no-cache", "-f", "Dockerfile", "."), null);
    }

    static ImageSummary summary(int i) {
        return new ImageSummary(WORK.resolve("build-" + i + ".oci.tar").toString(), "oci-archive",
                "sha256:" + String.valueOf(i).repeat(64), "sha256:" + String.valueOf(i + 4).repeat(64), "linux/amd64", 2,
                1234);
    }

    static RebuildResult equivalent() {
        Comparison c = new Comparison(Verdict.FUNCTIONALLY_EQUIVALENT, summary(1), summary(2), List.of(),
                new Counts(1, 1234, 0, 0, 0, 0, 0, 0, 0, 0, 3), List.of(), List.of(), List.of());
        return new RebuildResult(Verdict.FUNCTIONALLY_EQUIVALENT, "buildah", "buildah version 1.28.2", PROJECT,
                "Dockerfile", List.of(Variation.BUILD_PATH, Variation.TIMEZONE), List.of(), null, false,
                List.of(ok(1, false), ok(2, false)), List.of(new PairComparison(1, 2, c, ms(2_300))), List.of(),
                List.of(), null, new Timings(ms(27_100), ms(23_000), ms(40), ms(1_800), ms(2_300)), WORK, false);
    }

    static RebuildResult different() {
        FileEntry a = new FileEntry("/out/built-at", FileType.REGULAR, 0644, 0, 0, 29, "a".repeat(64), null, 0, 0,
                Map.of(), 0, 1);
        FileEntry b = new FileEntry("/out/built-at", FileType.REGULAR, 0644, 0, 0, 29, "b".repeat(64), null, 0, 0,
                Map.of(), 0, 1);
        FileChange f = new FileChange(FileChange.Change.CHANGED, "/out/built-at", List.of("content"), a, b, null,
                "RUN date > /out/built-at");
        Comparison c = new Comparison(Verdict.DIFFERENT, summary(1), summary(2), List.of(f),
                new Counts(1, 12, 0, 0, 1, 0, 0, 0, 0, 0, 0), List.of(), List.of(), List.of());
        CauseExplanation e = new CauseExplanation(0, "/out/built-at", List.of(new CauseExplanation.LinkedFinding(
                "nondeterministic-leftovers", "Dockerfile", 3, "the file records the build time")));
        return new RebuildResult(Verdict.DIFFERENT, "buildah", "buildah version 1.28.2", PROJECT, "Dockerfile",
                List.of(Variation.TIME), List.of(), null, false, List.of(ok(1, true), ok(2, true)),
                List.of(new PairComparison(1, 2, c, ms(400))), List.of(f), List.of(e), null,
                new Timings(ms(25_000), ms(23_000), ms(40), ms(1_800), ms(400)), WORK, true);
    }

    static RebuildResult failed() {
        BuildFailure f = new BuildFailure(FailureKind.NETWORK, "RUN wget -O /data.csv http://127.0.0.1:9/data.csv",
                "3/3", 1, "wget: can't connect to remote host (127.0.0.1): Connection refused",
                List.of("Connecting to 127.0.0.1:9 (127.0.0.1:9)",
                        "wget: can't connect to remote host (127.0.0.1): Connection refused"));
        BuildRecord b = new BuildRecord(1, false, 1, ms(10), ms(600), Duration.ZERO, WORK.resolve("build-1.log"), null,
                List.of(), List.of("buildah", "bud"), f);
        return new RebuildResult(Verdict.BUILD_FAILED, "docker", "docker engine 27.1.1", PROJECT, "Dockerfile",
                List.of(Variation.UMASK), List.of(Variation.HOSTNAME), 0L, true, List.of(b), List.of(), List.of(),
                List.of(), f, new Timings(ms(1_000), ms(600), ms(10), Duration.ZERO, Duration.ZERO), WORK, true);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = RebuildRenderersTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void textMatchesGoldenFiles() throws IOException {
        assertThat(RebuildTextRenderer.render(equivalent(), false)).isEqualTo(golden("rebuild-equivalent.txt"));
        assertThat(RebuildTextRenderer.render(different(), false)).isEqualTo(golden("rebuild-different.txt"));
        assertThat(RebuildTextRenderer.render(failed(), false)).isEqualTo(golden("rebuild-failed.txt"));
    }

    @Test
    void colourOnlyWhenAsked() {
        assertThat(RebuildTextRenderer.render(failed(), false)).doesNotContain("\u001b[");
        assertThat(RebuildTextRenderer.render(failed(), true)).startsWith("\u001b[1;31mbuild-failed");
    }

    @Test
    void jsonMatchesGoldenFileAndSchema() throws Exception {
        assertThat(RebuildJsonRenderer.render(failed())).isEqualTo(golden("rebuild-failed.json"));
        for (RebuildResult r : List.of(equivalent(), different(), failed())) {
            assertThat(validate(RebuildJsonRenderer.render(r))).as("schema errors").isEmpty();
        }
        String broken = RebuildJsonRenderer.render(failed()).replace("\"kind\" : \"network\"", "\"kind\" : \"flaky\"");
        assertThat(validate(broken)).as("the schema rejects an unknown failure kind").isNotEmpty();
    }

    @Test
    void jsonCarriesTheContractFields() throws Exception {
        JsonNode j = new ObjectMapper().readTree(RebuildJsonRenderer.render(different()));
        assertThat(j.get("schemaVersion").asText()).isEqualTo("1");
        assertThat(j.get("verdict").asText()).isEqualTo("different");
        assertThat(j.get("causes").get(0).get("kind").asText()).isEqualTo("file-changed");
        assertThat(j.get("causes").get(0).get("path").asText()).isEqualTo("/out/built-at");
        assertThat(j.get("explanations").get(0).get("findings").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(j.get("builds").get(1).get("seconds").get("build").asDouble()).isEqualTo(11.6);
        assertThat(j.get("timings").get("overheadSeconds").asDouble()).isEqualTo(2.24);
        assertThat(j.get("comparisons").get(0).get("comparison").get("verdict").asText()).isEqualTo("different");
    }

    static Set<ValidationMessage> validate(String json) throws IOException {
        return RebuildSchemaCheck.validate(json);
    }
}
