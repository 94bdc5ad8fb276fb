package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DnfUnpinnedRuleTest {
    private static final String ID = "dnf-unpinned";

    @TestFactory
    Stream<DynamicTest> fixtures() throws Exception {
        return RuleCases.all(ID);
    }

    @Test
    void metadata() {
        assertThat(new DnfUnpinnedRule().info().id()).isEqualTo(ID);
        assertThat(RuleCatalog.ids()).contains(ID);
    }

    @Test
    void digitsInANameAreNotAVersion() throws Exception {
        var findings = dev.strata.audit.Auditor.audit(
                        java.nio.file.Path.of("src/test/resources/rules/dnf-unpinned/digits-in-names/Dockerfile"),
                        dev.strata.config.AuditConfig.defaults())
                .findings().stream().filter(f -> f.rule().equals(ID)).toList();
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).message())
                .contains("`java-17-openjdk`", "`compat-libstdc++-33`")
                .doesNotContain("foo-1.2-3.fc40", "bar-2.1");
    }

}
