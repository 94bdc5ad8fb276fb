package dev.strata.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLinesTest {

    @Test
    void tokensAreNotMatchedInsideLongerIdentifiers() {
        assertThat(TextLines.containsToken("grid = pygmt.grdsample(grid=g)", "sample(")).isFalse();
        assertThat(TextLines.containsToken("x <- sample(1:10)", "sample(")).isTrue();
        assertThat(TextLines.containsToken("df.sample(n=5)", "sample(")).isTrue();
        assertThat(TextLines.containsToken("import torchvision", "torch")).isFalse();
        assertThat(TextLines.containsToken("import torch.nn", "torch")).isTrue();
        assertThat(TextLines.containsToken("$.ajax(url)", "jax")).isFalse();
    }

    @Test
    void lineLookups() {
        String text = "a\n  [tool.pytest.ini_options]\nb = 1\n";
        assertThat(TextLines.lineStartingWith(text, "[tool.pytest")).isEqualTo(2);
        assertThat(TextLines.lineContaining(text, "b = ")).isEqualTo(3);
        assertThat(TextLines.lineContaining(text, "zzz")).isZero();
    }
}
