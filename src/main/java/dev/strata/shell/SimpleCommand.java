package dev.strata.shell;

import java.util.List;

/**
 * One simple command of a RUN body, in execution order, after wrappers ({@code sudo},
 * {@code env X=1}, {@code time}, {@code nice}, {@code xargs}, {@code conda run}, ...) were peeled off.
 *
 * @param index              position in {@link Script#commands()}
 * @param words              the command name and its arguments (after unwrapping)
 * @param assignments        leading assignments, including those given to {@code env}/{@code sudo}
 * @param redirections       redirections, heredocs included
 * @param wrappers           the words removed by unwrapping, in order ({@code sudo -E}, {@code env})
 * @param connector          what joins this command to the next one at its nesting level
 * @param pipeline           id of the pipeline it belongs to (unique within the script)
 * @param pipelinePosition   0-based position in that pipeline
 * @param nesting            enclosing constructs, outermost first
 * @param argumentsFromInput true when more arguments arrive at run time ({@code xargs})
 * @param start              absolute offset where the command's text starts
 * @param end                absolute offset just past its last token (word, assignment, redirection target or
 *                           heredoc delimiter); trailing blanks, comments and continuations are not included
 */
public record SimpleCommand(int index, List<ShellWord> words, List<Assignment> assignments,
                            List<Redirection> redirections, List<ShellWord> wrappers, Connector connector,
                            int pipeline, int pipelinePosition, List<Nesting> nesting, boolean argumentsFromInput,
                            int start, int end) {
    public SimpleCommand {
        words = List.copyOf(words);
        assignments = List.copyOf(assignments);
        redirections = List.copyOf(redirections);
        wrappers = List.copyOf(wrappers);
        nesting = List.copyOf(nesting);
    }

    /**
     * The command name's last path segment ({@code /usr/bin/apt-get} gives {@code apt-get}); "" if
     * none or unknown. An unknown directory does not hide a literal name: {@code $CONDA_DIR/bin/pip}
     * is {@code pip}.
     */
    public String name() {
        if (words.isEmpty()) {
            return "";
        }
        ShellWord first = words.get(0);
        String v = first.value();
        int slash = v.lastIndexOf('/');
        String base = slash >= 0 ? v.substring(slash + 1) : v;
        if (first.known()) {
            return base;
        }
        String raw = first.raw();
        int rawSlash = raw.lastIndexOf('/');
        if (slash < 0 || rawSlash < 0 || base.isEmpty() || !raw.substring(rawSlash + 1).equals(base)) {
            return "";
        }
        return base;
    }

    /** The arguments (words after the name). */
    public List<ShellWord> args() {
        return words.isEmpty() ? List.of() : words.subList(1, words.size());
    }

    /** Whether {@link #name()} is one of the given names. */
    public boolean isNamed(String... names) {
        String n = name();
        for (String candidate : names) {
            if (candidate.equals(n)) {
                return true;
            }
        }
        return false;
    }

    /** Whether it is inside a construct of the given kind. */
    public boolean isInside(NestingKind kind) {
        for (Nesting x : nesting) {
            if (x.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Assignment a : assignments) {
            sb.append(a.name()).append('=').append(a.value()).append(' ');
        }
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(words.get(i));
        }
        return sb.toString();
    }
}
