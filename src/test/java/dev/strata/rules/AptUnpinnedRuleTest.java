package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class AptUnpinnedRuleTest {
    private static final String ID = "apt-unpinned";

    @TestFactory
    Stream<DynamicTest> fixtures() throws Exception {
        return RuleCases.all(ID);
    }

    @Test
    void metadata() {
        assertThat(new AptUnpinnedRule().info().id()).isEqualTo(ID);
        assertThat(RuleCatalog.ids()).contains(ID);
    }

    @Test
    void namesOnlyTheUnpinnedPackagesAndRewritesTheCommand() {
        Finding f = RuleCases.findings(ID, "only-the-unpinned-one").get(0);
        assertThat(f.message()).contains("`bar`").doesNotContain("foo");
        assertThat(f.fix()).startsWith("apt-get install -y foo=1.2-3 bar=<version>");
        assertThat(f.hadolint()).isEqualTo("DL3008");
        List<Finding> multi = RuleCases.findings(ID, "continuation-lines-and-sudo");
        assertThat(multi.get(0).fix()).startsWith("sudo DEBIAN_FRONTEND=noninteractive apt-get -o Dpkg::Options::=--force-confold install -y build-essential=<version> libssl-dev=3.0.13-0ubuntu3");
    }
}
