package dev.strata.shell;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Locates ../shared test data (surefire sets strata.shared); skips the test when absent. */
final class SharedData {
    private SharedData() {
    }

    static Path require(String relative) {
        Path root = Path.of(System.getProperty("strata.shared", "../shared"));
        Path file = root.resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "shared test data not found: " + file.toAbsolutePath() + " (set -Dstrata.shared)");
        return file;
    }
}
