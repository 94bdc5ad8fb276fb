package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ApkUnpinnedRuleTest {
    private static final String ID = "apk-unpinned";

    @TestFactory
    Stream<DynamicTest> fixtures() throws Exception {
        return RuleCases.all(ID);
    }

    @Test
    void metadata() {
        assertThat(new ApkUnpinnedRule().info().id()).isEqualTo(ID);
        assertThat(RuleCatalog.ids()).contains(ID);
    }

    @Test
    void fixUsesApkVersionSyntax() {
        assertThat(RuleCases.findings(ID, "unpinned").get(0).fix()).startsWith("apk add --no-cache curl=<version> bash=5.2.26-r0");
    }
}
