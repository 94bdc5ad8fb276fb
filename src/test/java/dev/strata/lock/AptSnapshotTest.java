package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pin points apt at the locked snapshot once; a lock without recorded bases (older locks) pins the final stage only. */
class AptSnapshotTest {
    @TempDir Path tmp;

    @Test
    void debianAndUbuntuSourcesCommands() {
        AptSnapshot debian = new AptSnapshot("debian", "bookworm", "20260201T102030Z", "https://snapshot.debian.org/archive/debian/20260201T102030Z/");
        assertThat(debian.sourcesCommand()).isEqualTo(
                "echo 'deb [check-valid-until=no] https://snapshot.debian.org/archive/debian/20260201T102030Z/ bookworm main' > /etc/apt/sources.list && "
                + "echo 'deb [check-valid-until=no] https://snapshot.debian.org/archive/debian/20260201T102030Z/ bookworm-updates main' >> /etc/apt/sources.list && "
                + "echo 'deb [check-valid-until=no] https://snapshot.debian.org/archive/debian-security/20260201T102030Z/ bookworm-security main' >> /etc/apt/sources.list && "
                + "rm -f /etc/apt/sources.list.d/debian.sources && ");
        AptSnapshot ubuntu = new AptSnapshot("ubuntu", "jammy", "20260201T102030Z", "https://snapshot.ubuntu.com/ubuntu/20260201T102030Z/");
        assertThat(ubuntu.sourcesCommand()).contains("jammy-security main restricted universe multiverse", "rm -f /etc/apt/sources.list.d/ubuntu.sources");
    }

    @Test
    void pinsOnlyTheFinalStagesUpdateAndOnlyOnce() throws Exception {
        String text = "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\n"
                + "FROM debian:12\nRUN apt-get update \\\n && apt-get install -y curl\n";
        byte[] original = text.getBytes(StandardCharsets.UTF_8);
        Path dockerfile = tmp.resolve("Dockerfile");
        Path lockPath = tmp.resolve("strata.lock");
        Files.write(dockerfile, original);
        AptSnapshot snap = new AptSnapshot("debian", "bookworm", "20260201T102030Z", "https://snapshot.debian.org/archive/debian/20260201T102030Z/");
        LockFile lock = new LockFile(1, new LockedDockerfile("Dockerfile", Hashes.sha256Hex(original)), List.of(), List.of(), List.of(),
                List.of(new PackageLock("apt", "curl", "7.88.1-10+deb12u5", null, List.of(), "image", "2026-02-01T10:20:30Z")), List.of(snap));
        Files.writeString(lockPath, LockFileIO.write(lock));
        PinResult plan = Pinner.plan(dockerfile, lock);
        assertThat(new String(plan.after(), StandardCharsets.UTF_8)).isEqualTo("FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\n"
                + "FROM debian:12\nRUN " + snap.sourcesCommand() + "apt-get update \\\n && apt-get install -y curl=7.88.1-10+deb12u5\n");
        Pinner.write(plan, lock, lockPath);
        assertThat(Pinner.plan(dockerfile, LockFileIO.read(lockPath)).changes()).isFalse();
    }
}
