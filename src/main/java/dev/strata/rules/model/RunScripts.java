package dev.strata.rules.model;

import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.Heredoc;
import dev.strata.dockerfile.Instruction;
import dev.strata.dockerfile.Word;
import dev.strata.shell.Script;
import dev.strata.shell.ShellParser;
import java.util.List;
import java.util.Optional;

/** Hands RUN bodies to the shell parser (lenient: a shell syntax slip must not hide other findings). */
final class RunScripts {
    private static final List<String> SHELLS = List.of("sh", "bash", "/bin/sh", "/bin/bash", "/usr/bin/bash", "dash", "/bin/dash", "ash", "/bin/ash");

    private RunScripts() {}

    static Optional<Script> split(Dockerfile ast, Step step) {
        Instruction ins = step.instruction();
        if (!ins.json()) {
            int start = ins.rawArgumentsSpan().startOffset();
            int end = ins.span().endOffset();
            for (Heredoc h : ins.heredocs()) {
                end = Math.max(end, h.delimiterSpan().endOffset());
            }
            if (end <= start) {
                return Optional.empty();
            }
            return Optional.of(ShellParser.parseRunLenient(ast.source().substring(start, end), start, ast.escapeChar(), step.variables()));
        }
        // Exec form: only ["sh", "-c", "script"] holds shell text worth splitting.
        List<Word> args = ins.arguments();
        if (args.size() >= 3 && SHELLS.contains(args.get(0).value()) && args.get(1).value().equals("-c")) {
            Word script = args.get(2);
            int from = script.span().startOffset();
            int to = script.span().endOffset();
            JsonStringText decoded = JsonStringText.decode(ast.source(), from, to);
            if (decoded != null && decoded.text().equals(script.value())) {
                // JSON escapes (\" \n, Unicode escapes) make the value shorter than its source: map each char back
                return Optional.of(ShellParser.parseScriptLenient(decoded.text(), decoded.start(), decoded.end(),
                        ast.source().substring(from + 1, to - 1), from + 1, step.variables()));
            }
            return Optional.of(ShellParser.parseScriptLenient(script.value(), from + 1, step.variables()));
        }
        return Optional.empty();
    }
}
