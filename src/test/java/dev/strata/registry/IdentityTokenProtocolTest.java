package dev.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Identity tokens (refresh tokens from a credential helper) and helper failures against a scripted registry. */
class IdentityTokenProtocolTest {
    private static final byte[] MANIFEST = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST
            + "\",\"config\":{\"digest\":\"sha256:" + "0".repeat(64) + "\"},\"layers\":[]}").getBytes(StandardCharsets.UTF_8);
    private static final String DIGEST = Digests.sha256(MANIFEST);

    private static RegistryClient client(CredentialSource creds) {
        return new RegistryClient(RegistryOptions.defaults().withSleeper(d -> {}), creds);
    }

    private static void bearerProtected(FakeRegistry reg, String token) {
        reg.routes.put("/v2/lab/app/manifests/1", ex -> {
            if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                return new FakeRegistry.Answer(401, new byte[0], Map.of("WWW-Authenticate",
                        "Bearer realm=\"http://" + reg.host() + "/oauth\",service=\"svc\",scope=\"repository:lab/app:pull\""));
            }
            return new FakeRegistry.Answer(200, MANIFEST, Map.of("Docker-Content-Digest", DIGEST, "Content-Type", MediaTypes.DOCKER_MANIFEST));
        });
    }

    @Test
    void identityTokenIsExchangedByOAuthRefreshGrantNeverSentAsPassword() throws Exception {
        try (FakeRegistry reg = new FakeRegistry()) {
            List<String> methods = new ArrayList<>();
            List<String> forms = new ArrayList<>();
            List<String> authorizations = new ArrayList<>();
            reg.routes.put("/oauth", ex -> {
                methods.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type"));
                authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
                try {
                    forms.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                return new FakeRegistry.Answer(200, "{\"access_token\":\"acc-1\",\"expires_in\":300}".getBytes(), Map.of());
            });
            bearerProtected(reg, "acc-1");
            RegistryClient client = client(host -> Optional.of(Credentials.identityToken("refresh/tok+1")));
            assertThat(client.headDigest(ImageReference.parse(reg.host() + "/lab/app:1"))).contains(DIGEST);
            assertThat(methods).containsExactly("POST application/x-www-form-urlencoded");
            assertThat(authorizations).containsExactly("null");
            Map<String, String> form = new java.util.HashMap<>();
            for (String kv : forms.get(0).split("&")) {
                int eq = kv.indexOf('=');
                form.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
            assertThat(form).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", "refresh/tok+1")
                    .containsEntry("service", "svc").containsEntry("scope", "repository:lab/app:pull").containsKey("client_id");
        }
    }

    @Test
    void rejectedIdentityTokenIsUnauthorizedWithoutTheToken() throws Exception {
        try (FakeRegistry reg = new FakeRegistry()) {
            reg.routes.put("/oauth", ex -> new FakeRegistry.Answer(400, "{\"error\":\"invalid_grant\"}".getBytes(), Map.of()));
            bearerProtected(reg, "never");
            RegistryClient client = client(host -> Optional.of(Credentials.identityToken("stale-refresh")));
            assertThatThrownBy(() -> client.resolve(ImageReference.parse(reg.host() + "/lab/app:1")))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("rejected the identity token")
                    .hasMessageNotContaining("stale-refresh")
                    .extracting(e -> ((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.UNAUTHORIZED);
        }
    }

    @Test
    void identityTokenIsNotOfferedToABasicChallenge() throws Exception {
        try (FakeRegistry reg = new FakeRegistry()) {
            List<String> authorizations = new ArrayList<>();
            reg.routes.put("/v2/lab/app/manifests/1", ex -> {
                authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
                return new FakeRegistry.Answer(401, new byte[0], Map.of("WWW-Authenticate", "Basic realm=\"x\""));
            });
            RegistryClient client = client(host -> Optional.of(Credentials.identityToken("secret-refresh")));
            assertThatThrownBy(() -> client.resolve(ImageReference.parse(reg.host() + "/lab/app:1")))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageNotContaining("secret-refresh");
            assertThat(authorizations).containsOnly("null");
        }
    }

    @Test
    void failedHelperIsNamedWhenTheRegistryRefusesAnonymousAccess() throws Exception {
        try (FakeRegistry reg = new FakeRegistry()) {
            reg.routes.put("/v2/lab/app/manifests/1", ex ->
                    new FakeRegistry.Answer(401, new byte[0], Map.of("WWW-Authenticate", "Basic realm=\"x\"")));
            CredentialSource broken = new CredentialSource() {
                @Override
                public Optional<Credentials> forRegistry(String registry) {
                    return Optional.empty();
                }

                @Override
                public Optional<String> problem(String registry) {
                    return Optional.of("credential helper docker-credential-desktop not found on PATH");
                }
            };
            assertThatThrownBy(() -> client(broken).resolve(ImageReference.parse(reg.host() + "/lab/app:1")))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("no credentials for " + reg.host() + " could be read: credential helper docker-credential-desktop not found on PATH");
        }
    }
}
