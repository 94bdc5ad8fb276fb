package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.audit.AuditResult;
import dev.strata.audit.Auditor;
import dev.strata.config.AuditConfig;
import dev.strata.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After pin, strata audit has no pinning finding left for what the lock covers. */
class AuditAfterPinTest {
    private static final Set<String> PINNING_RULES = Set.of("base-image-latest", "base-image-untagged", "base-image-not-digest-pinned",
            "base-image-from-unpinned-arg", "apt-unpinned", "apt-live-mirror", "apk-unpinned", "pip-unpinned", "conda-unpinned",
            "npm-unpinned", "download-unverified", "git-unpinned");

    @TempDir Path tmp;

    private List<String> pinningFindings(String dockerfile) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p" + dockerfile.hashCode()));
        Files.writeString(dir.resolve("Dockerfile"), dockerfile);
        AuditResult result = Auditor.audit(dir, AuditConfig.defaults());
        return result.findings().stream().filter(f -> PINNING_RULES.contains(f.rule())).map(Finding::rule).toList();
    }

    @Test
    void researchDockerfileHasOnlyFindingsTheLockDoesNotCover() throws Exception {
        String before = new String(PinGoldenTest.resource("pin/research.Dockerfile"), StandardCharsets.UTF_8);
        String after = new String(PinGoldenTest.resource("pin/research.pinned.Dockerfile"), StandardCharsets.UTF_8);
        assertThat(pinningFindings(before)).contains("base-image-from-unpinned-arg", "apt-unpinned", "pip-unpinned",
                "conda-unpinned", "download-unverified", "git-unpinned", "npm-unpinned");
        // the golden lock has no apt snapshot (no --image), and the update is in a builder stage
        assertThat(pinningFindings(after)).containsOnly("apt-live-mirror");
    }

    @Test
    void aptSnapshotPinClearsTheLiveMirrorFinding() throws Exception {
        String text = "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n";
        byte[] original = text.getBytes(StandardCharsets.UTF_8);
        Path dockerfile = tmp.resolve("Dockerfile");
        Files.write(dockerfile, original);
        LockFile lock = new LockFile(1, new LockedDockerfile("Dockerfile", Hashes.sha256Hex(original)),
                List.of(new ImageLock("debian:12", "docker.io/library/debian:12", PinGoldenTest.INDEX, null, List.of(), "r", PinGoldenTest.T)),
                List.of(), List.of(), List.of(new PackageLock("apt", "curl", "7.88.1-10+deb12u5", null, List.of(), "image", PinGoldenTest.T)),
                List.of(new AptSnapshot("debian", "bookworm", "20260201T102030Z", "https://snapshot.debian.org/archive/debian/20260201T102030Z/")));
        assertThat(pinningFindings(text)).contains("apt-live-mirror", "apt-unpinned", "base-image-not-digest-pinned");
        assertThat(pinningFindings(new String(Pinner.plan(dockerfile, lock).after(), StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void rPinClearsRPackageUnpinned() throws Exception {
        String before = new String(PinGoldenTest.resource("pin/rocker.Dockerfile"), StandardCharsets.UTF_8);
        String after = new String(PinGoldenTest.resource("pin/rocker.pinned.Dockerfile"), StandardCharsets.UTF_8);
        Path dir = Files.createDirectories(tmp.resolve("r"));
        Files.writeString(dir.resolve("Dockerfile"), before);
        // install2.r, R -e, Rscript -e, and the install.packages in the Rscript heredoc
        assertThat(Auditor.audit(dir, AuditConfig.defaults()).findings()).filteredOn(f -> f.rule().equals("r-package-unpinned")).hasSize(4);
        Files.writeString(dir.resolve("Dockerfile"), after);
        assertThat(Auditor.audit(dir, AuditConfig.defaults()).findings()).filteredOn(f -> f.rule().equals("r-package-unpinned")).isEmpty();
        String bioc = "FROM rocker/r-ver:4.4.1\nRUN R -e \"BiocManager::install('limma')\" && Rscript -e 'install.packages(\"x\", repos = \"https://cloud.r-project.org\")'\n"
                + "RUN installGithub.r stan-dev/posterior\n";
        byte[] original = bioc.getBytes(StandardCharsets.UTF_8);
        Path dockerfile = tmp.resolve("Dockerfile");
        Files.write(dockerfile, original);
        String pinned = new String(Pinner.plan(dockerfile, RPinGoldenTest.lockFor(original)).after(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("Dockerfile"), bioc);
        assertThat(Auditor.audit(dir, AuditConfig.defaults()).findings()).filteredOn(f -> f.rule().equals("r-package-unpinned")).hasSize(3);
        Files.writeString(dir.resolve("Dockerfile"), pinned);
        assertThat(Auditor.audit(dir, AuditConfig.defaults()).findings()).filteredOn(f -> f.rule().equals("r-package-unpinned")).isEmpty();
    }

    @Test
    void rPinClearsRPackageUnpinnedInAHeredocScript() throws Exception {
        String text = "FROM rocker/r-ver:4.4.1\nRUN Rscript - <<'EOF'\n# install.packages('commented')\ninstall.packages(c(\"brms\", \"rstan\"))\n"
                + "BiocManager::install(\"limma\")\nremotes::install_github(\"stan-dev/posterior\")\nEOF\n";
        byte[] original = text.getBytes(StandardCharsets.UTF_8);
        Path dockerfile = tmp.resolve("Dockerfile");
        Files.write(dockerfile, original);
        Path dir = Files.createDirectories(tmp.resolve("heredoc"));
        Files.writeString(dir.resolve("Dockerfile"), text);
        // one finding per RUN: the heredoc script installs floating packages
        assertThat(Auditor.audit(dir, AuditConfig.defaults()).findings()).filteredOn(f -> f.rule().equals("r-package-unpinned")).hasSize(1);
        PinResult plan = Pinner.plan(dockerfile, RPinGoldenTest.lockFor(original));
        String pinned = new String(plan.after(), StandardCharsets.UTF_8);
        assertThat(pinned).contains("repos=\"https://", "version=\"3.19\"", "stan-dev/posterior@");
        Files.writeString(dir.resolve("Dockerfile"), pinned);
        assertThat(Auditor.audit(dir, AuditConfig.defaults()).findings()).filteredOn(f -> f.rule().equals("r-package-unpinned")).isEmpty();
    }
}
