package dev.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Protocol behaviour against a scripted registry: token flow, digest checks, retries, errors. */
class RegistryClientProtocolTest {
    private static final byte[] MANIFEST = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST
            + "\",\"config\":{\"digest\":\"sha256:" + "0".repeat(64) + "\"},\"layers\":[]}").getBytes(StandardCharsets.UTF_8);
    private static final String DIGEST = Digests.sha256(MANIFEST);

    private final List<Duration> slept = new ArrayList<>();

    private RegistryClient client(CredentialSource creds) {
        return new RegistryClient(RegistryOptions.defaults().withSleeper(slept::add), creds);
    }

    @Test
    void bearerTokenFlowInDockerHubShape() throws Exception {
        try (FakeRegistry reg = new FakeRegistry()) {
            AtomicInteger tokenRequests = new AtomicInteger();
            List<String> tokenQueries = new ArrayList<>();
            List<String> tokenAuth = new ArrayList<>();
            reg.routes.put("/token", ex -> {
                tokenRequests.incrementAndGet();
                tokenQueries.add(ex.getRequestURI().getRawQuery());
                tokenAuth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
                return new FakeRegistry.Answer(200, "{\"token\":\"tok-123\",\"access_token\":\"tok-123\",\"expires_in\":300}".getBytes(), Map.of());
            });
            reg.routes.put("/v2/library/python/manifests/3.11", ex -> {
                if (!"Bearer tok-123".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                    return new FakeRegistry.Answer(401, new byte[0], Map.of("WWW-Authenticate",
                            "Bearer realm=\"http://" + reg.host() + "/token\",service=\"registry.docker.io\",scope=\"repository:library/python:pull\""));
                }
                assertThat(ex.getRequestHeaders().getFirst("Accept")).contains(MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST,
                        MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.DOCKER_MANIFEST);
                return new FakeRegistry.Answer(200, MANIFEST, Map.of("Docker-Content-Digest", DIGEST, "Content-Type", MediaTypes.DOCKER_MANIFEST));
            });
            RegistryClient client = client(host -> Optional.of(new Credentials("hubuser", "hubpass")));
            ImageReference ref = ImageReference.parse(reg.host() + "/library/python:3.11");
            assertThat(client.headDigest(ref)).contains(DIGEST);
            assertThat(client.headDigest(ref)).contains(DIGEST);
            assertThat(tokenRequests).hasValue(1); // the token is reused for the same scope
            assertThat(tokenQueries.get(0)).isEqualTo("service=registry.docker.io&scope=repository%3Alibrary%2Fpython%3Apull");
            assertThat(tokenAuth.get(0)).isEqualTo(new Credentials("hubuser", "hubpass").basicAuthorization());
        }
    }

    @Test
    void anonymousTokenRefusedIsUnauthorized() throws Exception {
        try (FakeRegistry reg = new FakeRegistry()) {
            reg.routes.put("/token", ex -> new FakeRegistry.Answer(401, new byte[0], Map.of()));
            reg.routes.put("/v2/team/x/manifests/v1", ex -> new FakeRegistry.Answer(401, new byte[0],
                    Map.of("WWW-Authenticate", "Bearer realm=\"http://" + reg.host() + "/token\",service=\"s\"")));
            assertThatThrownBy(() -> client(CredentialSource.anonymous()).resolve(ImageReference.parse(reg.host() + "/team/x:v1")))
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNAUTHORIZED))
                    .hasMessageContaining("refused anonymous access");
        }
    }

    @Test
    void rejectsBytesThatDoNotMatchTheAnnouncedDigest() throws Exception {
        try (FakeRegistry reg = new FakeRegistry()) {
            reg.routes.put("/v2/lab/x/manifests/v1", ex -> new FakeRegistry.Answer(200, MANIFEST,
                    Map.of("Docker-Content-Digest", "sha256:" + "1".repeat(64))));
            assertThatThrownBy(() -> client(CredentialSource.anonymous()).resolve(ImageReference.parse(reg.host() + "/lab/x:v1")))
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.DIGEST_MISMATCH))
                    .hasMessageContaining("refusing");
        }
    }

    @Test
    void rejectsBytesThatDoNotMatchTheDigestAskedFor() throws Exception {
        String asked = "sha256:" + "2".repeat(64);
        try (FakeRegistry reg = new FakeRegistry()) {
            reg.routes.put("/v2/lab/x/manifests/" + asked, ex -> new FakeRegistry.Answer(200, MANIFEST, Map.of()));
            assertThatThrownBy(() -> client(CredentialSource.anonymous()).exists(ImageReference.parse(reg.host() + "/lab/x@" + asked)))
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.DIGEST_MISMATCH));
        }
    }

    @Test
    void retriesOn429And5xxWithGrowingBackoffHonouringRetryAfter() throws Exception {
        try (FakeRegistry reg = new FakeRegistry()) {
            AtomicInteger calls = new AtomicInteger();
            reg.routes.put("/v2/lab/x/manifests/v1", ex -> switch (calls.incrementAndGet()) {
                case 1 -> new FakeRegistry.Answer(429, new byte[0], Map.of("Retry-After", "3"));
                case 2 -> new FakeRegistry.Answer(503, new byte[0], Map.of());
                default -> new FakeRegistry.Answer(200, MANIFEST, Map.of("Docker-Content-Digest", DIGEST));
            });
            assertThat(client(CredentialSource.anonymous()).headDigest(ImageReference.parse(reg.host() + "/lab/x:v1"))).contains(DIGEST);
            assertThat(slept).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(1000));
        }
    }

    @Test
    void persistent429IsAClearRateLimitError() throws Exception {
        try (FakeRegistry reg = new FakeRegistry()) {
            reg.routes.put("/v2/lab/x/manifests/v1", ex -> new FakeRegistry.Answer(429, new byte[0], Map.of()));
            assertThatThrownBy(() -> client(CredentialSource.anonymous()).resolve(ImageReference.parse(reg.host() + "/lab/x:v1")))
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.RATE_LIMITED))
                    .hasMessageContaining("rate limited");
            assertThat(reg.requests).hasValue(4);
        }
    }

    @Test
    void unreachableRegistryIsAClearError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> client(CredentialSource.anonymous()).resolve(ImageReference.parse("127.0.0.1:" + port + "/lab/x:v1")))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNREACHABLE))
                .hasMessageContaining("cannot reach 127.0.0.1:" + port);
        assertThat(slept).hasSize(3);
    }
}
