package dev.strata.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.compare.BaseImageChange;
import dev.strata.compare.Cause;
import dev.strata.compare.ConfigChange;
import dev.strata.compare.FileChange;
import dev.strata.compare.PackageChange;
import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.DockerfileParser;
import dev.strata.packages.Ecosystem;
import dev.strata.project.Layer;
import dev.strata.rules.Finding;
import dev.strata.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** History strings are real buildah 1.28 {@code created_by} values for this Dockerfile. */
class AuditLinkerTest {
    static final String TEXT = String.join("\n",
            "FROM debian:bookworm",
            "COPY busybox /bin/busybox",
            "RUN [\"/bin/busybox\",\"ln\",\"-s\",\"/bin/busybox\",\"/bin/sh\"]",
            "ADD data.txt /opt/data.txt",
            "RUN busybox mkdir -p /out && \\",
            "    busybox date > /out/built-at \\",
            "    && busybox echo done",
            "RUN apt-get update && apt-get install -y python3-numpy jq",
            "COPY . /src",
            "");
    static final String RUN_MULTILINE =
            "/bin/sh -c busybox mkdir -p /out &&     busybox date > /out/built-at     && busybox echo done";
    static final String RUN_EXEC = "/bin/sh -c [\"/bin/busybox\",\"ln\",\"-s\",\"/bin/busybox\",\"/bin/sh\"]";
    static final String COPY_DIR =
            "/bin/sh -c #(nop) COPY dir:e9236344bd93c88281fdcfc530181574dcbd7c27fbad8849538f6898d73dcd7a in /src ";
    static final String ADD_FILE =
            "/bin/sh -c #(nop) ADD file:b5f504a751130ce919655e7804dba1baaf73ec7bbdf7b7dadc9a4729f9a33be4 in /opt/data.txt ";
    static final String RUN_APT = "/bin/sh -c apt-get update && apt-get install -y python3-numpy jq";

    static Dockerfile parsed() throws Exception {
        return DockerfileParser.parse("Dockerfile", TEXT);
    }

    static Finding finding(String rule, int line, String message) {
        return new Finding(rule, null, Severity.WARNING, Layer.CONTAINER, "Dockerfile", line, 1, message, "pin it");
    }

    static final List<Finding> FINDINGS = List.of(
            finding("base-image-not-digest-pinned", 1, "`debian:bookworm` is not pinned by digest"),
            finding("nondeterministic-leftovers", 5, "the layer records the build date"),
            finding("apt-live-mirror", 8, "`apt-get update` reads the live mirror"),
            finding("apt-unpinned", 8, "`apt-get install` of `python3-numpy` without a version"),
            finding("apt-unpinned", 8, "`apt-get install` of `jq` without a version"),
            finding("copy-whole-context", 9, "`COPY . /src` copies the whole build context"));

    @Test
    void historyStringsMapToTheirInstructionsLines() throws Exception {
        Dockerfile d = parsed();
        assertThat(AuditLinker.lines(RUN_MULTILINE, d)).containsExactly(5, 7);
        assertThat(AuditLinker.lines(RUN_EXEC, d)).containsExactly(3, 3);
        assertThat(AuditLinker.lines(COPY_DIR, d)).containsExactly(9, 9);
        assertThat(AuditLinker.lines(ADD_FILE, d)).containsExactly(4, 4);
        assertThat(AuditLinker.lines(RUN_APT, d)).containsExactly(8, 8);
        assertThat(AuditLinker.lines("RUN /bin/sh -c apt-get update && apt-get install -y python3-numpy jq # buildkit", d))
                .containsExactly(8, 8);
        assertThat(AuditLinker.lines("COPY . /src # buildkit", d)).containsExactly(9, 9);
        assertThat(AuditLinker.lines("|1 TZ=Etc/GMT-14 /bin/sh -c apt-get update && apt-get install -y python3-numpy jq", d))
                .containsExactly(8, 8);
        assertThat(AuditLinker.lines("/bin/sh -c make install", d)).isNull();
    }

    @Test
    void upgradedPackageLinksToTheUnpinnedInstallThatNamesItAndTheLiveMirror() throws Exception {
        Cause numpy = new PackageChange(PackageChange.Change.UPGRADED, Ecosystem.DPKG, "python3-numpy", "amd64",
                "1:1.24.2-1", "1:2.2.4-1", RUN_APT, List.of());
        List<CauseExplanation> e = AuditLinker.link(List.of(numpy), FINDINGS, parsed());
        assertThat(e).hasSize(1);
        assertThat(e.get(0).cause()).isZero();
        assertThat(e.get(0).subject()).isEqualTo("python3-numpy 1:1.24.2-1 → 1:2.2.4-1 (dpkg)");
        assertThat(e.get(0).findings()).extracting(CauseExplanation.LinkedFinding::rule, CauseExplanation.LinkedFinding::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("apt-live-mirror", 8),
                        org.assertj.core.groups.Tuple.tuple("apt-unpinned", 8));
        assertThat(e.get(0).findings().get(1).message()).contains("`python3-numpy`");
    }

    @Test
    void dependencyNotNamedAnywhereLinksToEveryUnpinnedInstallOfItsEcosystem() throws Exception {
        Cause dep = new PackageChange(PackageChange.Change.ADDED, Ecosystem.DPKG, "libopenblas0", "amd64", null,
                "0.3.21", RUN_APT, List.of());
        List<CauseExplanation> e = AuditLinker.link(List.of(dep), FINDINGS, parsed());
        assertThat(e.get(0).findings()).extracting(CauseExplanation.LinkedFinding::rule)
                .containsExactly("apt-live-mirror", "apt-unpinned", "apt-unpinned");
    }

    @Test
    void fileWrittenByARunLinksToTheFindingsOnThatInstruction() throws Exception {
        Cause f = new FileChange(FileChange.Change.CHANGED, "/out/built-at", List.of("content"), null, null, null,
                RUN_MULTILINE);
        Cause copied = new FileChange(FileChange.Change.CHANGED, "/src/notes.txt", List.of("content"), null, null,
                null, COPY_DIR);
        List<CauseExplanation> e = AuditLinker.link(List.of(f, copied), FINDINGS, parsed());
        assertThat(e).extracting(CauseExplanation::cause).containsExactly(0, 1);
        assertThat(e.get(0).findings()).extracting(CauseExplanation.LinkedFinding::rule)
                .containsExactly("nondeterministic-leftovers");
        assertThat(e.get(1).findings()).extracting(CauseExplanation.LinkedFinding::rule)
                .containsExactly("copy-whole-context");
    }

    @Test
    void baseChangeLinksToBaseImageFindingsAndConfigChangesToNothing() throws Exception {
        Cause base = new BaseImageChange(0, List.of(), List.of());
        Cause cfg = new ConfigChange("env", "TZ", null, null);
        List<CauseExplanation> e = AuditLinker.link(List.of(cfg, base), FINDINGS, parsed());
        assertThat(e).hasSize(1);
        assertThat(e.get(0).cause()).isEqualTo(1);
        assertThat(e.get(0).findings()).extracting(CauseExplanation.LinkedFinding::rule)
                .containsExactly("base-image-not-digest-pinned");
    }

    @Test
    void nothingToLinkGivesNoExplanation() throws Exception {
        Cause f = new FileChange(FileChange.Change.ADDED, "/tmp/x", List.of(), null, null, null, null);
        assertThat(AuditLinker.link(List.of(f), FINDINGS, parsed())).isEmpty();
        assertThat(AuditLinker.link(List.of(f), List.of(), null)).isEmpty();
    }
}
