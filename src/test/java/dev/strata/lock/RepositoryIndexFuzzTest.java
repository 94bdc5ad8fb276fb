package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;

/**
 * Untrusted bytes into the repository index parsers drift reads from the network (APKINDEX,
 * rpm repomd.xml and primary.xml, conda repodata.json). Plain {@code mvn test} replays the seeds in
 * {@code RepositoryIndexFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes. The contract: an
 * index is either read or rejected with an {@link IOException} (which drift reports as an error
 * entry); nothing else escapes, and only wanted names come back.
 */
class RepositoryIndexFuzzTest {
    private static final Set<String> NAMES = Set.of("curl", "bash", "numpy");

    private static void onlyWanted(Set<String> keys) {
        assertThat(keys).allSatisfy(k -> assertThat(NAMES).contains(k.substring(0, k.indexOf(' '))));
    }

    @FuzzTest(maxDuration = "30s")
    void apkindex(byte[] input) {
        try {
            onlyWanted(ApkIndex.parseTarGz(new ByteArrayInputStream(input), NAMES));
        } catch (IOException expected) {
            assertThat(expected.getMessage()).isNotNull();
        }
        try {
            onlyWanted(ApkIndex.parse(new ByteArrayInputStream(input), NAMES));
        } catch (IOException expected) {
            assertThat(expected.getMessage()).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void rpmRepodata(byte[] input) {
        try {
            assertThat(RpmRepodata.primaryHref(new ByteArrayInputStream(input))).isNotBlank();
        } catch (IOException expected) {
            assertThat(expected.getMessage()).isNotNull();
        }
        try {
            onlyWanted(RpmRepodata.parsePrimary(new ByteArrayInputStream(input), NAMES));
        } catch (IOException expected) {
            assertThat(expected.getMessage()).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void condaRepodata(byte[] input) {
        try {
            onlyWanted(CondaRepodata.parse(new ByteArrayInputStream(input), NAMES));
        } catch (IOException expected) {
            assertThat(expected.getMessage()).isNotNull();
        }
    }
}
