package dev.strata.bench;

import dev.strata.audit.AuditInputException;
import dev.strata.audit.Auditor;
import dev.strata.config.AuditConfig;
import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.DockerfileParseException;
import dev.strata.dockerfile.DockerfileParser;
import dev.strata.rules.Finding;
import dev.strata.rules.model.BuildContext;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.ModelBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Where audit time goes, measured in thread CPU time rather than wall time, so the figures hold on
 * a machine shared with other work: parse, model (ARG/ENV scoping and shell splitting) and rules,
 * over the 618 corpus files, best of 20 rounds after 25 s of warm-up and 10 more rounds. Then the same audit with
 * the files spread over all cores (a parallel stream), checked to give exactly the findings of
 * the one-thread run, timed in wall clock and in process CPU time. Run by bench/audit.sh.
 */
public final class AuditPhases {
    private static final long WARM_UP_SECONDS = Long.getLong("strata.bench.warmup", 25);

    private AuditPhases() {}

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Path corpus = Path.of(System.getProperty("strata.shared", "../shared"), "corpus", "dockerfiles");
        List<String> texts = new ArrayList<>();
        try (Stream<Path> s = Files.walk(corpus)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                texts.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        AuditConfig config = AuditConfig.defaults();
        long bestParse = Long.MAX_VALUE;
        long bestModel = Long.MAX_VALUE;
        long bestRules = Long.MAX_VALUE;
        long bestTotal = Long.MAX_VALUE;
        long bestWhole = Long.MAX_VALUE;
        int findings = 0;
        // warm-up by time: the JIT needs about 20 s of this workload before per-pass times settle
        long warmUntil = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            for (String text : texts) {
                auditOne(text, config);
            }
        }
        for (int round = 0; round < 30; round++) {
            long parse = 0;
            long model = 0;
            long rules = 0;
            findings = 0;
            for (String text : texts) {
                long t0 = mx.getCurrentThreadCpuTime();
                Dockerfile ast;
                try {
                    ast = DockerfileParser.parse("Dockerfile", text);
                } catch (DockerfileParseException e) {
                    continue;
                }
                long t1 = mx.getCurrentThreadCpuTime();
                DockerfileModel m = ModelBuilder.build(ast, "Dockerfile", BuildContext.empty());
                long t2 = mx.getCurrentThreadCpuTime();
                findings += Auditor.check(m, config).size();
                long t3 = mx.getCurrentThreadCpuTime();
                parse += t1 - t0;
                model += t2 - t1;
                rules += t3 - t2;
            }
            // the whole pass timed once, without the per-phase clock reads
            long w0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < texts.size(); i++) {
                auditOne(texts.get(i), config);
            }
            long whole = mx.getCurrentThreadCpuTime() - w0;
            if (round >= 10) {
                bestParse = Math.min(bestParse, parse);
                bestModel = Math.min(bestModel, model);
                bestRules = Math.min(bestRules, rules);
                bestTotal = Math.min(bestTotal, parse + model + rules);
                bestWhole = Math.min(bestWhole, whole);
            }
        }
        int n = texts.size();
        System.out.printf("files %d, findings %d%n", n, findings);
        System.out.printf("one thread, cpu ms per corpus pass: parse %.1f, model+shell %.1f, rules %.1f, total %.1f%n",
                bestParse / 1e6, bestModel / 1e6, bestRules / 1e6, bestTotal / 1e6);
        System.out.printf("one thread, whole pass: %.1f cpu ms, %.1f cpu-us per file, %.0f files per CPU-second (parse alone %.0f)%n",
                bestWhole / 1e6, bestWhole / 1e3 / n, n / (bestWhole / 1e9), n / (bestParse / 1e9));

        // all cores: identical findings, then wall clock and process CPU per pass
        List<List<Finding>> sequential = new ArrayList<>();
        for (String text : texts) {
            sequential.add(auditOne(text, config));
        }
        @SuppressWarnings("unchecked")
        List<Finding>[] parallel = new List[n];
        IntStream.range(0, n).parallel().forEach(i -> parallel[i] = auditOne(texts.get(i), config));
        for (int i = 0; i < n; i++) {
            if (!sequential.get(i).equals(parallel[i])) {
                throw new IllegalStateException("all-cores audit differs from the one-thread audit on file #" + i);
            }
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long bestWall = Long.MAX_VALUE;
        long cpuAtBestWall = 0;
        for (int round = 0; round < 40; round++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            IntStream.range(0, n).parallel().forEach(i -> auditOne(texts.get(i), config));
            long wall = System.nanoTime() - t0;
            long cpu = os.getProcessCpuTime() - c0;
            if (round >= 10 && wall < bestWall) {
                bestWall = wall;
                cpuAtBestWall = cpu;
            }
        }
        System.out.printf("all %d cores (identical findings): best pass %.1f ms wall, %.0f files/s wall, %.1f process cpu-us per file%n",
                Runtime.getRuntime().availableProcessors(), bestWall / 1e6, n / (bestWall / 1e9), cpuAtBestWall / 1e3 / n);
    }

    private static List<Finding> auditOne(String text, AuditConfig config) {
        try {
            return Auditor.check(Auditor.model("Dockerfile", "Dockerfile", text, BuildContext.empty()), config);
        } catch (AuditInputException e) {
            return List.of();
        }
    }
}
