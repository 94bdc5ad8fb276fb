package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.audit.AuditResult;
import dev.strata.audit.Auditor;
import dev.strata.config.AuditConfig;
import dev.strata.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs, downloads and clones inside {@code sh -c} / {@code bash -c} / {@code su -c} strings, and
 * {@code curl … | sh}: locked and pinned in place (golden file, byte for byte), pinned once only,
 * audit-clean afterwards, and the pinned commands run as written.
 */
class NestedShellPinTest {
    static final String T = PinGoldenTest.T;
    static final String COMMIT = PinGoldenTest.COMMIT;
    static final String INDEX = PinGoldenTest.INDEX;
    private static final Instant LOCK_TIME = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir Path tmp;

    /** The lock a real `strata lock --image` would write for nested.Dockerfile. */
    static LockFile lockFor(byte[] dockerfile) {
        return new LockFile(1, new LockedDockerfile("Dockerfile", Hashes.sha256Hex(dockerfile)),
                List.of(new ImageLock("debian:12", "docker.io/library/debian:12", INDEX, null, List.of(), "registry-1.docker.io", T)),
                List.of(new DownloadLock("https://example.org/data/weights.bin", "a".repeat(64), 10, "https://example.org/data/weights.bin", T),
                        new DownloadLock("https://example.org/tools/tool.tar.gz", "b".repeat(64), 10, "https://example.org/tools/tool.tar.gz", T),
                        new DownloadLock("https://example.org/install.sh", "d".repeat(64), 10, "https://example.org/install.sh", T),
                        new DownloadLock("https://example.org/get/", "e".repeat(64), 10, "https://example.org/get/", T),
                        new DownloadLock("https://example.org/other.sh", "f".repeat(64), 10, "https://example.org/other.sh", T)),
                List.of(new GitLock("https://example.org/lab/model.git", "HEAD", COMMIT, T),
                        new GitLock("https://example.org/lab/model.git", "v2.1", COMMIT, T)),
                List.of(new PackageLock("apt", "git", "1:2.39.5-0+deb12u1", null, List.of(), "image", T),
                        new PackageLock("apt", "curl", "7.88.1-10+deb12u5", null, List.of(), "image", T),
                        new PackageLock("pip", "numpy", "1.26.4", null, List.of(), "image", T),
                        new PackageLock("pip", "scipy", "1.11.4", null, List.of(), "image", T),
                        new PackageLock("pip", "pandas", "2.2.0", null, List.of(), "image", T),
                        new PackageLock("pip", "jax", "0.4.30", null, List.of(), "image", T),
                        new PackageLock("conda", "xarray", "2024.1.1", "pyhd8ed1ab_0", List.of(), "image", T),
                        new PackageLock("npm", "left-pad", "1.3.0", null, List.of(), "image", T)),
                List.of());
    }

    @Test
    void pinsInsideShellStringsAndRewritesPipesToShells() throws Exception {
        byte[] original = PinGoldenTest.resource("pin/nested.Dockerfile");
        Path dockerfile = tmp.resolve("Dockerfile");
        Files.write(dockerfile, original);
        PinResult plan = Pinner.plan(dockerfile, lockFor(original));
        assertThat(new String(plan.after(), StandardCharsets.UTF_8))
                .isEqualTo(new String(PinGoldenTest.resource("pin/nested.pinned.Dockerfile"), StandardCharsets.UTF_8));
        // pin repeats what lock could not take (and adds nothing: every locked input was pinned)
        assertThat(plan.notes()).isEqualTo(DockerfileInputs.of(Locker.parse(dockerfile, original)).notes());
    }

    @Test
    void whatCanNotBePinnedIsANote() throws Exception {
        byte[] original = PinGoldenTest.resource("pin/nested.Dockerfile");
        DockerfileInputs inputs = DockerfileInputs.of(Locker.parse(tmp.resolve("Dockerfile"), original));
        assertThat(inputs.notes()).containsExactly(
                "line 14: pip package jax inside a nested shell string: not locked (its text does not map one to one onto the Dockerfile)",
                "line 15: https://example.org/other.sh is piped into sh: locked, but the pipeline is not the simple `curl URL | sh ARGS` shape pin rewrites; download to a file first",
                "line 16: https://example.org/other.sh is piped into python3: locked, but the pipeline is not the simple `curl URL | sh ARGS` shape pin rewrites; download to a file first");
        // pandas==${PANDAS}: the version is explicit (ARG default), so it is locked and left as written
        assertThat(inputs.targets()).contains(new LockTarget.Pkg("pip", "pandas", 176, 193, "pandas==2.2.0", true, 4));
    }

    @Test
    void secondPinChangesNothing() throws Exception {
        byte[] original = PinGoldenTest.resource("pin/nested.Dockerfile");
        Path dockerfile = tmp.resolve("Dockerfile");
        Path lockPath = tmp.resolve("strata.lock");
        Files.write(dockerfile, original);
        LockFile lock = lockFor(original);
        Files.writeString(lockPath, LockFileIO.write(lock));
        Pinner.write(Pinner.plan(dockerfile, lock), lock, lockPath);
        PinResult second = Pinner.plan(dockerfile, LockFileIO.read(lockPath));
        assertThat(second.edits()).isEmpty();
        assertThat(second.changes()).isFalse();
    }

