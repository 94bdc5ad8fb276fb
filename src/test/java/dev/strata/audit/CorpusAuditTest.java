package dev.strata.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.config.AuditConfig;
import dev.strata.rules.Finding;
import dev.strata.rules.RuleCatalog;
import dev.strata.rules.model.BuildContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every rule over the 618 real Dockerfiles of the shared corpus: nothing but a located input error
 * may come out of a file, every finding is well formed, and rules fire where the corpus README
 * says they must (official images verify downloads but never pin digests).
 */
class CorpusAuditTest {
    @Test
    void everyCorpusFileAuditsWithoutCrashing() throws Exception {
        Path corpus = Path.of(System.getProperty("strata.shared", "../shared"), "corpus", "dockerfiles");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "shared corpus not found at " + corpus);
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Map<String, Integer> perRule = new HashMap<>();
        List<String> rejected = new ArrayList<>();
        int official = 0;
        int officialDigest = 0;
        for (Path p : files) {
            String name = corpus.relativize(p).toString();
            String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            try {
                var model = Auditor.model(name, name, text, BuildContext.empty());
                for (Finding f : Auditor.check(model, AuditConfig.defaults())) {
                    assertThat(f.line()).as(name).isPositive();
                    assertThat(f.column()).as(name).isPositive();
                    assertThat(f.line()).as(name).isLessThanOrEqualTo(text.split("\n", -1).length);
                    assertThat(f.message()).isNotBlank();
                    assertThat(f.fix()).isNotBlank();
                    perRule.merge(f.rule(), 1, Integer::sum);
                    if (name.startsWith("official/")) {
                        official++;
                        if (f.rule().equals("base-image-not-digest-pinned")) {
                            officialDigest++;
                        }
                    }
                }
            } catch (AuditInputException e) {
                assertThat(e.getMessage()).as("located error").matches("^.+:\\d+:\\d+: .+");
                rejected.add(e.getMessage());
            }
        }
        assertThat(files).hasSize(618);
        assertThat(rejected.size()).as("files rejected: " + rejected).isLessThan(10);
        assertThat(officialDigest).as("official images never pin digests").isGreaterThan(100);
        assertThat(perRule.keySet()).as("rules that fire on the corpus").contains("apt-unpinned", "pip-unpinned",
                "download-unverified", "base-image-not-digest-pinned", "nondeterministic-leftovers");
        assertThat(RuleCatalog.ids()).containsAll(perRule.keySet());
    }
}
