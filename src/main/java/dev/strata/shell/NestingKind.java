package dev.strata.shell;

/** A construct a simple command sits inside. */
public enum NestingKind {
    /** {@code ( ... )} */
    SUBSHELL,
    /** {@code { ...; }} */
    GROUP,
    /** {@code $( ... )} or backticks: runs before its owner command, output becomes a word of it */
    COMMAND_SUBSTITUTION,
    /** {@code <( ... )} or {@code >( ... )} */
    PROCESS_SUBSTITUTION,
    /** the condition list of if/elif */
    IF_CONDITION,
    /** a then/else body */
    IF_BODY,
    /** the condition of while/until */
    LOOP_CONDITION,
    /** the body of while/until/for */
    LOOP_BODY,
    /** a case branch */
    CASE_BODY,
    /** a function body (commands run when the function is called) */
    FUNCTION_BODY,
    /** a script passed as a string: {@code sh -c '...'}, {@code bash -c "..."}, {@code eval}, {@code su -c} */
    SHELL_STRING,
    /** a script fed to a shell on standard input: {@code bash <<EOF} */
    SHELL_STDIN
}
