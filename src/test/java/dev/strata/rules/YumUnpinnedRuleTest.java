package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class YumUnpinnedRuleTest {
    private static final String ID = "yum-unpinned";

    @TestFactory
    Stream<DynamicTest> fixtures() throws Exception {
        return RuleCases.all(ID);
    }

    @Test
    void metadata() {
        assertThat(new YumUnpinnedRule().info().id()).isEqualTo(ID);
        assertThat(RuleCatalog.ids()).contains(ID);
    }

    @Test
    void rpmNamesWithDigitsAreNotMistakenForVersions() {
        assertThat(RuleCases.findings(ID, "unpinned").get(0).message()).contains("`httpd`, `gcc-c++`, `java-17-openjdk`");
    }
}
