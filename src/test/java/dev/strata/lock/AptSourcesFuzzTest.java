package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.DockerfileParseException;
import dev.strata.dockerfile.DockerfileParser;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Untrusted bytes into the apt snapshot readers: an image's apt sources files and a Dockerfile's
 * stage bases and tags. Plain {@code mvn test} replays the seeds in
 * {@code AptSourcesFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes. The contract: nothing
 * throws; every component read is a plain component name (it is written into a shell command).
 */
class AptSourcesFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void sources(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (String file : new String[] {"/etc/apt/sources.list", "/etc/apt/sources.list.d/debian.sources"}) {
            for (String c : AptSources.components(Map.of(file, text), "bookworm")) {
                assertThat(c).matches("[a-z0-9][a-z0-9-]*");
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void stageBases(byte[] input) {
        Dockerfile df;
        try {
            df = DockerfileParser.parse("Dockerfile", input);
        } catch (DockerfileParseException e) {
            return;
        }
        AptStages stages = AptStages.of(df);
        for (int at = 0; at <= df.source().length(); at += Math.max(1, df.source().length() / 8)) {
            stages.baseAt(at).ifPresent(base -> AptStages.suiteOfTag(base).ifPresent(s -> assertThat(s[1]).matches("[a-z]+")));
        }
        stages.finalBase().ifPresent(AptStages::suiteOfTag);
    }
}
