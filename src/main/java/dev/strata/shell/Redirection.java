package dev.strata.shell;

/**
 * A redirection of a simple command.
 *
 * @param operator    {@code <}, {@code >}, {@code >>}, {@code >|}, {@code <>}, {@code <<}, {@code <<-},
 *                    {@code <<<}, {@code <&}, {@code >&}, {@code &>}, {@code &>>}
 * @param fd          the explicit file descriptor ({@code 2>}) or -1
 * @param target      the file, fd or here-string word; for a heredoc its delimiter word
 * @param heredocBody for {@code <<} / {@code <<-}: the body text as the shell reads it, else null
 * @param bodyStart   absolute offset of the body in the source (-1 when not a heredoc)
 * @param bodyEnd     absolute offset just past the body (-1 when not a heredoc)
 * @param expands     for a heredoc: whether the body undergoes expansion (unquoted delimiter)
 */
public record Redirection(String operator, int fd, ShellWord target, String heredocBody, int bodyStart,
                          int bodyEnd, boolean expands) {
    public boolean isHeredoc() {
        return heredocBody != null;
    }
}
