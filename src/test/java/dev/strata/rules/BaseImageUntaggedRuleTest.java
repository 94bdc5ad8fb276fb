package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class BaseImageUntaggedRuleTest {
    private static final String ID = "base-image-untagged";

    @TestFactory
    Stream<DynamicTest> fixtures() throws Exception {
        return RuleCases.all(ID);
    }

    @Test
    void metadata() {
        assertThat(new BaseImageUntaggedRule().info().id()).isEqualTo(ID);
        assertThat(RuleCatalog.ids()).contains(ID);
    }

    @Test
    void explainsTheImplicitLatest() {
        Finding f = RuleCases.findings(ID, "untagged").get(0);
        assertThat(f.message()).contains("python:latest");
        assertThat(f.fix()).startsWith("FROM python:3.12-slim-bookworm@sha256:<digest>");
        assertThat(RuleCases.findings(ID, "registry-port-is-not-a-tag").get(0).fix()).startsWith("FROM localhost:5000/tools:<version>@sha256:<digest>");
    }
}
