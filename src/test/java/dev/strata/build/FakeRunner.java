package dev.strata.build;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A CommandRunner that records every command and answers from a script; nothing really runs. */
final class FakeRunner implements CommandRunner {
    final List<Command> seen = new ArrayList<>();
    private final Function<List<String>, CommandResult> answers;

    FakeRunner(Function<List<String>, CommandResult> answers) {
        this.answers = answers;
    }

    static CommandResult ok(String out) {
        return new CommandResult(0, out, Duration.ofMillis(5));
    }

    static CommandResult fail(int code, String out) {
        return new CommandResult(code, out, Duration.ofMillis(5));
    }

    @Override
    public CommandResult run(Command command) {
        seen.add(command);
        return answers.apply(command.argv());
    }

    List<List<String>> argvs() {
        return seen.stream().map(Command::argv).toList();
    }
}
