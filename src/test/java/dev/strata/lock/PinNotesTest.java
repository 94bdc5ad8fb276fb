package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.report.LockPinTextRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What pin leaves alone is said, never passed over: package lists in variables, packages missing from the lock. */
class PinNotesTest {
    private static final String T = "2026-02-01T10:20:30Z";
    @TempDir Path tmp;

    private static final String DOCKERFILE = "FROM scratch\n"
            + "ENV PHPIZE_DEPS=\"autoconf dpkg-dev\"\n"
            + "RUN apk add --no-cache $PHPIZE_DEPS curl\n"
            + "RUN set -eux; fetchDeps='wget ca-certificates'; apt-get install -y $fetchDeps jq\n";

    @Test
    void packagesFromVariablesAreNotesOfLockAndPin() throws Exception {
        Path dockerfile = tmp.resolve("Dockerfile");
        byte[] bytes = DOCKERFILE.getBytes(StandardCharsets.UTF_8);
        Files.write(dockerfile, bytes);
        DockerfileInputs inputs = DockerfileInputs.of(Locker.parse(dockerfile, bytes));
        assertThat(inputs.targets()).filteredOn(t -> t instanceof LockTarget.Pkg).extracting(t -> ((LockTarget.Pkg) t).name())
                .containsExactly("curl", "jq");
        assertThat(inputs.notes()).containsExactly(
                "line 3: apk package autoconf comes from $PHPIZE_DEPS: neither locked nor pinned (pin can not write a version into a"
                        + " variable); write the package out in the RUN, or give it an exact version where the variable is set",
                "line 3: apk package dpkg-dev comes from $PHPIZE_DEPS: neither locked nor pinned (pin can not write a version into a"
                        + " variable); write the package out in the RUN, or give it an exact version where the variable is set",
                "line 4: apt package wget comes from $fetchDeps: neither locked nor pinned (pin can not write a version into a"
                        + " variable); write the package out in the RUN, or give it an exact version where the variable is set",
                "line 4: apt package ca-certificates comes from $fetchDeps: neither locked nor pinned (pin can not write a version into a"
                        + " variable); write the package out in the RUN, or give it an exact version where the variable is set");

        // the lock has curl but not jq: curl is pinned, jq is named as missing, the variables are repeated
        LockFile lock = new LockFile(1, new LockedDockerfile("Dockerfile", Hashes.sha256Hex(bytes)), List.of(), List.of(), List.of(),
                List.of(new PackageLock("apk", "curl", "8.9.1-r1", null, List.of(), "image", T)), List.of());
        PinResult plan = Pinner.plan(dockerfile, lock);
        assertThat(new String(plan.after(), StandardCharsets.UTF_8)).contains("apk add --no-cache $PHPIZE_DEPS curl=8.9.1-r1\n")
                .contains("apt-get install -y $fetchDeps jq\n");
        assertThat(plan.notes()).hasSize(5).startsWith(inputs.notes().toArray(String[]::new))
                .endsWith("line 4: apt package jq is not in the lock (run strata lock --image IMAGE to record the installed version)");
    }

    @Test
    void aPinThatChangesNothingButLeavesNotesDoesNotSayAllIsPinned() throws Exception {
        Path dockerfile = tmp.resolve("Dockerfile");
        byte[] bytes = "FROM scratch\nRUN apk add curl\n".getBytes(StandardCharsets.UTF_8);
        Files.write(dockerfile, bytes);
        LockFile empty = new LockFile(1, new LockedDockerfile("Dockerfile", Hashes.sha256Hex(bytes)), List.of(), List.of(), List.of(),
                List.of(), List.of());
        String summary = LockPinTextRenderer.summary(Pinner.plan(dockerfile, empty), false);
        assertThat(summary).isEqualTo("note: line 2: apk package curl is not in the lock (run strata lock --image IMAGE to record the"
                + " installed version)" + System.lineSeparator() + dockerfile + ": nothing pinned; 1 note above says what is left"
                + System.lineSeparator());
    }
}
