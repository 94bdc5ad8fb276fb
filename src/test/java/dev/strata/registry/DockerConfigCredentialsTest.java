package dev.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigCredentialsTest {
    @TempDir Path tmp;

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsInlineAuthsAndNormalisesHosts() throws Exception {
        Path file = tmp.resolve("config.json");
        Files.writeString(file, "{\"auths\":{"
                + "\"https://index.docker.io/v1/\":{\"auth\":\"" + b64("hub:pw:with:colons") + "\"},"
                + "\"127.0.0.1:5000\":{\"auth\":\"" + b64("alice:s3cret") + "\"},"
                + "\"https://ghcr.io\":{\"username\":\"bob\",\"password\":\"tok\"},"
                + "\"quay.io\":{}"
                + "}}");
        DockerConfigCredentials creds = DockerConfigCredentials.read(file);
        assertThat(creds.forRegistry("docker.io")).contains(new Credentials("hub", "pw:with:colons"));
        assertThat(creds.forRegistry("127.0.0.1:5000")).contains(new Credentials("alice", "s3cret"));
        assertThat(creds.forRegistry("ghcr.io")).contains(new Credentials("bob", "tok"));
        assertThat(creds.forRegistry("quay.io")).isEmpty();
        assertThat(creds.forRegistry("example.org")).isEmpty();
    }

    @Test
    void credentialsNeverPrintTheSecret() {
        assertThat(new Credentials("alice", "s3cret").toString()).doesNotContain("s3cret").contains("alice");
    }

    @Test
    void corruptConfigIsAClearError() throws Exception {
        Path file = tmp.resolve("config.json");
        Files.writeString(file, "{\"auths\": [");
        assertThatThrownBy(() -> DockerConfigCredentials.read(file)).hasMessageContaining("not a valid Docker config file");
    }
}
