package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Untrusted bytes (a CRAN repository's PACKAGES index) into the drift reader. Plain
 * {@code mvn test} replays the seeds in {@code CranPackagesFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1} fuzzes. The contract: it never throws, and only asked-for names come back,
 * each with at least one version.
 */
class CranPackagesFuzzTest {
    private static final Set<String> WANTED = Set.of("ggplot2", "x", "data.table");

    @FuzzTest(maxDuration = "30s")
    void packagesIndex(byte[] input) throws IOException {
        Map<String, Set<String>> versions = CranPackages.versions(new ByteArrayInputStream(input), WANTED);
        assertThat(WANTED).containsAll(versions.keySet());
        versions.values().forEach(v -> assertThat(v).isNotEmpty());
    }
}