    @Test
    void auditAfterPinHasNoPinningFindingForWhatWasPinned() throws Exception {
        Set<String> pinning = Set.of("apt-unpinned", "pip-unpinned", "conda-unpinned", "npm-unpinned", "download-unverified",
                "git-unpinned", "pipe-to-shell", "base-image-not-digest-pinned");
        String before = new String(PinGoldenTest.resource("pin/nested.Dockerfile"), StandardCharsets.UTF_8);
        String after = new String(PinGoldenTest.resource("pin/nested.pinned.Dockerfile"), StandardCharsets.UTF_8);
        List<Finding> beforeFindings = audit(before, "before");
        List<Finding> afterFindings = audit(after, "after");
        assertThat(beforeFindings.stream().filter(f -> pinning.contains(f.rule())).map(Finding::rule))
                .contains("apt-unpinned", "pip-unpinned", "conda-unpinned", "npm-unpinned", "download-unverified", "git-unpinned", "pipe-to-shell");
        // what is left is only on the lines pin leaves alone (14: nested twice, 15: tee pipeline, 16: python3)
        assertThat(afterFindings.stream().filter(f -> pinning.contains(f.rule())).map(Finding::line).distinct())
                .allMatch(line -> line >= 14);
    }

    private List<Finding> audit(String dockerfile, String dir) throws Exception {
        Path project = Files.createDirectories(tmp.resolve(dir));
        Files.writeString(project.resolve("Dockerfile"), dockerfile);
        AuditResult result = Auditor.audit(project, AuditConfig.defaults());
        return result.findings();
    }

    @Test
    void locksThroughShellStringsAndThePinnedCommandsRun() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")) && Files.isExecutable(Path.of("/usr/bin/sha256sum")),
                "curl or sha256sum not installed");
        try (LoopbackServer http = new LoopbackServer()) {
            Path out = Files.createDirectories(tmp.resolve("out"));
            http.put("/w.bin", "weights".getBytes(StandardCharsets.UTF_8));
            http.put("/setup.sh", ("printf '%s|' \"$@\" > " + out.resolve("args") + "\n").getBytes(StandardCharsets.UTF_8));
            Path project = Files.createDirectories(tmp.resolve("project"));
            Path dockerfile = project.resolve("Dockerfile");
            String original = "FROM scratch\n"
                    + "ENV TS=1.4.2\n"
                    + "RUN sh -c 'apt-get install -y curl git'\n"
                    + "RUN bash -c \"pip install tiny-stats==${TS}\"\n"
                    + "RUN sh -c 'curl -fsSL " + http.url("/w.bin") + " -o " + out.resolve("w.bin") + "'\n"
                    + "RUN curl -fsSL " + http.url("/setup.sh") + " | sh -s -- -y 'two words'\n";
            Files.writeString(dockerfile, original);
            Path image = LockPinDriftEndToEndTest.packageImage(tmp.resolve("image.tar"));
            Path lockPath = project.resolve("strata.lock");
            Locker locker = new Locker(null, new DownloadResolver(Duration.ofSeconds(5), 1), new GitResolver(Duration.ofSeconds(5)), null);
            LockResult locked = locker.lock(dockerfile, lockPath, image, LOCK_TIME);
            assertThat(locked.lock().packages()).extracting(p -> p.ecosystem() + " " + p.name() + " " + p.version())
                    .containsExactlyInAnyOrder("apt curl 7.88.1-10+deb12u5", "apt git 1:2.39.5-0+deb12u1", "pip tiny-stats 1.4.2");
            assertThat(locked.lock().downloads()).extracting(DownloadLock::url).containsExactlyInAnyOrder(http.url("/w.bin"), http.url("/setup.sh"));
            Files.writeString(lockPath, locked.text());

            PinResult plan = Pinner.plan(dockerfile, locked.lock());
            String pinned = new String(plan.after(), StandardCharsets.UTF_8);
            String weights = Hashes.sha256Hex("weights".getBytes(StandardCharsets.UTF_8));
            assertThat(pinned).contains("RUN sh -c 'apt-get install -y curl=7.88.1-10+deb12u5 git=1:2.39.5-0+deb12u1'\n",
                    "RUN bash -c \"pip install tiny-stats==${TS}\"\n",
                    " -o " + out.resolve("w.bin") + " && echo \"" + weights + "  " + out.resolve("w.bin") + "\" | sha256sum -c -'\n",
                    " -o /tmp/setup.sh && echo '");

            // run the two pinned download lines as the builder's /bin/sh would (the script saved under our temp dir)
            String[] lines = pinned.split("\n");
            String nestedDownload = lines[4].substring("RUN ".length());
            String pipedScript = lines[5].substring("RUN ".length()).replace("/tmp/setup.sh", out.resolve("setup.sh").toString());
            assertThat(run(nestedDownload)).isZero();
            assertThat(Files.readString(out.resolve("w.bin"))).isEqualTo("weights");
            assertThat(run(pipedScript)).isZero();
            assertThat(Files.readString(out.resolve("args"))).isEqualTo("-y|two words|");

            http.put("/setup.sh", "echo tampered\n".getBytes(StandardCharsets.UTF_8));
            Files.delete(out.resolve("args"));
            assertThat(run(pipedScript)).as("a changed script is refused before it runs").isNotZero();
            assertThat(out.resolve("args")).doesNotExist();
        }
    }

    private static int run(String script) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }
}
