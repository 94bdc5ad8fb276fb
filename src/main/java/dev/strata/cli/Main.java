package dev.strata.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Entry point: builds the picocli command tree and exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI without exiting, so tests and other front ends can call it. */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /**
     * The command tree for these arguments. {@code strata audit ...} gets a tree holding only the
     * audit subcommand under a {@code strata} parent: picocli inspects every subcommand it is given
     * (reflection over fields and annotations), which is most of the start-up time of a
     * sub-second audit, and the audit never reaches the others. Everything the user sees (usage
     * text, errors, exit codes) is the same as with the full tree.
     */
    static CommandLine commandLine(String... args) {
        if (args.length > 0 && args[0].equals("audit")) {
            CommandSpec top = CommandSpec.create().name("strata");
            top.mixinStandardHelpOptions(true);
            top.versionProvider(new VersionProvider());
            CommandLine cl = new CommandLine(top);
            cl.addSubcommand("audit", new AuditCommand());
            return cl;
        }
        return new CommandLine(new StrataCommand());
    }
}
