package dev.strata.rebuild;

import java.util.List;

/**
 * A failed build, classified from its log.
 *
 * @param kind why it failed
 * @param instruction the Dockerfile instruction that failed as the builder printed it (e.g.
 *     {@code RUN apt-get install -y foo}), or null when the log does not say
 * @param step the builder's step counter for it ("3/4"), or null
 * @param exitStatus the failing command's exit status, or null when no command ran (e.g. a pull)
 * @param evidence the log line that decided {@link #kind}, or null for command-failed/other
 * @param lastLines the last lines of the failing step's output (at most {@value FailureClassifier#TAIL_LINES})
 */
public record BuildFailure(FailureKind kind, String instruction, String step, Integer exitStatus, String evidence,
        List<String> lastLines) {

    public BuildFailure {
        lastLines = List.copyOf(lastLines);
    }
}
