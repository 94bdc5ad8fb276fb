package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.audit.AuditInputException;
import dev.strata.audit.Auditor;
import dev.strata.config.AuditConfig;
import dev.strata.rules.model.DirectoryContext;
import dev.strata.rules.model.DockerfileModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a rule over its fixtures: {@code src/test/resources/rules/<id>/<case>/Dockerfile} plus any
 * build-context files beside it, and {@code expect}: one {@code file:line:column} per finding the
 * rule must report for that case, in order (an empty file is a negative case).
 */
final class RuleCases {
    static final Path ROOT = Path.of("src/test/resources/rules");

    private RuleCases() {}

    /** The rule's findings for one case (configuration defaults, suppressions applied). */
    static List<Finding> findings(String ruleId, String caseName) {
        Path dir = ROOT.resolve(ruleId).resolve(caseName);
        try {
            String text = Files.readString(dir.resolve("Dockerfile"));
            DockerfileModel model = Auditor.model("Dockerfile", "Dockerfile", text, new DirectoryContext(dir, ""));
            return Auditor.check(model, AuditConfig.defaults()).stream().filter(f -> f.rule().equals(ruleId)).toList();
        } catch (IOException | AuditInputException e) {
            throw new AssertionError(dir + ": " + e.getMessage(), e);
        }
    }

    /** One dynamic test per case directory, comparing positions with its {@code expect} file. */
    static Stream<DynamicTest> all(String ruleId) throws IOException {
        Path dir = ROOT.resolve(ruleId);
        assertThat(dir).as("fixtures for " + ruleId).isDirectory();
        List<Path> cases;
        try (Stream<Path> s = Files.list(dir)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).as("cases for " + ruleId).isNotEmpty();
        assertThat(cases.stream().anyMatch(RuleCases::positive)).as(ruleId + " has a positive case").isTrue();
        assertThat(cases.stream().anyMatch(c -> !positive(c))).as(ruleId + " has a negative case").isTrue();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            List<String> expected = Files.readAllLines(c.resolve("expect")).stream().filter(l -> !l.isBlank()).toList();
            List<String> actual = findings(ruleId, c.getFileName().toString()).stream()
                    .map(f -> f.file() + ":" + f.line() + ":" + f.column()).toList();
            assertThat(actual).as(c.toString()).containsExactlyElementsOf(expected);
        }));
    }

    private static boolean positive(Path caseDir) {
        try {
            return Files.readAllLines(caseDir.resolve("expect")).stream().anyMatch(l -> !l.isBlank());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
