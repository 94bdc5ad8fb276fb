package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Untrusted bytes into the metalink and mirrorlist parsers drift reads from a mirror service.
 * Plain {@code mvn test} replays the seeds in {@code RpmMetalinkFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1} fuzzes. The contract: a document is read or rejected with an
 * {@link IOException}; what is read is only http(s) repomd.xml URLs and strong hashes.
 */
class RpmMetalinkFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void metalink(byte[] input) {
        try {
            RpmMetalink m = RpmMetalink.parse(new ByteArrayInputStream(input));
            assertThat(m.urls()).isNotEmpty().allSatisfy(u -> assertThat(u).matches("https?://\\S+/repodata/repomd\\.xml")
                    .doesNotContain("?", "#"));
            assertThat(m.hashes()).isNotEmpty().allSatisfy(h -> assertThat(h).matches("sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128}"));
        } catch (IOException expected) {
            assertThat(expected.getMessage()).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void mirrorlist(byte[] input) {
        try {
            assertThat(RpmRepositoryArchive.mirrorlist(new ByteArrayInputStream(input)))
                    .allSatisfy(u -> assertThat(u).matches("(?i)https?://\\S+").doesNotEndWith("/"));
        } catch (IOException expected) {
            assertThat(expected.getMessage()).isNotNull();
        }
    }
}
