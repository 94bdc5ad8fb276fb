package dev.strata.shell;

/**
 * A git operation that decides which source code ends up in the image.
 *
 * @param command     the command
 * @param action      {@code clone}, {@code checkout}, {@code switch}, {@code reset}, {@code fetch},
 *                    {@code submodule}, {@code pull}
 * @param url         the repository URL (clone, fetch), or null
 * @param ref         the branch/tag/commit requested ({@code --branch}, {@code checkout REF},
 *                    {@code --revision}), or null
 * @param destination the clone directory, or null
 * @param directory   the {@code -C} directory, or null
 * @param depth       {@code --depth} value, or null
 */
public record GitCall(SimpleCommand command, String action, ShellWord url, ShellWord ref, ShellWord destination,
                      ShellWord directory, ShellWord depth) implements ToolCall {
    /** Whether the ref is a full or abbreviated commit hash (7 to 40 hex digits). */
    public boolean refIsCommit() {
        return ref != null && ref.known() && ToolCalls.looksLikeCommit(ref.value());
    }

    /**
     * Whether this checkout, switch, reset or fetch fixes the source at one commit: its ref is a
     * commit hash, or comes from a variable unknown here (a commit passed as a build argument is
     * decided at build time, not guessed at). Lock and audit both read a clone followed by such a
     * call in the same RUN as pinned.
     */
    public boolean selectsCommit() {
        if (ref == null || !(action.equals("checkout") || action.equals("switch") || action.equals("reset") || action.equals("fetch"))) {
            return false;
        }
        return ref.known() ? ToolCalls.looksLikeCommit(ref.value()) : !ref.unknownVariables().isEmpty();
    }
}
