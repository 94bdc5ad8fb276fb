package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.audit.Auditor;
import dev.strata.config.AuditConfig;
import dev.strata.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JAX/CUDA example (examples/jax-cuda). Docker Hub and repo.anaconda.com are not
 * reachable from the test machines, so the lock is the one `strata lock --image` writes for it,
 * with the values filled in by hand; what is checked is what pin does with it and what the audit
 * says afterwards.
 */
class JaxCudaExampleTest {
    private static final String T = "2026-02-01T10:20:30Z";
    @TempDir Path tmp;

    @Test
    void pinnedExampleAuditsCleanForWhatTheLockCovers() throws Exception {
        Path example = Path.of("examples/jax-cuda");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(example), "examples/jax-cuda not present");
        Path project = tmp.resolve("jax-cuda");
        Files.createDirectories(project);
        try (var files = Files.list(example)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, project.resolve(f.getFileName()));
            }
        }
        Path dockerfile = project.resolve("Dockerfile");
        byte[] original = Files.readAllBytes(dockerfile);
        DockerfileInputs inputs = DockerfileInputs.of(Locker.parse(dockerfile, original));
        assertThat(inputs.targets()).extracting(JaxCudaExampleTest::describe).containsExactly(
                "image ubuntu:latest", "apt-update", "apt wget", "apt git",
                "download https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh",
                "pip pip", "conda ipython", "pip jax", "pip pip", "requirements requirements_cpu.txt");

        LockFile lock = new LockFile(1, new LockedDockerfile("Dockerfile", Hashes.sha256Hex(original)),
                List.of(new ImageLock("ubuntu:latest", "docker.io/library/ubuntu:latest", "sha256:" + "1".repeat(64),
                        "application/vnd.oci.image.index.v1+json", List.of(new PlatformLock("linux/amd64", "sha256:" + "2".repeat(64))),
                        "registry-1.docker.io", T)),
                List.of(new DownloadLock("https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh", "3".repeat(64), 1, "x", T)),
                List.of(),
                List.of(new PackageLock("apt", "wget", "1.21.4-1ubuntu4.1", null, List.of(), "image", T),
                        new PackageLock("apt", "git", "1:2.43.0-1ubuntu7.2", null, List.of(), "image", T),
                        new PackageLock("conda", "ipython", "8.30.0", "py312h06a4308_0", List.of(), "image", T),
                        new PackageLock("pip", "jax", "0.4.38", null, List.of(), "image", T),
                        new PackageLock("pip", "pip", "24.3.1", null, List.of(), "image", T)),
                List.of(new AptSnapshot("ubuntu", "noble", "20260201T102030Z", "https://snapshot.ubuntu.com/ubuntu/20260201T102030Z/")));
        Path lockPath = project.resolve("strata.lock");
        Files.writeString(lockPath, LockFileIO.write(lock));
        PinResult plan = Pinner.plan(dockerfile, lock);
        Pinner.write(plan, lock, lockPath);
        String pinned = Files.readString(dockerfile, StandardCharsets.UTF_8);
        assertThat(pinned).contains("FROM ubuntu:latest@sha256:" + "1".repeat(64) + "\n",
                "apt-get install -y wget=1.21.4-1ubuntu4.1 git=1:2.43.0-1ubuntu7.2\n",
                "-O /home/miniconda3/miniconda.sh && echo '" + "3".repeat(64) + "  /home/miniconda3/miniconda.sh' | sha256sum -c - \\\n",
                "conda install -y ipython=8.30.0=py312h06a4308_0\n", "pip install --upgrade \"jax[cuda12]==0.4.38\"\n",
                "pip install --upgrade pip==24.3.1\n");

        // Dockerfile.orig (pin's backup) is left out: the audit would read it as a second Dockerfile
        List<String> left = Auditor.audit(project, AuditConfig.defaults()).findings().stream()
                .filter(f -> f.severity() != dev.strata.rules.Severity.INFO && !f.file().endsWith(".orig"))
                .map(f -> f.file() + ":" + f.rule()).distinct().sorted().toList();
        // what the lock does not cover: the requirements file (it needs a hashed lock of its own), the
        // whole-context copy, the x86_64 installer URL and its "latest" name (its bytes are checksummed now)
        assertThat(left).containsExactly("Dockerfile:arch-specific-download", "Dockerfile:copy-whole-context",
                "Dockerfile:dockerignore-missing", "Dockerfile:installer-latest", "requirements_cpu.txt:pip-requirements-unlocked");
    }

    private static String describe(LockTarget t) {
        if (t instanceof LockTarget.Image i) {
            return "image " + i.written();
        } else if (t instanceof LockTarget.Download d) {
            return "download " + d.url();
        } else if (t instanceof LockTarget.Git g) {
            return "git " + g.url();
        } else if (t instanceof LockTarget.Pkg p) {
            return p.ecosystem() + " " + p.name();
        }
        if (t instanceof LockTarget.Requirements r) {
            return "requirements " + r.path();
        }
        return "apt-update";
    }
}
