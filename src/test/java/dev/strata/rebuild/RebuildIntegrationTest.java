package dev.strata.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.build.BuildahBuilder;
import dev.strata.build.Builders;
import dev.strata.build.ProcessCommandRunner;
import dev.strata.build.Variation;
import dev.strata.compare.Cause;
import dev.strata.compare.FileChange;
import dev.strata.compare.PackageChange;
import dev.strata.compare.Verdict;
import dev.strata.report.RebuildJsonRenderer;
import dev.strata.report.RebuildSchemaCheck;
import dev.strata.testing.Buildah;
import dev.strata.testing.ImageSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The five cases of issue 5, rebuilt for real with buildah (private storage from the test fixture). */
@Tag("integration")
class RebuildIntegrationTest {
    private static Buildah buildah;
    private static Rebuilder rebuilder;

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() {
        buildah = Buildah.open();
        BuildahBuilder builder = new BuildahBuilder(new ProcessCommandRunner(), buildah.storageArgs(),
                buildah.environment());
        rebuilder = new Rebuilder(new Builders(List.of(builder)), Rebuilder::compareArchives,
                () -> 1_700_000_000L);
    }

    @AfterAll
    static void close() {
        if (buildah != null) {
            buildah.close();
        }
    }

    private Path project(ImageSpec spec) {
        return spec.writeContext(tmp.resolve("project"));
    }

    private static String subject(Cause c) {
        if (c instanceof FileChange f) {
            return f.path();
        }
        if (c instanceof PackageChange p) {
            return p.name();
        }
        return c.kind();
    }

    @Test
    void scratchCopyWithFixedTimestampsIsBitwiseIdentical() throws Exception {
        Path p = project(ImageSpec.of("FROM scratch\nCOPY --chmod=0644 data.txt /data.txt\n")
                .withFile("data.txt", "measurements\n"));
        RebuildResult r = rebuilder.rebuild(p, RebuildOptions.defaults().withFixedTime(0L, true));
        assertThat(r.verdict()).as("%s", r.comparisons()).isEqualTo(Verdict.BITWISE_IDENTICAL);
        assertThat(RebuildSchemaCheck.validate(RebuildJsonRenderer.render(r))).isEmpty();
        assertThat(r.builds()).hasSize(2).allMatch(BuildRecord::succeeded);
        assertThat(r.varied()).contains(Variation.BUILD_PATH, Variation.UMASK).doesNotContain(Variation.TIME);
        assertThat(r.exitCode()).isZero();
        assertThat(r.kept()).isFalse();
        assertThat(r.workDir()).doesNotExist();
    }

