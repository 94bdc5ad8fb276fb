package dev.strata.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The classifier against logs captured from real failing buildah 1.28 builds on this project's CI
 * machine (src/test/resources/dev/strata/rebuild/buildlogs/), plus BuildKit's documented message shapes.
 */
class FailureClassifierTest {
    private static String log(String name) throws IOException {
        try (InputStream in = FailureClassifierTest.class.getResourceAsStream("buildlogs/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static BuildFailure classify(String name) throws IOException {
        return FailureClassifier.classify(log(name));
    }

    @Test
    void failingRunIsCommandFailedWithItsInstructionStatusAndOutput() throws IOException {
        BuildFailure f = classify("buildah-command-failed.log");
        assertThat(f.kind()).isEqualTo(FailureKind.COMMAND_FAILED);
        assertThat(f.instruction()).isEqualTo(
                "RUN [\"/bin/busybox\",\"sh\",\"-c\",\"echo compiling; echo 'error: missing header foo.h' >&2; exit 2\"]");
        assertThat(f.step()).isEqualTo("3/3");
        assertThat(f.exitStatus()).isEqualTo(2);
        assertThat(f.lastLines()).startsWith("compiling", "error: missing header foo.h");
        assertThat(f.lastLines()).noneMatch(l -> l.startsWith("subprocess exited"));
        assertThat(f.lastLines()).last().asString().startsWith("Error: building at STEP");
    }

    @Test
    void connectionRefusedIsNetwork() throws IOException {
        BuildFailure f = classify("buildah-wget-connection-refused.log");
        assertThat(f.kind()).isEqualTo(FailureKind.NETWORK);
        assertThat(f.evidence()).isEqualTo("wget: can't connect to remote host (127.0.0.1): Connection refused");
        assertThat(f.instruction()).startsWith("RUN [\"/bin/busybox\"");
        assertThat(f.exitStatus()).isEqualTo(1);
    }

    @Test
    void unresolvableNameIsNetwork() throws IOException {
        BuildFailure f = classify("buildah-wget-bad-address.log");
        assertThat(f.kind()).isEqualTo(FailureKind.NETWORK);
        assertThat(f.evidence()).isEqualTo("wget: bad address 'data.example.invalid'");
    }

    @Test
    void addOfUnreachableUrlIsNetworkAndNamesTheAdd() throws IOException {
        BuildFailure f = classify("buildah-add-url-refused.log");
        assertThat(f.kind()).isEqualTo(FailureKind.NETWORK);
        assertThat(f.instruction()).isEqualTo("ADD http://127.0.0.1:9/archive.tar.gz /opt/");
        assertThat(f.exitStatus()).isNull();
    }

    @Test
    void aptAgainstAnUnreachableMirrorIsNetworkNotMissingPackage() throws IOException {
        BuildFailure f = classify("buildah-apt-mirror-refused.log");
        assertThat(f.kind()).isEqualTo(FailureKind.NETWORK);
        assertThat(f.evidence()).contains("Could not connect to 127.0.0.1:9");
        assertThat(f.exitStatus()).isEqualTo(100);
    }

    @Test
    void pipRetryWarningRevealsNetworkBehindNoMatchingDistribution() throws IOException {
        BuildFailure f = classify("buildah-pip-connection-refused.log");
        assertThat(f.kind()).isEqualTo(FailureKind.NETWORK);
        assertThat(f.evidence()).contains("Failed to establish a new connection");
    }

    @Test
    void aptUnknownPackageIsPackageUnavailable() throws IOException {
        BuildFailure f = classify("buildah-apt-unable-to-locate.log");
        assertThat(f.kind()).isEqualTo(FailureKind.PACKAGE_UNAVAILABLE);
        assertThat(f.evidence()).isEqualTo("E: Unable to locate package python3-strata-nonexistent");
        assertThat(f.instruction()).isEqualTo(
                "RUN apt-get update && apt-get install -y --no-install-recommends python3-strata-nonexistent");
    }

    @Test
    void aptVersionGoneIsPackageUnavailable() throws IOException {
        BuildFailure f = classify("buildah-apt-version-not-found.log");
        assertThat(f.kind()).isEqualTo(FailureKind.PACKAGE_UNAVAILABLE);
        assertThat(f.evidence()).isEqualTo("E: Version '1.5+dfsg-1' for 'jq' was not found");
    }

    @Test
    void pipVersionGoneIsPackageUnavailable() throws IOException {
        BuildFailure f = classify("buildah-pip-no-matching-distribution.log");
        assertThat(f.kind()).isEqualTo(FailureKind.PACKAGE_UNAVAILABLE);
        assertThat(f.evidence()).startsWith("ERROR: Could not find a version that satisfies the requirement numpy==1.19.5");
        assertThat(f.step()).isEqualTo("4/4");
    }

    @Test
    void sha256sumCheckFailureIsChecksumMismatch() throws IOException {
        BuildFailure f = classify("buildah-sha256sum-mismatch.log");
        assertThat(f.kind()).isEqualTo(FailureKind.CHECKSUM_MISMATCH);
        assertThat(f.evidence()).isEqualTo("sha256sum: WARNING: 1 of 1 computed checksums did NOT match");
    }

    @Test
    void pipHashMismatchIsChecksumMismatch() throws IOException {
        BuildFailure f = classify("buildah-pip-hash-mismatch.log");
        assertThat(f.kind()).isEqualTo(FailureKind.CHECKSUM_MISMATCH);
        assertThat(f.evidence()).startsWith("ERROR: THESE PACKAGES DO NOT MATCH THE HASHES");
    }

    @Test
    void missingTagInAReachableRegistryIsBaseImageNotFound() throws IOException {
        BuildFailure f = classify("buildah-base-manifest-unknown.log");
        assertThat(f.kind()).isEqualTo(FailureKind.BASE_IMAGE_NOT_FOUND);
        assertThat(f.instruction()).isEqualTo("FROM localhost:5777/strata/missing:1.0");
        assertThat(f.evidence()).endsWith("manifest unknown: manifest unknown");
    }

    @Test
    void unresolvableShortNameIsBaseImageNotFound() throws IOException {
        BuildFailure f = classify("buildah-base-short-name-unresolved.log");
        assertThat(f.kind()).isEqualTo(FailureKind.BASE_IMAGE_NOT_FOUND);
        assertThat(f.instruction()).isEqualTo("FROM strata-nonexistent-image");
    }

    @Test
    void unreachableRegistryForTheBaseIsNetwork() throws IOException {
        assertThat(classify("buildah-base-registry-unreachable.log").kind()).isEqualTo(FailureKind.NETWORK);
        BuildFailure hub = classify("buildah-base-dockerhub-unreachable.log");
        assertThat(hub.kind()).isEqualTo(FailureKind.NETWORK);
        assertThat(hub.instruction()).isEqualTo("FROM python:3.11-slim");
        assertThat(hub.evidence()).contains("no such host");
    }

    @Test
    void unsupportedInstructionFlagIsOtherWithTheBuilderMessage() throws IOException {
        BuildFailure f = classify("buildah-add-checksum-flag-unsupported.log");
        assertThat(f.kind()).isEqualTo(FailureKind.OTHER);
        assertThat(f.instruction()).startsWith("ADD --checksum=sha256:");
        assertThat(f.evidence()).endsWith("ADD only supports the --chmod=<permissions> and the --chown=<uid:gid> flag");
    }

    @Test
    void warningsOfEarlierSuccessfulStepsDoNotDecide() {
        String log = String.join("\n",
                "STEP 1/3: FROM scratch",
                "STEP 2/3: RUN fetch-optional-data || true",
                "curl: (7) Failed to connect to 127.0.0.1 port 9: Connection refused",
                "STEP 3/3: RUN make",
                "make: *** [all] Error 2",
                "Error: building at STEP \"RUN make\": exit status 2");
        BuildFailure f = FailureClassifier.classify(log);
        assertThat(f.kind()).isEqualTo(FailureKind.COMMAND_FAILED);
        assertThat(f.instruction()).isEqualTo("RUN make");
        assertThat(f.lastLines()).containsExactly("make: *** [all] Error 2",
                "Error: building at STEP \"RUN make\": exit status 2");
    }

    @Test
    void buildKitProcessFailureIsCommandFailedWithItsStep() {
        String log = String.join("\n",
                "#5 [2/3] RUN ./configure && make",
                "#5 0.412 make: *** [all] Error 2",
                "#5 ERROR: process \"/bin/sh -c ./configure && make\" did not complete successfully: exit code: 2",
                "ERROR: failed to solve: process \"/bin/sh -c ./configure && make\" did not complete successfully:"
                        + " exit code: 2");
        BuildFailure f = FailureClassifier.classify(log);
        assertThat(f.kind()).isEqualTo(FailureKind.COMMAND_FAILED);
        assertThat(f.instruction()).isEqualTo("RUN ./configure && make");
        assertThat(f.step()).isEqualTo("2/3");
        assertThat(f.exitStatus()).isEqualTo(2);
    }

    @Test
    void buildKitMissingBaseIsBaseImageNotFound() {
        String log = "ERROR: failed to solve: python:3.99: failed to resolve source metadata for"
                + " docker.io/library/python:3.99: docker.io/library/python:3.99: not found";
        assertThat(FailureClassifier.classify(log).kind()).isEqualTo(FailureKind.BASE_IMAGE_NOT_FOUND);
    }

    @Test
    void lastLinesAreBounded() {
        StringBuilder b = new StringBuilder("STEP 2/2: RUN noisy\n");
        for (int i = 0; i < 100; i++) {
            b.append("line ").append(i).append('\n');
        }
        b.append("Error: building at STEP \"RUN noisy\": exit status 1\n");
        BuildFailure f = FailureClassifier.classify(b.toString());
        assertThat(f.lastLines()).hasSize(FailureClassifier.TAIL_LINES);
        assertThat(f.lastLines().get(0)).isEqualTo("line 89");
    }

    @Test
    void emptyLogIsOther() {
        BuildFailure f = FailureClassifier.classify("");
        assertThat(f.kind()).isEqualTo(FailureKind.OTHER);
        assertThat(f.instruction()).isNull();
        assertThat(f.lastLines()).isEmpty();
    }
}
