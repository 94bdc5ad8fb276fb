package dev.strata.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoiseRulesTest {
    @TempDir
    Path dir;

    @Test
    void globsMatchWithinAndAcrossSegments() {
        assertThat(new PathGlob("/var/log/apt/*.log").matches("/var/log/apt/history.log")).isTrue();
        assertThat(new PathGlob("/var/log/apt/*.log").matches("/var/log/apt/sub/history.log")).isFalse();
        assertThat(new PathGlob("/var/lib/apt/lists/**").matches("/var/lib/apt/lists")).isTrue();
        assertThat(new PathGlob("/var/lib/apt/lists/**").matches("/var/lib/apt/lists/partial/x")).isTrue();
        assertThat(new PathGlob("/var/lib/apt/lists/**").matches("/var/lib/apt/listsx")).isFalse();
        assertThat(new PathGlob("*.pyc").matches("/usr/lib/python3/x/__pycache__/a.cpython-311.pyc")).isTrue();
        assertThat(new PathGlob("*.pyc").matches("/a.pyc")).isTrue();
        assertThat(new PathGlob("*.pyc").matches("/a.pyc.bak")).isFalse();
        assertThat(new PathGlob("/etc/machine-i?").matches("/etc/machine-id")).isTrue();
        assertThat(new PathGlob("/a+b/(c)").matches("/a+b/(c)")).isTrue();
    }

    @Test
    void everyBuiltInRuleHasAReasonAndTheFirstMatchWins() {
        NoiseRules rules = NoiseRules.builtIn();
        assertThat(rules.rules()).allMatch(r -> r.reason().length() > 10 && r.origin().equals("built-in"));
        assertThat(rules.pathRule("/var/lib/dpkg/status-old")).isPresent();
        assertThat(rules.pathRule("/var/lib/dpkg/status")).isEmpty();
        assertThat(rules.pathRule("/etc/ld.so.cache")).isEmpty();
        assertThat(rules.contentRule("/x/y.pyc")).contains(NoiseRules.PYC);
        assertThat(NoiseRules.none().pathRule("/var/log/dpkg.log")).isEmpty();
    }

    static byte[] pyc(int magic, int flags, int mtime) {
        return ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putShort((short) magic).put((byte) '\r').put((byte) '\n')
                .putInt(flags).putInt(mtime).putInt(77).putInt(0x12345678).array();
    }

    @Test
    void pycNormaliserZeroesOnlyTheSourceMtime() {
        assertThat(PycNormaliser.normalise(pyc(3495, 0, 111))).isEqualTo(PycNormaliser.normalise(pyc(3495, 0, 222)));
        // hash-based pycs carry no mtime: left as they are
        assertThat(PycNormaliser.normalise(pyc(3495, 1, 111))).isEqualTo(pyc(3495, 1, 111));
        // Python 2.7 (magic 62211): the mtime sits right after the magic
        byte[] old = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 62211).put((byte) '\r').put((byte) '\n')
                .putInt(999).putInt(5).array();
        assertThat(PycNormaliser.normalise(old)).containsExactly(0x03, 0xf3, '\r', '\n', 0, 0, 0, 0, 5, 0, 0, 0);
        assertThat(PycNormaliser.normalise(new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
    }

    @Test
    void strataYamlRules() throws Exception {
        Path f = dir.resolve(".strata.yaml");
        Files.writeString(f, """
                audit:
                  rules: {disable: [pipe-to-shell]}
                compare:
                  noise:
                    - path: /opt/app/build-info.json
                      reason: records the build host and time
                    - label: org.example.build-number
                      reason: CI build counter
                """);
        List<NoiseRule> rules = NoiseConfig.load(f);
        assertThat(rules).containsExactly(
                new NoiseRule(NoiseRule.Target.PATH, "/opt/app/build-info.json", "records the build host and time", ".strata.yaml"),
                new NoiseRule(NoiseRule.Target.LABEL, "org.example.build-number", "CI build counter", ".strata.yaml"));
        assertThat(CompareOptions.from(f, false).noise().rules()).hasSize(NoiseRules.builtIn().rules().size() + 2);
        assertThat(CompareOptions.from(f, true).noise().rules()).isEmpty();
        Files.writeString(f, "other: 1\n");
        assertThat(NoiseConfig.load(f)).isEmpty();
    }

    @Test
    void malformedRulesAreErrorsNamingTheKey() throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "compare:\n  nosie: []\n");
        assertThatThrownBy(() -> NoiseConfig.load(f)).hasMessage(f + ": compare.nosie: unknown key (expected: noise)");
        Files.writeString(f, "compare:\n  noise:\n    - path: relative/x\n      reason: r\n");
        assertThatThrownBy(() -> NoiseConfig.load(f)).hasMessageContaining("compare.noise[0].path: must be absolute");
        Files.writeString(f, "compare:\n  noise:\n    - path: /x\n      reason: r\n      severity: high\n");
        assertThatThrownBy(() -> NoiseConfig.load(f)).hasMessageContaining("compare.noise[0].severity: unknown key");
        Files.writeString(f, "compare:\n  noise: {path: /x}\n");
        assertThatThrownBy(() -> NoiseConfig.load(f)).hasMessageContaining("expected a list");
        assertThatThrownBy(() -> CompareOptions.from(dir.resolve("absent.yaml"), false)).hasMessageContaining("no such file");
    }
}
