package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class BaseImageFromUnpinnedArgRuleTest {
    private static final String ID = "base-image-from-unpinned-arg";

    @TestFactory
    Stream<DynamicTest> fixtures() throws Exception {
        return RuleCases.all(ID);
    }

    @Test
    void metadata() {
        assertThat(new BaseImageFromUnpinnedArgRule().info().id()).isEqualTo(ID);
        assertThat(RuleCatalog.ids()).contains(ID);
    }

    @Test
    void namesTheVariableAndItsResolvedValue() {
        Finding f = RuleCases.findings(ID, "floating-default").get(0);
        assertThat(f.message()).contains("BASE").contains("python:3.11");
        assertThat(f.fix()).contains("ARG BASE=python:3.11@sha256:<digest>");
        Finding g = RuleCases.findings(ID, "tag-from-arg").get(0);
        assertThat(g.message()).contains("nvidia/cuda:12.4.1-runtime-ubuntu22.04");
    }
}
