package dev.strata.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one build did.
 *
 * @param succeeded true when the image was built and exported
 * @param exitCode the exit status of the step that decided (the build, or the export when it failed)
 * @param archive the OCI archive written, or null when the build failed
 * @param log the build log file
 * @param buildTime time spent in the builder's build command
 * @param exportTime time spent exporting the image to the archive and removing it from the builder's
 *     store (zero when the builder writes the archive itself during the build, or when the build failed)
 * @param commands every command run, in order (for the log and for users who want to repeat it)
 */
public record BuildOutcome(
        boolean succeeded,
        int exitCode,
        Path archive,
        Path log,
        Duration buildTime,
        Duration exportTime,
        List<List<String>> commands) {

    public BuildOutcome {
        commands = commands.stream().map(List::copyOf).toList();
    }
}
