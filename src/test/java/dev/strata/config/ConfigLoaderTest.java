package dev.strata.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Set<String> KNOWN = Set.of("apt-unpinned", "base-image-not-digest-pinned", "copy-whole-context");

    @TempDir Path dir;

    private Path write(String yaml) throws Exception {
        Path p = dir.resolve(".strata.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    @Test
    void readsEverySection() throws Exception {
        AuditConfig c = ConfigLoader.load(write("""
                rules:
                  disable: [copy-whole-context]
                  severity:
                    apt-unpinned: warning
                policy:
                  digestPinning: false
                skip:
                  - vendor/
                  - "third_party/**"
                """), KNOWN);
        assertThat(c.enabled("copy-whole-context")).isFalse();
        assertThat(c.enabled("apt-unpinned")).isTrue();
        assertThat(c.severityOf("apt-unpinned")).contains(Severity.WARNING);
        assertThat(c.enabled("base-image-not-digest-pinned")).isFalse();
        assertThat(c.skipped("vendor/lib/Dockerfile")).isTrue();
        assertThat(c.skipped("third_party/x/Dockerfile")).isTrue();
        assertThat(c.skipped("src/Dockerfile")).isFalse();
    }

    @Test
    void emptyFileMeansDefaults() throws Exception {
        assertThat(ConfigLoader.load(write("# nothing\n"), KNOWN)).isEqualTo(AuditConfig.defaults());
    }

    @Test
    void digestPinningDefaultsToOn() throws Exception {
        assertThat(ConfigLoader.load(write("skip: []\n"), KNOWN).enabled("base-image-not-digest-pinned")).isTrue();
    }

    @Test
    void unknownKeyIsLocated() throws Exception {
        Path p = write("rules:\n  disabel: [apt-unpinned]\n");
        assertThatThrownBy(() -> ConfigLoader.load(p, KNOWN))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(p + ":2:")
                .hasMessageContaining("unknown key 'disabel'");
    }

    @Test
    void unknownRuleIsRejected() throws Exception {
        Path p = write("rules:\n  disable: [apt-unpined]\n");
        assertThatThrownBy(() -> ConfigLoader.load(p, KNOWN)).hasMessageContaining("unknown rule 'apt-unpined'");
    }

    @Test
    void badSeverityIsRejected() throws Exception {
        Path p = write("rules:\n  severity: {apt-unpinned: fatal}\n");
        assertThatThrownBy(() -> ConfigLoader.load(p, KNOWN)).hasMessageContaining("unknown severity 'fatal'");
    }

    @Test
    void wrongTypeAndBadYamlAreLocated() throws Exception {
        Path p = write("skip: 12\npolicy: [\n");
        assertThatThrownBy(() -> ConfigLoader.load(p, KNOWN)).isInstanceOf(ConfigException.class).hasMessageStartingWith(p + ":");
        Path q = write("policy:\n  digestPinning: maybe\n");
        assertThatThrownBy(() -> ConfigLoader.load(q, KNOWN)).hasMessageStartingWith(q + ":2:");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml"), KNOWN)).hasMessageEndingWith("no such file");
    }
}
