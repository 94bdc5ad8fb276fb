package dev.strata.bench;

import dev.strata.audit.AuditInputException;
import dev.strata.audit.Auditor;
import dev.strata.config.AuditConfig;
import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.DockerfileParseException;
import dev.strata.dockerfile.DockerfileParser;
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
import java.util.stream.Stream;

/**
 * Where audit time goes, measured in thread CPU time rather than wall time, so the figures hold on
 * a machine shared with other work: parse, model (ARG/ENV scoping and shell splitting) and rules,
 * over the 618 corpus files, best of 20 rounds after 10 warm-up rounds. Run by bench/audit.sh.
 */
public final class AuditPhases {
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
        int findings = 0;
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
            if (round >= 10) {
                bestParse = Math.min(bestParse, parse);
                bestModel = Math.min(bestModel, model);
                bestRules = Math.min(bestRules, rules);
                bestTotal = Math.min(bestTotal, parse + model + rules);
            }
        }
        System.out.printf("files %d, findings %d%n", texts.size(), findings);
        System.out.printf("cpu ms per corpus pass: parse %.1f, model+shell %.1f, rules %.1f, total %.1f%n",
                bestParse / 1e6, bestModel / 1e6, bestRules / 1e6, bestTotal / 1e6);
        System.out.printf("files per CPU-second: %.0f (parse alone %.0f)%n", texts.size() / (bestTotal / 1e9), texts.size() / (bestParse / 1e9));
    }
}