    @Test
    void debianAptInstallIsFunctionallyEquivalent() throws Exception {
        Path p = project(ImageSpec.debian(
                "RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends jq >/dev/null\n"));
        RebuildResult r = rebuilder.rebuild(p, RebuildOptions.defaults());
        assertThat(r.verdict()).as("causes: %s", r.causes()).isEqualTo(Verdict.FUNCTIONALLY_EQUIVALENT);
        assertThat(r.comparisons()).hasSize(1);
        assertThat(r.comparisons().get(0).comparison().noise()).isNotEmpty();
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void packageThatDiffersIsLinkedToTheUnpinnedInstallThatNamesIt() throws Exception {
        // the second build's TZ makes the RUN install one more package: a real package difference
        Path p = project(ImageSpec.debian("ARG TZ\nRUN apt-get update -qq && if [ \"$TZ\" = \"Etc/GMT-14\" ]; then"
                + " apt-get install -y -qq --no-install-recommends bc >/dev/null; fi\n"));
        RebuildResult r = rebuilder.rebuild(p, RebuildOptions.defaults().withVary(EnumSet.of(Variation.TIMEZONE)));
        assertThat(r.verdict()).isEqualTo(Verdict.DIFFERENT);
        int bc = -1;
        for (int i = 0; i < r.causes().size(); i++) {
            if (r.causes().get(i) instanceof PackageChange pc && pc.name().equals("bc")) {
                bc = i;
                assertThat(pc.change()).isEqualTo(PackageChange.Change.ADDED);
            }
        }
        assertThat(bc).as("causes %s", r.causes()).isNotNegative();
        int index = bc;
        assertThat(r.explanations()).filteredOn(e -> e.cause() == index).singleElement().satisfies(e -> {
            assertThat(e.findings()).extracting(CauseExplanation.LinkedFinding::rule)
                    .containsExactly("apt-live-mirror", "apt-unpinned");
            assertThat(e.findings()).allSatisfy(f -> assertThat(f.line()).isEqualTo(4));
            assertThat(e.findings().get(1).message()).contains("`bc`");
        });
        assertThat(RebuildSchemaCheck.validate(RebuildJsonRenderer.render(r))).isEmpty();
    }

    @Test
    void runWritingTheDateIsDifferentAndNamesTheFile() throws Exception {
        Path p = project(ImageSpec.busybox(ImageSpec.busyboxRun(
                "/bin/busybox mkdir -p /out && /bin/busybox date +%s%N > /out/built-at")));
        RebuildResult r = rebuilder.rebuild(p, RebuildOptions.defaults());
        assertThat(r.verdict()).isEqualTo(Verdict.DIFFERENT);
        List<String> subjects = new ArrayList<>();
        r.causes().forEach(c -> subjects.add(subject(c)));
        assertThat(subjects).contains("/out/built-at");
        assertThat(RebuildSchemaCheck.validate(RebuildJsonRenderer.render(r))).isEmpty();
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void failingRunIsBuildFailedCommandFailedNamingTheInstruction() throws Exception {
        Path p = project(ImageSpec.busybox(ImageSpec.busyboxRun("echo preparing; exit 7")));
        RebuildResult r = rebuilder.rebuild(p, RebuildOptions.defaults());
        assertThat(r.verdict()).isEqualTo(Verdict.BUILD_FAILED);
        assertThat(r.builds()).hasSize(1);
        BuildFailure f = r.failure();
        assertThat(f.kind()).isEqualTo(FailureKind.COMMAND_FAILED);
        assertThat(f.instruction()).isEqualTo("RUN [\"/bin/busybox\",\"sh\",\"-c\",\"echo preparing; exit 7\"]");
        assertThat(f.exitStatus()).isEqualTo(7);
        assertThat(f.lastLines()).contains("preparing");
        assertThat(r.builds().get(0).log()).isRegularFile();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(RebuildSchemaCheck.validate(RebuildJsonRenderer.render(r))).isEmpty();
        Rebuilder.deleteTree(r.workDir());
    }

    @Test
    void unreachableDownloadIsBuildFailedNetwork() throws Exception {
        Path p = project(ImageSpec.busybox(ImageSpec.busyboxRun(
                "/bin/busybox wget -O /data.csv http://127.0.0.1:9/data.csv")));
        RebuildResult r = rebuilder.rebuild(p, RebuildOptions.defaults());
        assertThat(r.verdict()).isEqualTo(Verdict.BUILD_FAILED);
        assertThat(r.failure().kind()).isEqualTo(FailureKind.NETWORK);
        assertThat(r.failure().evidence()).contains("Connection refused");
        Rebuilder.deleteTree(r.workDir());
    }

    @Test
    void timezoneVariationReachesRunThroughArg() throws Exception {
        Path p = project(ImageSpec.busybox("ARG TZ\n" + ImageSpec.busyboxRun("echo \"$TZ\" > /tz")));
        RebuildResult r = rebuilder.rebuild(p, RebuildOptions.defaults().withVary(EnumSet.of(Variation.TIMEZONE)));
        assertThat(r.verdict()).isEqualTo(Verdict.DIFFERENT);
        // the only file that differs is /tz (compare may also blame the bottom layer: FROM scratch has no base,
        // and that layer's directory timestamps differ)
        assertThat(r.causes()).filteredOn(c -> c instanceof FileChange).extracting(RebuildIntegrationTest::subject)
                .containsExactly("/tz");
    }

    @Test
    void wholeContextCopyUnderDifferentUmasksIsLinkedToTheAuditFinding() throws Exception {
        Path p = project(ImageSpec.busybox("COPY . /src\n").withFile("analysis.py", "print(42)\n"));
        RebuildResult r = rebuilder.rebuild(p, RebuildOptions.defaults().withVary(EnumSet.of(Variation.UMASK)));
        assertThat(r.verdict()).isEqualTo(Verdict.DIFFERENT);
        int analysis = -1;
        for (int i = 0; i < r.causes().size(); i++) {
            if (subject(r.causes().get(i)).equals("/src/analysis.py")) {
                analysis = i;
            }
        }
        assertThat(analysis).as("causes %s", r.causes()).isNotNegative();
        int index = analysis;
        assertThat(r.explanations()).filteredOn(e -> e.cause() == index).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo("/src/analysis.py");
            assertThat(e.findings()).extracting(CauseExplanation.LinkedFinding::rule).contains("copy-whole-context");
            assertThat(e.findings()).allSatisfy(f -> {
                assertThat(f.file()).isEqualTo("Dockerfile");
                assertThat(f.line()).isEqualTo(3);
            });
        });
    }

    @Test
    void keepLeavesArchivesAndLogsInTheWorkDirectory() throws Exception {
        Path p = project(ImageSpec.of("FROM scratch\nCOPY data.txt /data.txt\n").withFile("data.txt", "x\n"));
        Path work = tmp.resolve("work");
        RebuildResult r = rebuilder.rebuild(p, RebuildOptions.defaults().withVary(EnumSet.noneOf(Variation.class))
                .withKeep(true, work));
        assertThat(r.kept()).isTrue();
        assertThat(r.builds()).allSatisfy(b -> {
            assertThat(b.archive()).isRegularFile();
            assertThat(b.log()).isRegularFile();
        });
        assertThat(Files.readString(r.builds().get(0).log())).contains("STEP 2/2: COPY data.txt /data.txt");
        assertThat(r.verdict()).isIn(Verdict.BITWISE_IDENTICAL, Verdict.FUNCTIONALLY_EQUIVALENT);
    }
}
