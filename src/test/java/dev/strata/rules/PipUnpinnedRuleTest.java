package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PipUnpinnedRuleTest {
    private static final String ID = "pip-unpinned";

    @TestFactory
    Stream<DynamicTest> fixtures() throws Exception {
        return RuleCases.all(ID);
    }

    @Test
    void metadata() {
        assertThat(new PipUnpinnedRule().info().id()).isEqualTo(ID);
        assertThat(RuleCatalog.ids()).contains(ID);
    }

    @Test
    void rangesAreUnpinnedAndTheFixPinsEachRequirement() {
        Finding f = RuleCases.findings(ID, "unpinned-and-range").get(0);
        assertThat(f.message()).contains("`numpy` (no version)").contains("`scipy>=1` (a range, not one version)").doesNotContain("`pandas==2.2.3` (");
        assertThat(f.fix()).startsWith("pip install --no-cache-dir numpy==<version> scipy==<version> pandas==2.2.3");
        Finding jax = RuleCases.findings(ID, "upgrade-jax").get(0);
        assertThat(jax.fix()).startsWith("/opt/conda/bin/pip install --no-cache-dir --upgrade \"jax[cuda12]==<version>\"");
        assertThat(jax.message()).contains("--upgrade");
        assertThat(RuleCases.findings(ID, "vcs-and-url").get(0).message()).contains("VCS URL without a full commit id");
    }
}
