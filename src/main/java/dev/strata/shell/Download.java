package dev.strata.shell;

import java.util.List;

/**
 * A curl or wget download.
 *
 * @param command     the command
 * @param tool        {@code curl} or {@code wget}
 * @param urls        the URL words
 * @param output      the output file word ({@code -o F}, {@code -O F} for wget), or null
 * @param remoteName  true when the file is named after the URL (curl {@code -O}, wget default)
 * @param toStdout    true when the body goes to standard output
 * @param interpreter when the download is run directly: the shell or interpreter it is piped or
 *                    substituted into ({@code sh}, {@code bash}, {@code python3}); else ""
 */
public record Download(SimpleCommand command, String tool, List<ShellWord> urls, ShellWord output,
                       boolean remoteName, boolean toStdout, String interpreter) implements ToolCall {
    public Download {
        urls = List.copyOf(urls);
    }

    /** {@code curl ... | sh} and friends. */
    public boolean pipedToInterpreter() {
        return !interpreter.isEmpty();
    }
}
