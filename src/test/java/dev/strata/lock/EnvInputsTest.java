package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.dockerfile.DockerfileParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ENV values as BuildKit sees them: the legacy form, one instruction's pairs, and stages built FROM a stage. */
class EnvInputsTest {

    private static DockerfileInputs inputs(String text) throws Exception {
        return DockerfileInputs.of(DockerfileParser.parse("Dockerfile", text));
    }

    private static List<String> downloads(DockerfileInputs inputs) {
        return inputs.targets().stream().filter(t -> t instanceof LockTarget.Download).map(t -> ((LockTarget.Download) t).url()).toList();
    }

    @Test
    void theLegacyFormIsTheRestOfTheLineExpandedAsOneWord() throws Exception {
        DockerfileInputs in = inputs("FROM alpine:3.20\n"
                + "ENV TOOL_VERSION 1.2.3\n"
                + "ENV SITE \"https://example.org/dl\"\n"
                + "ENV MIRROR ${SITE}/mirror\n"
                + "ADD ${SITE}/tool-${TOOL_VERSION}.tar.gz /tmp/\n"
                + "ADD $MIRROR/b.tgz /tmp/\n");
        assertThat(downloads(in)).containsExactly("https://example.org/dl/tool-1.2.3.tar.gz", "https://example.org/dl/mirror/b.tgz");
        assertThat(in.notes()).isEmpty();
    }

    @Test
    void allPairsOfOneEnvSeeTheValuesFromBeforeIt() throws Exception {
        DockerfileInputs in = inputs("FROM alpine:3.20\n"
                + "ENV V=1.0\n"
                + "ENV V=2.0 W=$V\n"
                + "ADD https://example.org/v-${V}-w-${W}.tgz /tmp/\n");
        assertThat(downloads(in)).containsExactly("https://example.org/v-2.0-w-1.0.tgz");
    }

    @Test
    void anUnknownValueHidesAnEarlierKnownOne() throws Exception {
        DockerfileInputs in = inputs("FROM alpine:3.20\n"
                + "ARG V=1.0\n"
                + "ENV W=3.0\n"
                + "ENV V=$NOT_SET\n"
                + "ENV W ${ALSO_NOT_SET}\n"
                + "ADD https://example.org/v-${V}.tgz /tmp/\n"
                + "ADD https://example.org/w-${W}.tgz /tmp/\n");
        assertThat(downloads(in)).isEmpty();
        assertThat(in.notes()).containsExactly(
                "line 6: ADD https://example.org/v-${V}.tgz: depends on a build argument without a default; not locked",
                "line 7: ADD https://example.org/w-${W}.tgz: depends on a build argument without a default; not locked");
    }

    @Test
    void envWinsOverAnArgOfTheSameName() throws Exception {
        DockerfileInputs in = inputs("FROM alpine:3.20\n"
                + "ENV V=1.0\n"
                + "ARG V=2.0\n"
                + "ADD https://example.org/v-${V}.tgz /tmp/\n");
        assertThat(downloads(in)).containsExactly("https://example.org/v-1.0.tgz");
    }

    @Test
    void aStageBuiltFromAStageKeepsItsEnvButNotItsArgs() throws Exception {
        DockerfileInputs in = inputs("ARG G=7\n"
                + "FROM alpine:3.20 AS Build\n"
                + "ENV V=2.1\n"
                + "ENV U=$NOT_SET\n"
                + "ARG A=9\n"
                + "FROM build AS test\n"
                + "ARG U=5\n"
                + "ARG G\n"
                + "ADD https://example.org/v-${V}.tgz /tmp/\n"
                + "ADD https://example.org/a-${A}.tgz /tmp/\n"
                + "ADD https://example.org/u-${U}-g-${G}.tgz /tmp/\n"
                + "FROM alpine:3.20\n"
                + "ADD https://example.org/v-${V}.tgz /tmp/\n"
                + "FROM test\n"
                + "ADD https://example.org/${V}/g-${G}.tgz /tmp/\n");
        assertThat(in.targets()).filteredOn(t -> t instanceof LockTarget.Image).extracting(t -> ((LockTarget.Image) t).written())
                .containsExactly("alpine:3.20", "alpine:3.20");
        assertThat(downloads(in)).containsExactly("https://example.org/v-2.1.tgz");
        assertThat(in.notes()).containsExactly(
                "line 10: ADD https://example.org/a-${A}.tgz: depends on a build argument without a default; not locked",
                "line 11: ADD https://example.org/u-${U}-g-${G}.tgz: depends on a build argument without a default; not locked",
                "line 13: ADD https://example.org/v-${V}.tgz: depends on a build argument without a default; not locked",
                "line 15: ADD https://example.org/${V}/g-${G}.tgz: depends on a build argument without a default; not locked");
    }
}
