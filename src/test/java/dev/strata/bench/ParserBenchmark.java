package dev.strata.bench;

import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.DockerfileParseException;
import dev.strata.dockerfile.DockerfileParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Parsing throughput over the shared Dockerfile corpus (bytes to AST, UTF-8 decoding included).
 * Each operation parses the next corpus file in turn, so the score is files per second.
 *
 * <p>Run (after {@code ./mvnw -o test-compile}):
 * <pre>
 * ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     -Dstrata.shared=../shared dev.strata.bench.ParserBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParserBenchmark {
  private List<byte[]> files;
  private List<String> names;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    Path dir = Path.of(System.getProperty("strata.shared", "../shared"), "corpus", "dockerfiles");
    List<Path> paths;
    try (Stream<Path> s = Files.walk(dir)) {
      paths = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    files = new ArrayList<>();
    names = new ArrayList<>();
    for (Path p : paths) {
      files.add(Files.readAllBytes(p));
      names.add(dir.relativize(p).toString());
    }
    if (files.isEmpty()) {
      throw new UncheckedIOException(new IOException("no corpus files under " + dir));
    }
  }

  /** Parses one corpus file (the next in turn); the score is files parsed per second. */
  @Benchmark
  public Dockerfile parseOneFile() throws DockerfileParseException {
    int i = next;
    next = i + 1 == files.size() ? 0 : i + 1;
    return DockerfileParser.parse(names.get(i), files.get(i));
  }

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder()
        .include(ParserBenchmark.class.getName())
        .jvmArgsAppend("-Dstrata.shared=" + System.getProperty("strata.shared", "../shared"))
        .build()).run();
  }
}
