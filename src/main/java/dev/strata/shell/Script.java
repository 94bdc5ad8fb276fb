package dev.strata.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The simple commands of a RUN body (or any shell script) in execution order.
 *
 * @param commands    every simple command, nested ones included, in execution order
 * @param problems    syntax errors met in lenient mode (always empty in strict mode)
 * @param interpreter for a RUN heredoc whose shebang names a non-shell interpreter
 *                    ({@code #!/usr/bin/env python3}): that interpreter's name, and no commands;
 *                    null otherwise
 */
public record Script(List<SimpleCommand> commands, List<ShellSyntaxException> problems, String interpreter) {
    public Script {
        commands = List.copyOf(commands);
        problems = List.copyOf(problems);
    }

    /** The interpreter of a non-shell heredoc script, if that is what this is. */
    public Optional<String> nonShellInterpreter() {
        return Optional.ofNullable(interpreter);
    }

    /** All commands of the pipeline {@code command} belongs to, in order. */
    public List<SimpleCommand> pipeline(SimpleCommand command) {
        List<SimpleCommand> out = new ArrayList<>();
        for (SimpleCommand c : commands) {
            if (c.pipeline() == command.pipeline()) {
                out.add(c);
            }
        }
        return out;
    }

    /** The first command of the next stage of {@code command}'s pipeline (what reads its output). */
    public Optional<SimpleCommand> nextInPipeline(SimpleCommand command) {
        for (SimpleCommand c : commands) {
            if (c.pipeline() == command.pipeline() && c.pipelinePosition() == command.pipelinePosition() + 1) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** All later stages of {@code command}'s pipeline. */
    public List<SimpleCommand> downstream(SimpleCommand command) {
        List<SimpleCommand> out = new ArrayList<>();
        for (SimpleCommand c : commands) {
            if (c.pipeline() == command.pipeline() && c.pipelinePosition() > command.pipelinePosition()) {
                out.add(c);
            }
        }
        return out;
    }

    /** The command with the given index (owners of nesting levels are referred to by index). */
    public SimpleCommand command(int index) {
        return commands.get(index);
    }
}
