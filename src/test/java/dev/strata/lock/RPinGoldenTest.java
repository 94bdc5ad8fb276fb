package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pinning a rocker-based research Dockerfile changes exactly the R tokens (and the digest), byte for byte. */
class RPinGoldenTest {
    static final String T = "2026-01-02T03:04:05Z";
    static final String COMMIT = "5a5c5b0e0f1d2c3b4a5968778695a4b3c2d1e0f1";

    /** The lock `strata lock --image` writes for rocker.Dockerfile (an image with BiocVersion 3.19.1). */
    static LockFile lockFor(byte[] dockerfile) {
        List<PackageLock> pkgs = new ArrayList<>();
        String[][] r = {{"tidyverse", "2.0.0"}, {"data.table", "1.15.4"}, {"lme4", "1.1-35.5"}, {"brms", "2.21.0"}, {"rstan", "2.32.6"},
                {"BiocManager", "1.30.23"}, {"DESeq2", "1.44.0"}, {"limma", "3.60.4"}, {"BiocVersion", "3.19.1"}};
        for (String[] p : r) {
            pkgs.add(new PackageLock("r", p[0], p[1], null, List.of(), "image", T));
        }
        pkgs.add(new PackageLock("apt", "libxml2-dev", "2.9.13+dfsg-1ubuntu0.4", null, List.of(), "image", T));
        return new LockFile(1, new LockedDockerfile("Dockerfile", Hashes.sha256Hex(dockerfile)),
                List.of(new ImageLock("rocker/r-ver:4.4.1", "docker.io/rocker/r-ver:4.4.1", PinGoldenTest.INDEX, null, List.of(), "registry-1.docker.io", T)),
                List.of(), List.of(new GitLock("https://github.com/stan-dev/posterior.git", "HEAD", COMMIT, T)), pkgs,
                List.of(new AptSnapshot("ubuntu", "noble", "20260102T030405Z", "https://snapshot.ubuntu.com/ubuntu/20260102T030405Z/")),
                CranSnapshot.at(java.time.Instant.parse(T)));
    }

    @TempDir Path tmp;

    @Test
    void pinsOnlyTheTokensItPins() throws Exception {
        byte[] original = PinGoldenTest.resource("pin/rocker.Dockerfile");
        Path dockerfile = tmp.resolve("Dockerfile");
        Files.write(dockerfile, original);
        PinResult plan = Pinner.plan(dockerfile, lockFor(original));
        assertThat(new String(plan.after(), StandardCharsets.UTF_8))
                .isEqualTo(new String(PinGoldenTest.resource("pin/rocker.pinned.Dockerfile"), StandardCharsets.UTF_8));
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void secondPinChangesNothing() throws Exception {
        byte[] original = PinGoldenTest.resource("pin/rocker.Dockerfile");
        Path dockerfile = tmp.resolve("Dockerfile");
        Path lockPath = tmp.resolve("strata.lock");
        Files.write(dockerfile, original);
        LockFile lock = lockFor(original);
        Files.writeString(lockPath, LockFileIO.write(lock));
        Pinner.write(Pinner.plan(dockerfile, lock), lock, lockPath);
        assertThat(Files.readAllBytes(dockerfile)).isEqualTo(PinGoldenTest.resource("pin/rocker.pinned.Dockerfile"));
        PinResult second = Pinner.plan(dockerfile, LockFileIO.read(lockPath));
        assertThat(second.edits()).isEmpty();
        assertThat(second.changes()).isFalse();
    }
}
