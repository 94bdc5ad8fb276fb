package dev.strata.cli;

import picocli.CommandLine;

/** Entry point: builds the picocli command tree and exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI without exiting, so tests and other front ends can call it. */
    public static int run(String... args) {
        return new CommandLine(new StrataCommand()).execute(args);
    }
}
