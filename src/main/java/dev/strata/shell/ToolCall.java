package dev.strata.shell;

/**
 * What a simple command does, as far as reproducibility is concerned: a package-manager call, a
 * download, a git operation or a checksum check. Produced by {@link ToolCalls}.
 */
public sealed interface ToolCall permits PackageManagerCall, Download, GitCall, ChecksumCheck {
    /** The command this was recognized in. */
    SimpleCommand command();
}
