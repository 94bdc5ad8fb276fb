package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LockFileIOTest {
    static String resource(String name) throws IOException {
        try (InputStream in = LockFileIOTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void writesTheDocumentedSortedFormExactly() throws Exception {
        assertThat(LockFileIO.write(LockFixtures.sample())).isEqualTo(resource("sample.lock"));
    }

    @Test
    void roundTripsToTheSameModelAndBytes() throws Exception {
        String text = LockFileIO.write(LockFixtures.sample());
        LockFile back = LockFileIO.parse(text, "strata.lock");
        assertThat(back).isEqualTo(LockFixtures.sample().sorted());
        assertThat(LockFileIO.write(back)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key               | lockVersion: 1 | lockVersion: 1\\nsurprise: true | not a valid lock file",
        "future version            | lockVersion: 1 | lockVersion: 7 | lockVersion 7 is not supported",
        "short digest              | digest: sha256:1111 | digest: sha256:11 | digest is not sha256:<64 hex>",
        "bad commit                | commit: cccc | commit: main | commit is not a full hex object id",
        "bad ecosystem             | ecosystem: apt | ecosystem: brew | unknown ecosystem 'brew'",
        "bad time                  | resolvedAt: 2026-01-02T03:04:05Z | resolvedAt: yesterday | is not an ISO-8601 instant",
        "not yaml                  | lockVersion: 1 | lockVersion: [1 | not a valid lock file",
        "bad dockerfile hash       | sha256: aaaa | sha256: zz | dockerfile.sha256 is not 64 hex digits",
    })
    void handMangledLocksAreRejectedWithTheReason(String what, String find, String replace, String expected) throws Exception {
        String text = LockFileIO.write(LockFixtures.sample());
        int at = text.indexOf(find);
        assertThat(at).as(what).isNotNegative();
        int lineEnd = text.indexOf('\n', at);
        String mangled = text.substring(0, at) + replace.replace("\\n", "\n") + text.substring(lineEnd);
        assertThatThrownBy(() -> LockFileIO.parse(mangled, "strata.lock"))
                .isInstanceOf(LockFileException.class)
                .hasMessageStartingWith("strata.lock: ")
                .hasMessageContaining(expected);
    }

    @Test
    void emptyOrContradictoryLocksAreRejected() {
        assertThatThrownBy(() -> LockFileIO.parse("", "x.lock")).isInstanceOf(LockFileException.class);
        String twice = LockFileIO.write(LockFixtures.sample()).replace("digest: " + LockFixtures.D3 + "\n  mediaType: application/vnd.oci.image.manifest",
                "digest: " + LockFixtures.D2 + "\n  mediaType: application/vnd.oci.image.manifest");
        String renamed = twice.replace("reference: ubuntu:22.04", "reference: python:3.11");
        assertThatThrownBy(() -> LockFileIO.parse(renamed, "x.lock")).hasMessageContaining("two different digests");
    }
}
