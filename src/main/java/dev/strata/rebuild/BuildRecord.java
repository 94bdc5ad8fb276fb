package dev.strata.rebuild;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One build of a rebuild.
 *
 * @param index 1-based build number
 * @param succeeded whether an image came out
 * @param exitCode the builder's exit status
 * @param copyTime time spent copying the build context
 * @param buildTime time spent in the builder's build command
 * @param exportTime time spent exporting the image to an OCI archive
 * @param log the build log, or null when it was removed with the work directory
 * @param archive the image as an OCI archive, or null (failed, or removed because --keep was not given)
 * @param varied the variation values this build got ("TZ=Etc/GMT+12", …)
 * @param command the build command that ran
 * @param failure why it failed, or null when it succeeded
 */
public record BuildRecord(
        int index,
        boolean succeeded,
        int exitCode,
        Duration copyTime,
        Duration buildTime,
        Duration exportTime,
        Path log,
        Path archive,
        List<String> varied,
        List<String> command,
        BuildFailure failure) {

    public BuildRecord {
        varied = List.copyOf(varied);
        command = List.copyOf(command);
    }

    BuildRecord withFiles(Path newLog, Path newArchive) {
        return new BuildRecord(index, succeeded, exitCode, copyTime, buildTime, exportTime, newLog, newArchive, varied,
                command, failure);
    }
}
