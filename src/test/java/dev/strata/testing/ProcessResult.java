package dev.strata.testing;

import java.util.List;

/**
 * What a finished external command did.
 *
 * @param command the argv that ran
 * @param exitCode its exit status
 * @param output stdout and stderr interleaved, as a terminal would show them
 */
public record ProcessResult(List<String> command, int exitCode, String output) {
    public ProcessResult {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The last {@code n} lines of the output, for failure messages. */
    public String tail(int n) {
        String[] lines = output.split("\n", -1);
        int from = Math.max(0, lines.length - n);
        return String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length));
    }
}
