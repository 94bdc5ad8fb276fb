package dev.strata.shell;

import java.util.List;

/**
 * The shell syntax tree built by {@link ScriptSyntax} and walked by {@link ScriptEvaluator}.
 * Positions are logical indices into the {@link MappedText} being parsed.
 */
final class Ast {
    private Ast() {
    }

    /** Commands separated by ; & or newlines. {@code separators.get(i)} follows item i ("" at end). */
    record ListNode(List<AndOr> items, List<String> separators) {
    }

    /** Pipelines joined by && and ||; {@code ops.get(i)} joins pipeline i and i+1. */
    record AndOr(List<Pipeline> pipelines, List<String> ops) {
    }

    record Pipeline(List<Command> commands, boolean negated) {
    }

    sealed interface Command permits Simple, Compound, FunctionDef {
    }

    record Simple(List<Word> assignments, List<Word> words, List<Redirect> redirects, int start, int end)
            implements Command {
    }

    enum CompoundKind { SUBSHELL, GROUP, IF, WHILE, UNTIL, FOR, CASE, ARITHMETIC }

    /**
     * A compound command. For IF, {@code lists} alternates condition, body, condition, body, ...
     * and an odd last element is the else body. WHILE/UNTIL: condition, body. FOR: body, with
     * {@code forVariable} and {@code forItems} (null items = "$@"). CASE: one body per item,
     * {@code subject} and {@code casePatterns}. SUBSHELL/GROUP: one list.
     */
    record Compound(CompoundKind kind, List<ListNode> lists, String forVariable, List<Word> forItems,
                    Word subject, List<List<Word>> casePatterns, List<Redirect> redirects) implements Command {
    }

    record FunctionDef(String name, Command body) implements Command {
    }

    /**
     * A redirection. For heredocs, {@code target} is the delimiter word and the body is the
     * logical range [bodyStart, bodyEnd) (filled in when the body is read, after the newline).
     */
    static final class Redirect {
        final int fd;
        final String op;
        final Word target;
        final int start;
        String delimiter;
        boolean stripTabs;
        boolean expands;
        int bodyStart = -1;
        int bodyEnd = -1;

        Redirect(int fd, String op, Word target, int start) {
            this.fd = fd;
            this.op = op;
            this.target = target;
            this.start = start;
        }

        boolean isHeredoc() {
            return op.equals("<<") || op.equals("<<-");
        }
    }

    /** A word: logical span plus its parts; {@code quoted} if any quoting appears in it. */
    record Word(List<Part> parts, int start, int end, boolean quoted) {
    }

    sealed interface Part permits Lit, Param, CmdSub, Arith, ProcSub, Tilde, Opaque {
        int start();

        int end();
    }

    /**
     * Literal text. {@code contiguous}: the text is exactly logical [start, end); otherwise it is
     * a single escaped char spelled over [start, end) (e.g. backslash-quote). {@code quoted}:
     * produced by quoting or escaping, so not subject to field splitting or pattern meaning.
     */
    record Lit(String text, boolean quoted, boolean contiguous, int start, int end) implements Part {
    }

    /**
     * A parameter expansion. {@code op} is "" for $X / ${X}, "len" for ${#X}, "bad" for forms
     * the evaluator does not model (value unknown), or one of :- - := = :+ + :? ? # ## % %% / //.
     */
    record Param(String name, String op, List<Part> arg, List<Part> replacement, boolean quoted, int start,
                 int end) implements Part {
    }

    /** {@code text} is the text the script's positions refer to (differs from the word's for backticks). */
    record CmdSub(ListNode script, MappedText text, boolean quoted, boolean backtick, int start, int end)
            implements Part {
    }

    record Arith(boolean quoted, int start, int end) implements Part {
    }

    record ProcSub(ListNode script, char direction, int start, int end) implements Part {
    }

    record Tilde(String user, int start, int end) implements Part {
    }

    /** A build-time value inside a nested script (see {@link MappedText}). */
    record Opaque(List<String> unknownVariables, int start, int end) implements Part {
    }
}
