package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class BaseImageLatestRuleTest {
    private static final String ID = "base-image-latest";

    @TestFactory
    Stream<DynamicTest> fixtures() throws Exception {
        return RuleCases.all(ID);
    }

    @Test
    void metadata() {
        assertThat(new BaseImageLatestRule().info().id()).isEqualTo(ID);
        assertThat(RuleCatalog.ids()).contains(ID);
    }

    @Test
    void fixSuggestsAReleaseWithADigestAndKeepsTheRestOfTheLine() {
        List<Finding> f = RuleCases.findings(ID, "platform-flag-and-stage-name");
        assertThat(f.get(0).fix()).startsWith("FROM --platform=$BUILDPLATFORM node:22-bookworm-slim@sha256:<digest> AS web")
                .contains("strata lock");
        assertThat(f.get(0).hadolint()).isEqualTo("DL3007");
        assertThat(RuleCases.findings(ID, "latest").get(0).fix()).startsWith("FROM ubuntu:24.04@sha256:<digest>");
        assertThat(RuleCases.findings(ID, "latest").get(0).severity()).isEqualTo(Severity.ERROR);
    }
}
