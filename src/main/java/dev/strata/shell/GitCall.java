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
}
