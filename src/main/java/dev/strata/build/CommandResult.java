package dev.strata.build;

import java.time.Duration;

/**
 * What a finished command did.
 *
 * @param exitCode its exit status (124 when it was killed for running too long, 127 when it could
 *     not be started)
 * @param output its output (the last 256 KiB when longer; the full text is in the log file)
 * @param elapsed wall-clock time
 */
public record CommandResult(int exitCode, String output, Duration elapsed) {
    /** Exit status used when the program could not be started at all. */
    public static final int NOT_STARTED = 127;
    /** Exit status used when the program was killed at its time limit. */
    public static final int TIMED_OUT = 124;

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The last non-blank line of the output, or "" (for one-line error messages). */
    public String lastLine() {
        String[] lines = output.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
