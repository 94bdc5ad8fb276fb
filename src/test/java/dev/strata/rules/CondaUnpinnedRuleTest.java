package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CondaUnpinnedRuleTest {
    private static final String ID = "conda-unpinned";

    @TestFactory
    Stream<DynamicTest> fixtures() throws Exception {
        return RuleCases.all(ID);
    }

    @Test
    void metadata() {
        assertThat(new CondaUnpinnedRule().info().id()).isEqualTo(ID);
        assertThat(RuleCatalog.ids()).contains(ID);
    }

    @Test
    void envFileFindingPointsIntoTheFile() {
        Finding f = RuleCases.findings(ID, "env-file").get(0);
        assertThat(f.file()).isEqualTo("environment.yml");
        assertThat(f.message()).contains("environment.yml:6 `numpy`").doesNotContain("torch");
        assertThat(RuleCases.findings(ID, "unpinned-install").get(0).fix()).contains("ipython=<version>");
    }
}
