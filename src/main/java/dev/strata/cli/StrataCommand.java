package dev.strata.cli;

import picocli.CommandLine.Command;

/** The top-level {@code strata} command; each capability is a subcommand. */
@Command(
        name = "strata",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reproducibility beyond \"just put it in Docker\".",
        subcommands = {AuditCommand.class, CompareCommand.class, SbomCommand.class, RebuildCommand.class, LockCommand.class, PinCommand.class, DriftCommand.class})
public final class StrataCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
