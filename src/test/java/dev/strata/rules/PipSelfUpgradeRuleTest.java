package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PipSelfUpgradeRuleTest {
    private static final String ID = "pip-self-upgrade";

    @TestFactory
    Stream<DynamicTest> fixtures() throws Exception {
        return RuleCases.all(ID);
    }

    @Test
    void metadata() {
        assertThat(new PipSelfUpgradeRule().info().id()).isEqualTo(ID);
        assertThat(RuleCatalog.ids()).contains(ID);
    }

    @Test
    void pinsTheInstallerInTheFix() {
        Finding f = RuleCases.findings(ID, "upgrade-pip").get(0);
        assertThat(f.fix()).startsWith("pip install --no-cache-dir --upgrade pip==24.2 setuptools==75.1.0 wheel==0.44.0");
    }
}
