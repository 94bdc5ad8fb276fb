package dev.strata.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.dockerfile.DockerfileParser;
import dev.strata.rules.model.BaseImage.Image;
import dev.strata.rules.model.BaseImage.Scratch;
import dev.strata.rules.model.BaseImage.StageRef;
import dev.strata.rules.model.BaseImage.Unknown;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelBuilderTest {
    private static DockerfileModel model(String text) throws Exception {
        return ModelBuilder.build(DockerfileParser.parse("Dockerfile", text), "Dockerfile", BuildContext.empty());
    }

    @Test
    void globalArgsResolveFromAndStageNamesAreNotImages() throws Exception {
        DockerfileModel m = model("""
                ARG PY=3.12
                ARG BASE
                FROM python:${PY}-slim AS Build
                FROM build
                FROM ${BASE}
                FROM scratch
                FROM --platform=$BUILDPLATFORM golang:1.23 AS tools
                """);
        assertThat(m.stages()).hasSize(5);
        assertThat(((Image) m.stages().get(0).base()).reference().text()).isEqualTo("python:3.12-slim");
        assertThat(((Image) m.stages().get(0).base()).variables()).containsExactly("PY");
        assertThat(m.stages().get(0).name()).contains("build");
        assertThat(m.stages().get(1).base()).isEqualTo(new StageRef("build", 0));
        assertThat(m.stages().get(2).base()).isEqualTo(new Unknown("${BASE}", Set.of("BASE")));
        assertThat(m.stages().get(3).base()).isInstanceOf(Scratch.class);
        assertThat(m.stages().get(4).platformAware()).isTrue();
        assertThat(m.stages().get(0).platformAware()).isFalse();
    }

    @Test
    void argScopingEnvInheritanceAndWorkdir() throws Exception {
        DockerfileModel m = model("""
                ARG VERSION=1.2
                FROM debian:12 AS base
                ENV TOOL=/opt/tool-${VERSION}
                ARG VERSION
                ENV TOOL2=/opt/tool-${VERSION} UNSET=${NOPE}
                WORKDIR /app
                WORKDIR src
                RUN true
                FROM base
                RUN true
                """);
        var steps = m.stages().get(0).steps();
        // before `ARG VERSION` the global value is not visible inside the stage, so TOOL is not known
        assertThat(steps.get(1).variables()).doesNotContainKey("TOOL").doesNotContainKey("VERSION");
        // each step sees the variables in effect before it runs
        assertThat(steps.get(2).variables()).containsEntry("VERSION", "1.2").doesNotContainKey("TOOL2");
        assertThat(steps.get(3).variables()).containsEntry("TOOL2", "/opt/tool-1.2").doesNotContainKey("UNSET");
        assertThat(steps.get(5).workdir()).isEqualTo("/app/src");
        var child = m.stages().get(1).steps().get(0);
        assertThat(child.variables()).containsEntry("TOOL2", "/opt/tool-1.2").doesNotContainKey("VERSION");
        assertThat(m.runs()).hasSize(2);
    }

    @Test
    void suppressionsAreReadFromTheCommentsDirectlyAbove() throws Exception {
        DockerfileModel m = model("""
                FROM scratch
                # strata ignore=copy-whole-context,dockerignore-missing  generated context
                # another comment
                COPY . .
                # strata ignore=apt-unpinned

                RUN true
                """);
        var copy = m.stages().get(0).steps().get(0).instruction();
        var run = m.stages().get(0).steps().get(1).instruction();
        assertThat(m.suppressed(copy)).containsExactly("copy-whole-context", "dockerignore-missing");
        assertThat(m.suppressed(run)).isEmpty();
    }

    @Test
    void envPairsExpandAgainstTheVariablesBeforeTheInstructionAndEnvWinsOverArg() throws Exception {
        DockerfileModel m = model("""
                FROM debian:12 AS base
                ENV V=1
                ENV V=2 W=$V
                ARG V=3
                RUN true
                FROM base
                ARG V=4
                RUN true
                """);
        // as BuildKit: W takes the V from before its ENV; a later ARG V does not override ENV V
        assertThat(m.stages().get(0).steps().get(3).variables()).containsEntry("V", "2").containsEntry("W", "1");
        // ENV carries into a stage built FROM it, and still wins over that stage's ARG
        assertThat(m.stages().get(1).steps().get(1).variables()).containsEntry("V", "2").containsEntry("W", "1");
    }
}
