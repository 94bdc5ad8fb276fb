package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.DockerfileParseException;
import dev.strata.dockerfile.DockerfileParser;
import java.nio.charset.StandardCharsets;

/**
 * Untrusted bytes into the lock reader and the Dockerfile input finder. Plain {@code mvn test}
 * replays the seeds in {@code LockInputsFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes.
 * The contract: the lock reader throws nothing but {@link LockFileException}; the input finder
 * never throws and every pin position lies inside the text.
 */
class LockInputsFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void lockFile(byte[] input) {
        try {
            LockFile lock = LockFileIO.parse(new String(input, StandardCharsets.UTF_8), "strata.lock");
            assertThat(LockFileIO.parse(LockFileIO.write(lock), "strata.lock")).isEqualTo(lock.sorted());
        } catch (LockFileException expected) {
            assertThat(expected.getMessage()).startsWith("strata.lock: ");
        }
    }

    @FuzzTest(maxDuration = "30s")
    void dockerfileInputs(byte[] input) {
        Dockerfile df;
        try {
            df = DockerfileParser.parse("Dockerfile", input);
        } catch (DockerfileParseException e) {
            return;
        }
        int length = df.source().length();
        for (LockTarget t : DockerfileInputs.of(df).targets()) {
            if (t instanceof LockTarget.Image i) {
                i.digestInsertAt().ifPresent(at -> assertThat(at).isBetween(0, length));
            } else if (t instanceof LockTarget.Download d) {
                d.pin().ifPresent(p -> assertThat(p.insertAt()).isBetween(0, length));
            } else if (t instanceof LockTarget.Git g) {
                g.checkoutInsertAt().ifPresent(at -> assertThat(at).isBetween(0, length));
            } else if (t instanceof LockTarget.AptUpdate u) {
                assertThat(u.insertAt()).isBetween(0, length);
            } else if (t instanceof LockTarget.Pkg p) {
                assertThat(p.replaceStart()).isBetween(0, p.replaceEnd());
                assertThat(p.replaceEnd()).isLessThanOrEqualTo(length);
            } else if (t instanceof LockTarget.RPackages r) {
                r.edits().forEach(e -> assertThat(e.start()).isBetween(0, Math.min(e.end(), length)));
                r.edits().forEach(e -> assertThat(e.end()).isLessThanOrEqualTo(length));
            } else if (t instanceof LockTarget.RGithub g && g.replaceStart() >= 0) {
                assertThat(g.replaceStart()).isBetween(0, g.replaceEnd());
                assertThat(g.replaceEnd()).isLessThanOrEqualTo(length);
            }
        }
    }
}
