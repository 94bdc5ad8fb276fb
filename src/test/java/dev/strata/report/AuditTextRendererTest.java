package dev.strata.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditTextRendererTest {
    @Test
    void verdictAndLayersComeBeforeFindingsGroupedByFile() {
        String text = AuditTextRenderer.render(SampleResults.mixed(), false);
        assertThat(text).startsWith("strata audit examples/demo: WILL DRIFT (1 error, 1 warning, 1 info in 1 Dockerfile)\n");
        assertThat(text.indexOf("container")).isLessThan(text.indexOf("\nDockerfile\n"));
        assertThat(text).contains("\ncontainer  partial         Dockerfile:1 base image floats (+1 more)\n");
        assertThat(text).contains("\ntests      missing         -\n");
        assertThat(text).contains("\nDockerfile\n  1:6     error   base-image-latest (DL3007)\n");
        assertThat(text).contains("          fix: COPY src/ ./src/\n               COPY run.py ./\n");
        assertThat(text.indexOf("\nsub dir/requirements.txt\n")).isGreaterThan(text.indexOf("\nDockerfile\n"));
        assertThat(text).doesNotContain("\u001b[");
    }

    @Test
    void colourOnlyWhenAsked() {
        assertThat(AuditTextRenderer.render(SampleResults.mixed(), true)).contains("\u001b[31m");
    }

    @Test
    void cleanResult() {
        String text = AuditTextRenderer.render(SampleResults.clean(), false);
        assertThat(text).startsWith("strata audit x/Dockerfile: PINNED (0 errors, 0 warnings, 0 info in 1 Dockerfile)");
        assertThat(text).contains("No findings.");
    }
}
