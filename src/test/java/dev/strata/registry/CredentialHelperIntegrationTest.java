package dev.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real distribution registry behind htpasswd basic auth, where the only credentials come from a
 * credential helper named by {@code credsStore} in a Docker config file.
 */
@Tag("integration")
class CredentialHelperIntegrationTest {
    @TempDir Path tmp;

    private CredentialHelpers helperAnswering(String username, String secret) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path file = bin.resolve("docker-credential-teststore");
        Files.writeString(file, "#!/bin/sh\n[ \"$1\" = get ] || exit 1\nread -r server || true\n"
                + "printf '{\"ServerURL\":\"%s\",\"Username\":\"" + username + "\",\"Secret\":\"" + secret + "\"}' \"$server\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return new CredentialHelpers(List.of(bin), Duration.ofSeconds(10));
    }

    @Test
    void credentialsFromAHelperOpenABasicAuthRegistry() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("reg"), "carol", "helper-pw-9")) {
            OciLayoutWriter layout = new OciLayoutWriter(tmp.resolve("oci"));
            OciLayoutWriter.Blob manifest = layout.image("private", "linux", "amd64");
            layout.tag(manifest, "v1");
            registry.push(layout.dir(), "v1", "team/private", false);
            ImageReference ref = ImageReference.parse(registry.host() + "/team/private:v1");
            Path config = tmp.resolve("docker").resolve("config.json");
            Files.createDirectories(config.getParent());
            Files.writeString(config, "{\"auths\":{},\"credsStore\":\"teststore\"}");

            DockerConfigCredentials good = DockerConfigCredentials.read(config, helperAnswering("carol", "helper-pw-9"));
            assertThat(new RegistryClient(RegistryOptions.defaults(), good).resolve(ref).digest()).isEqualTo(manifest.digest());

            DockerConfigCredentials wrong = DockerConfigCredentials.read(config, helperAnswering("carol", "not-the-pw"));
            assertThatThrownBy(() -> new RegistryClient(RegistryOptions.defaults(), wrong).resolve(ref))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("rejected the credentials")
                    .hasMessageNotContaining("not-the-pw");

            DockerConfigCredentials missing = DockerConfigCredentials.read(config,
                    new CredentialHelpers(List.of(tmp.resolve("nowhere")), Duration.ofSeconds(10)));
            assertThatThrownBy(() -> new RegistryClient(RegistryOptions.defaults(), missing).resolve(ref))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("docker-credential-teststore not found on PATH");
        }
    }
}
