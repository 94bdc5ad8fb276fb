package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PipRequirementsUnlockedRuleTest {
    private static final String ID = "pip-requirements-unlocked";

    @TestFactory
    Stream<DynamicTest> fixtures() throws Exception {
        return RuleCases.all(ID);
    }

    @Test
    void metadata() {
        assertThat(new PipRequirementsUnlockedRule().info().id()).isEqualTo(ID);
        assertThat(RuleCatalog.ids()).contains(ID);
    }

    @Test
    void listsTheOffendingLinesAndTheRunThatReadsThem() {
        Finding f = RuleCases.findings(ID, "unpinned-file").get(0);
        assertThat(f.message()).contains("requirements.txt:2 `flask`").contains("1 of 2").contains("(Dockerfile:4)").contains("no hashes");
        assertThat(f.fix()).contains("pip-compile --generate-hashes -o requirements.lock requirements.txt");
        assertThat(RuleCases.findings(ID, "pinned-without-hashes").get(0).message()).contains("no hashes");
        assertThat(RuleCases.findings(ID, "include-followed").get(0).message()).contains("requirements/common.txt:1 `tqdm`");
    }
}
