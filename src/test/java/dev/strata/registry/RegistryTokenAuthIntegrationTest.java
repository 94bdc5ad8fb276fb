package dev.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bearer-token flow against the real registry, with a Docker Hub-shaped token service in front. */
@Tag("integration")
class RegistryTokenAuthIntegrationTest {
    @TempDir Path tmp;

    @Test
    void resolvesWithATokenFromTheChallengedRealmAndRefusesWithout() throws Exception {
        try (TokenServer tokens = new TokenServer(tmp, "alice", "pw");
                LocalRegistry registry = LocalRegistry.startWithTokenAuth(tmp.resolve("reg"), tokens.realm(), TokenServer.SERVICE,
                        TokenServer.ISSUER, tokens.certificate, "alice", "pw")) {
            OciLayoutWriter layout = new OciLayoutWriter(tmp.resolve("oci"));
            OciLayoutWriter.Blob manifest = layout.image("token", "linux", "amd64");
            layout.tag(manifest, "1");
            registry.push(layout.dir(), "1", "lab/secret", false);
            tokens.requests.clear();

            RegistryClient client = new RegistryClient(RegistryOptions.defaults(),
                    host -> Optional.of(new Credentials("alice", "pw")));
            ImageReference ref = ImageReference.parse(registry.host() + "/lab/secret:1");
            assertThat(client.resolve(ref).digest()).isEqualTo(manifest.digest());
            assertThat(client.headDigest(ref)).contains(manifest.digest());
            assertThat(tokens.requests).containsExactly("repository:lab/secret:pull basic");

            RegistryClient anonymous = new RegistryClient(RegistryOptions.defaults(), CredentialSource.anonymous());
            assertThatThrownBy(() -> anonymous.resolve(ref)).isInstanceOfSatisfying(RegistryException.class,
                    e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNAUTHORIZED));
        }
    }
}
