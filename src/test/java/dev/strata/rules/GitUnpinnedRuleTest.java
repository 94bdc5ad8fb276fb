package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class GitUnpinnedRuleTest {
    private static final String ID = "git-unpinned";

    @TestFactory
    Stream<DynamicTest> fixtures() throws Exception {
        return RuleCases.all(ID);
    }

    @Test
    void metadata() {
        assertThat(new GitUnpinnedRule().info().id()).isEqualTo(ID);
        assertThat(RuleCatalog.ids()).contains(ID);
    }

    @Test
    void fixChecksOutACommit() {
        Finding f = RuleCases.findings(ID, "clone-head").get(0);
        assertThat(f.fix()).endsWith("git -C /opt/jax checkout <40-hex commit id>");
        assertThat(RuleCases.findings(ID, "branch-is-not-a-commit").get(0).message()).contains("`v0.4.35`");
    }
}
