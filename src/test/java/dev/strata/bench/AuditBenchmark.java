package dev.strata.bench;

import dev.strata.audit.AuditInputException;
import dev.strata.audit.Auditor;
import dev.strata.config.AuditConfig;
import dev.strata.dockerfile.DockerfileParseException;
import dev.strata.dockerfile.DockerfileParser;
import dev.strata.rules.model.BuildContext;
import dev.strata.rules.model.DockerfileModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Audit throughput on the shared corpus (../shared/corpus/dockerfiles, 618 files): parse, model
 * (ARG/ENV scoping, shell splitting of RUN bodies) and every rule, all in memory. The score is in
 * files per second; {@code auditCorpus} uses one thread, {@code auditCorpusAllCores} all cores.
 * Not a unit test: run it with bench/audit.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// the JIT needs about 20 s of this workload to settle (5 x 2 s left scores still climbing)
@Warmup(iterations = 12, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuditBenchmark {
    /** Number of files in the corpus; the benchmark refuses to run on a different corpus. */
    public static final int CORPUS_FILES = 618;

    private final List<String> names = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final AuditConfig config = AuditConfig.defaults();

    @Setup
    public void load() throws IOException {
        Path corpus = Path.of(System.getProperty("strata.shared", "../shared"), "corpus", "dockerfiles");
        try (Stream<Path> s = Files.walk(corpus)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                names.add(corpus.relativize(p).toString());
                texts.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        if (texts.size() != CORPUS_FILES) {
            throw new IllegalStateException("expected " + CORPUS_FILES + " corpus files in " + corpus + ", found " + texts.size());
        }
    }

    /** Phase 1 alone: the Dockerfile parser (package dockerfile). */
    @Benchmark
    @OperationsPerInvocation(CORPUS_FILES)
    public void parseOnly(Blackhole bh) {
        for (int i = 0; i < texts.size(); i++) {
            try {
                bh.consume(DockerfileParser.parse(names.get(i), texts.get(i)));
            } catch (DockerfileParseException e) {
                bh.consume(e);
            }
        }
    }

    /** Phases 1 and 2: parse, then the model (ARG/ENV scoping and shell splitting of every RUN). */
    @Benchmark
    @OperationsPerInvocation(CORPUS_FILES)
    public void parseAndModel(Blackhole bh) {
        for (int i = 0; i < texts.size(); i++) {
            try {
                bh.consume(Auditor.model(names.get(i), names.get(i), texts.get(i), BuildContext.empty()));
            } catch (AuditInputException e) {
                bh.consume(e);
            }
        }
    }

    /**
     * The whole audit with the files spread over all cores (a parallel stream over the files; each
     * file is still audited by one thread, so the findings are those of {@link #auditCorpus}).
     */
    @Benchmark
    @OperationsPerInvocation(CORPUS_FILES)
    public int auditCorpusAllCores() {
        // a Blackhole is not meant to be shared between threads: return the finding count instead
        return IntStream.range(0, texts.size()).parallel().map(this::auditOne).sum();
    }

    private int auditOne(int i) {
        try {
            DockerfileModel m = Auditor.model(names.get(i), names.get(i), texts.get(i), BuildContext.empty());
            return Auditor.check(m, config).size();
        } catch (AuditInputException e) {
            return -1;
        }
    }

    /** The whole audit of each file, one thread: parse, model and every rule. */
    @Benchmark
    @OperationsPerInvocation(CORPUS_FILES)
    public void auditCorpus(Blackhole bh) {
        for (int i = 0; i < texts.size(); i++) {
            try {
                DockerfileModel m = Auditor.model(names.get(i), names.get(i), texts.get(i), BuildContext.empty());
                bh.consume(Auditor.check(m, config));
            } catch (AuditInputException e) {
                bh.consume(e);
            }
        }
    }
}
