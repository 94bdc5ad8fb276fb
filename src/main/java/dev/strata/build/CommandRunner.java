package dev.strata.build;

/** Runs external commands; an interface so the builder adapters can be tested without the programs. */
@FunctionalInterface
public interface CommandRunner {
    CommandResult run(Command command);
}
