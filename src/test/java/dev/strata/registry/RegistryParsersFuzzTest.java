package dev.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Untrusted text into the reference and challenge parsers (FROM lines, registry headers). Plain
 * {@code mvn test} replays the seeds; {@code JAZZER_FUZZ=1} fuzzes. References either parse to a
 * canonical form that parses to itself, or fail with IllegalArgumentException; challenges never
 * throw on non-empty input.
 */
class RegistryParsersFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void imageReference(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ImageReference ref;
        try {
            ref = ImageReference.parse(text);
        } catch (IllegalArgumentException expected) {
            return;
        }
        assertThat(ImageReference.parse(ref.toString())).isEqualTo(ref);
    }

    @FuzzTest(maxDuration = "30s")
    void challenge(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return;
        }
        AuthChallenge c = AuthChallenge.parse(text);
        assertThat(c.scheme()).isNotNull();
    }
}
