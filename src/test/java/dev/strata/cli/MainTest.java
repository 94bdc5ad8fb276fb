package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Main's audit-only command tree behaves exactly like the full tree for every audit invocation. */
class MainTest {
    record Run(int exit, String out, String err) {}

    private static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void auditOnlyTreeGivesTheSameOutputErrorsAndExitCodes() {
        List<String[]> cases = List.of(
                new String[] {"audit", "--help"},
                new String[] {"audit", "-h"},
                new String[] {"audit", "--version"},
                new String[] {"audit", "--no-such-option"},
                new String[] {"audit", "--format", "yaml", "examples/jax-cuda"},
                new String[] {"audit", "a", "b"},
                new String[] {"audit", "does/not/exist"},
                new String[] {"audit", "examples/jax-cuda"},
                new String[] {"audit", "--format", "json", "examples/pinned-study"},
                new String[] {"audit", "--format", "sarif", "--docs-base-url", "https://example.org/r", "examples/python-webapp"},
                new String[] {"audit", "--fail-on", "none", "examples/jax-cuda"});
        for (String[] args : cases) {
            Run full = run(new CommandLine(new StrataCommand()), args);
            Run fast = run(Main.commandLine(args), args);
            assertThat(fast).as(String.join(" ", args)).isEqualTo(full);
        }
    }

    @Test
    void otherCommandsGetTheFullTree() {
        assertThat(Main.commandLine("--help").getSubcommands()).containsKeys("audit", "compare", "rebuild", "lock");
        assertThat(Main.commandLine().getSubcommands()).containsKey("audit").hasSizeGreaterThan(1);
        assertThat(Main.commandLine("audit").getSubcommands()).containsOnlyKeys("audit");
    }
}
