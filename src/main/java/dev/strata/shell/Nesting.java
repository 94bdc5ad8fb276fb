package dev.strata.shell;

/**
 * One level of nesting around a simple command.
 *
 * @param kind  the construct
 * @param owner for COMMAND_SUBSTITUTION, PROCESS_SUBSTITUTION, SHELL_STRING and SHELL_STDIN the
 *              {@link SimpleCommand#index()} of the command that owns it (the {@code sh} of
 *              {@code sh -c}, the command whose word holds the {@code $( )}); -1 otherwise
 */
public record Nesting(NestingKind kind, int owner) {
}
