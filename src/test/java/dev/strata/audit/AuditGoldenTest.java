package dev.strata.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.config.AuditConfig;
import dev.strata.report.AuditJsonRenderer;
import dev.strata.report.AuditSarifRenderer;
import dev.strata.report.AuditSarifRendererTest;
import dev.strata.report.AuditTextRenderer;
import dev.strata.rules.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three report formats on the bundled examples, compared byte for byte with the files in
 * src/test/resources/golden/audit/. After an intended change, regenerate them with
 * {@code ./mvnw test -Dtest=AuditGoldenTest -Dstrata.updateGolden=true} and review the diff.
 */
class AuditGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/audit");

    @ParameterizedTest
    @ValueSource(strings = {"jax-cuda", "python-webapp", "pinned-study"})
    void reportsMatchTheGoldenFiles(String example) throws Exception {
        AuditResult r = Auditor.audit(Path.of("examples", example), "examples/" + example, AuditConfig.defaults());
        compare(example + ".txt", AuditTextRenderer.render(r, false));
        compare(example + ".json", AuditJsonRenderer.render(r));
        String sarif = AuditSarifRenderer.render(r, RuleCatalog.infos(), "golden");
        compare(example + ".sarif", sarif);
        assertThat(AuditSarifRendererTest.validate(sarif)).as("SARIF of " + example + " against the official schema").isEmpty();
    }

    private static void compare(String name, String actual) throws Exception {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("strata.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file " + file + " (generate with -Dstrata.updateGolden=true)").exists();
        assertThat(actual).as(name).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
