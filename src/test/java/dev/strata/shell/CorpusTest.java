package dev.strata.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every RUN body of the shared corpus: lenient never throws, spans are exact, strict errors are real. */
class CorpusTest {
    @Test
    void everyRunOfTheCorpusSplits() {
        List<Path> files = CorpusRuns.files();
        Assumptions.assumeTrue(!files.isEmpty(), "shared corpus not found under " + CorpusRuns.corpusDir());
        int runs = 0;
        int commands = 0;
        int calls = 0;
        List<String> strictFailures = new ArrayList<>();
        for (Path file : files) {
            for (CorpusRuns.Run run : CorpusRuns.runs(file)) {
                runs++;
                char escape = run.source().contains("# escape=`") ? '`' : '\\';
                Script s = ShellParser.parseRunLenient(run.raw(), run.offset(), escape, Map.of());
                for (SimpleCommand c : s.commands()) {
                    commands++;
                    for (ShellWord w : c.words()) {
                        assertThat(run.source().substring(w.start(), w.end())).as("%s", file).isEqualTo(w.raw());
                    }
                    calls += ToolCalls.recognize(c, s).size();
                }
                if (usesPowerShell(run.source())) {
                    continue; // SHELL ["powershell", ...]: not POSIX shell text
                }
                try {
                    ShellParser.parseRun(run.raw(), run.offset(), escape, Map.of());
                } catch (ShellSyntaxException e) {
                    strictFailures.add(file.getFileName() + ": " + e.getMessage());
                }
            }
        }
        System.out.printf("corpus: %d files, %d RUNs, %d commands, %d tool calls, %d strict failures%n",
                files.size(), runs, commands, calls, strictFailures.size());
        strictFailures.forEach(f -> System.out.println("  " + f));
        assertThat(runs).isGreaterThan(1000);
        assertThat(calls).isGreaterThan(runs / 2);
        assertThat(strictFailures).isEmpty();
    }

    private static boolean usesPowerShell(String dockerfile) {
        String lower = dockerfile.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("shell [\"powershell") || lower.contains("shell [\"pwsh")
                || lower.contains("shell [\"cmd");
    }
}
