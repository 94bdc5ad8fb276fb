package dev.strata.testing;

import java.nio.file.Path;

/**
 * The outcome of {@link Buildah#tryBuild(ImageSpec)}: an image, or a failed build with its log.
 *
 * @param image the image when the build succeeded, else null
 * @param exitCode buildah's exit status
 * @param log buildah's output (stdout and stderr interleaved), exactly as a user would see it
 * @param context the build context directory that was used (removed when the fixture closes)
 */
public record BuildAttempt(BuiltImage image, int exitCode, String log, Path context) {
    public boolean succeeded() {
        return image != null;
    }
}
