package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pinning a research-style Dockerfile changes exactly the pinned tokens (golden file, byte for byte). */
class PinGoldenTest {
    static final String T = "2026-01-02T03:04:05Z";
    static final String INDEX = "sha256:" + "1".repeat(64);
    static final String AMD = "sha256:" + "2".repeat(64);
    static final String COMMIT = "c0ffee".repeat(6) + "c0ff";

    @TempDir Path tmp;

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PinGoldenTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    /** The lock a real `strata lock --image` would write for research.Dockerfile. */
    static LockFile lockFor(byte[] dockerfile) {
        return new LockFile(1, new LockedDockerfile("Dockerfile", Hashes.sha256Hex(dockerfile)),
                List.of(new ImageLock("python:3.11-slim", "docker.io/library/python:3.11-slim", INDEX, "application/vnd.oci.image.index.v1+json",
                        List.of(new PlatformLock("linux/amd64", AMD)), "registry-1.docker.io", T)),
                List.of(new DownloadLock("https://example.org/data/weights.bin", "a".repeat(64), 10, "https://example.org/data/weights.bin", T),
                        new DownloadLock("https://example.org/tools/tool.tar.gz", "b".repeat(64), 10, "https://example.org/tools/tool.tar.gz", T),
                        new DownloadLock("https://example.org/install.sh", "d".repeat(64), 10, "https://example.org/install.sh", T)),
                List.of(new GitLock("https://example.org/lab/model.git", "v2.1", COMMIT, T)),
                List.of(new PackageLock("apt", "git", "1:2.39.5-0+deb12u1", null, List.of(), "image", T),
                        new PackageLock("apt", "build-essential", "12.9", null, List.of(), "image", T),
                        new PackageLock("apt", "curl", "7.88.1-10+deb12u5", null, List.of(), "image", T),
                        new PackageLock("pip", "numpy", "1.26.4", null, List.of(), "image", T),
                        new PackageLock("pip", "scipy", "1.11.4", null, List.of(), "image", T),
                        new PackageLock("pip", "jax", "0.4.30", null, List.of(), "image", T),
                        new PackageLock("pip", "pandas", "2.2.0", null, List.of(), "image", T),
                        new PackageLock("conda", "xarray", "2024.1.1", "pyhd8ed1ab_0", List.of(), "image", T),
                        new PackageLock("npm", "left-pad", "1.3.0", null, List.of(), "image", T)),
                List.of());
    }

    @Test
    void pinsOnlyTheTokensItPins() throws Exception {
        byte[] original = resource("pin/research.Dockerfile");
        Path dockerfile = tmp.resolve("Dockerfile");
        Files.write(dockerfile, original);
        PinResult plan = Pinner.plan(dockerfile, lockFor(original));
        assertThat(new String(plan.after(), StandardCharsets.UTF_8)).isEqualTo(new String(resource("pin/research.pinned.Dockerfile"), StandardCharsets.UTF_8));
        assertThat(Files.readAllBytes(dockerfile)).isEqualTo(original);
    }

    @Test
    void secondPinChangesNothing() throws Exception {
        byte[] original = resource("pin/research.Dockerfile");
        Path dockerfile = tmp.resolve("Dockerfile");
        Path lockPath = tmp.resolve("strata.lock");
        Files.write(dockerfile, original);
        LockFile lock = lockFor(original);
        Files.writeString(lockPath, LockFileIO.write(lock));
        PinResult first = Pinner.plan(dockerfile, lock);
        Pinner.write(first, lock, lockPath);
        assertThat(Files.readAllBytes(tmp.resolve("Dockerfile.orig"))).isEqualTo(original);
        byte[] pinned = Files.readAllBytes(dockerfile);
        assertThat(pinned).isEqualTo(resource("pin/research.pinned.Dockerfile"));
        LockFile updated = LockFileIO.read(lockPath);
        assertThat(updated.dockerfile().sha256()).isEqualTo(Hashes.sha256Hex(pinned));
        PinResult second = Pinner.plan(dockerfile, updated);
        assertThat(second.edits()).isEmpty();
        assertThat(second.changes()).isFalse();
    }

    @Test
    void keepsCrlfLineEndingsAndTheByteOrderMark() throws Exception {
        String text = "\uFEFFFROM python:3.11\r\n# c\r\nRUN pip install numpy \\\r\n    scipy\r\n";
        byte[] original = text.getBytes(StandardCharsets.UTF_8);
        Path dockerfile = tmp.resolve("Dockerfile");
        Files.write(dockerfile, original);
        LockFile lock = new LockFile(1, new LockedDockerfile("Dockerfile", Hashes.sha256Hex(original)),
                List.of(new ImageLock("python:3.11", "docker.io/library/python:3.11", INDEX, null, List.of(), "r", T)), List.of(), List.of(),
                List.of(new PackageLock("pip", "numpy", "1.26.4", null, List.of(), "image", T),
                        new PackageLock("pip", "scipy", "1.11.4", null, List.of(), "image", T)), List.of());
        PinResult plan = Pinner.plan(dockerfile, lock);
        assertThat(new String(plan.after(), StandardCharsets.UTF_8)).isEqualTo(
                "\uFEFFFROM python:3.11@" + INDEX + "\r\n# c\r\nRUN pip install numpy==1.26.4 \\\r\n    scipy==1.11.4\r\n");
    }
}
