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

    @Test
    void execFormScriptWithJsonEscapesPointsAtTheExactColumn() throws Exception {
        for (String c : List.of("exec-form-json-escapes", "exec-form-json-newline-and-unicode-escapes")) {
            String line = java.nio.file.Files.readAllLines(RuleCases.ROOT.resolve(ID).resolve(c).resolve("Dockerfile")).get(1);
            List<Finding> found = RuleCases.findings(ID, c);
            assertThat(found).as(c).hasSize(1);
            assertThat(found.get(0).line()).isEqualTo(2);
            assertThat(found.get(0).column()).as(c).isEqualTo(line.indexOf("curl") + 1);
            assertThat(found.get(0).message()).contains("`curl`").doesNotContain("wget");
        }
    }
}
