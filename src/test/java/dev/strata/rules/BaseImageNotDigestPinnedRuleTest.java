package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class BaseImageNotDigestPinnedRuleTest {
    private static final String ID = "base-image-not-digest-pinned";

    @TestFactory
    Stream<DynamicTest> fixtures() throws Exception {
        return RuleCases.all(ID);
    }

    @Test
    void metadata() {
        assertThat(new BaseImageNotDigestPinnedRule().info().id()).isEqualTo(ID);
        assertThat(RuleCatalog.ids()).contains(ID);
    }

    @Test
    void fixKeepsTheTagAndAddsTheDigest() {
        List<Finding> f = RuleCases.findings(ID, "two-stages");
        assertThat(f.get(0).fix()).startsWith("FROM golang:1.23@sha256:<digest> AS build");
        assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
    }
}
