package dev.strata.shell;

/**
 * A variable assignment: a prefix of a command ({@code DEBIAN_FRONTEND=noninteractive apt-get ...}),
 * a command of its own ({@code V=1.2}), or an argument of {@code env}/{@code sudo}.
 *
 * @param name   the variable name
 * @param value  the assigned value (its span covers only the text after {@code =})
 * @param append {@code NAME+=value}
 * @param start  absolute offset of the assignment word
 * @param end    absolute offset just past it
 */
public record Assignment(String name, ShellWord value, boolean append, int start, int end) {
}
