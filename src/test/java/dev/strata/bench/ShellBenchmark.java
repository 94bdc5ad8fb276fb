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

    /**
     * Thread-CPU-time measurement for shared, oversubscribed machines where JMH's wall-clock
     * figures mostly measure the neighbours: {@code java -cp ... dev.strata.bench.ShellBenchmark [seconds]}.
     */
    public static void main(String[] args) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        ShellBenchmark b = new ShellBenchmark();
        b.load();
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        long warmupEnd = System.currentTimeMillis() + seconds * 500;
        while (System.currentTimeMillis() < warmupEnd) {
            b.splitAndRecognizeCorpus(bh);
        }
        long end = System.currentTimeMillis() + seconds * 1000;
        long best = Long.MAX_VALUE;
        long total = 0;
        int ops = 0;
        while (System.currentTimeMillis() < end) {
            long t = cpu.getCurrentThreadCpuTime();
            b.splitAndRecognizeCorpus(bh);
            long d = cpu.getCurrentThreadCpuTime() - t;
            best = Math.min(best, d);
            total += d;
            ops++;
        }
        double mean = total / 1e6 / ops;
        System.out.printf("shell split+recognize, %d files, %d RUNs: mean %.1f ms CPU/op (best %.1f) = %.0f files/s per core%n",
                b.files, b.runs.size(), mean, best / 1e6, b.files / (mean / 1000));
    }
}
