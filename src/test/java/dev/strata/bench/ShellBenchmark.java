package dev.strata.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.strata.shell.CorpusRuns;
import dev.strata.shell.ShellParser;
import dev.strata.shell.Script;
import dev.strata.shell.SimpleCommand;
import dev.strata.shell.ToolCalls;

/**
 * Shell splitting plus recognition over every RUN body of the shared corpus (618 Dockerfiles).
 * One operation = the whole corpus, so files/s = 618 / (seconds per op).
 *
 * <p>Run (not part of mvn verify):
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main ShellBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ShellBenchmark {
    private List<CorpusRuns.Run> runs;
    private int files;

    @Setup
    public void load() {
        List<Path> paths = CorpusRuns.files();
        if (paths.isEmpty()) {
            throw new IllegalStateException("corpus not found under " + CorpusRuns.corpusDir()
                    + " (set -Dstrata.shared=/path/to/shared)");
        }
        files = paths.size();
        runs = new ArrayList<>();
        for (Path p : paths) {
            runs.addAll(CorpusRuns.runs(p));
        }
    }

    @Benchmark
    public void splitAndRecognizeCorpus(Blackhole bh) {
        for (CorpusRuns.Run run : runs) {
            Script s = ShellParser.parseRunLenient(run.raw(), run.offset(), '\\', Map.of());
            for (SimpleCommand c : s.commands()) {
                bh.consume(ToolCalls.recognize(c, s));
            }
        }
    }

    public int files() {
        return files;
    }
}
