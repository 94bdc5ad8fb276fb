package dev.strata.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A read-only client for the OCI distribution API: resolves tags to digests, checks that digests
 * still exist, and reads the platform list of multi-platform indexes. Handles anonymous access,
 * bearer tokens obtained from the {@code WWW-Authenticate} challenge, and basic auth; retries with
 * backoff on 429, 5xx and connection failures. Every manifest's bytes are hashed and checked
 * against the digest the server announced and the digest asked for.
 */
public final class RegistryClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final HttpClient http;
    private final RegistryOptions options;
    private final CredentialSource credentials;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final RegistryMirror mirror;

    public RegistryClient(RegistryOptions options, CredentialSource credentials) {
        this(options, credentials, null);
    }

    /**
     * A client that resolves Docker Hub references against {@code mirror} (null: no mirror). A
     * repository the mirror does not have is reported as not found there, never looked up on
     * Docker Hub instead.
     */
    public RegistryClient(RegistryOptions options, CredentialSource credentials, RegistryMirror mirror) {
        this.mirror = mirror;
        this.options = options;
        this.credentials = credentials;
        this.http = HttpClient.newBuilder()
                .connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Fetches the manifest (or index) {@code ref} names and verifies its digest. For an index, the
     * platforms it lists; for a single manifest, its platform read from the config blob.
     */
    public ResolvedManifest resolve(ImageReference ref) throws RegistryException {
        HttpResponse<byte[]> response = send(ref, "GET", manifestPath(ref), String.join(", ", MediaTypes.ALL));
        expectOk(ref, response);
        byte[] body = response.body();
        String digest = verifiedDigest(ref, body, response.headers().firstValue("Docker-Content-Digest").orElse(null));
        JsonNode manifest = parseJson(ref, body);
        String mediaType = mediaTypeOf(manifest, response);
        if (MediaTypes.isIndex(mediaType)) {
            return new ResolvedManifest(ref, digest, mediaType, platformsOf(manifest), null);
        }
        if (!MediaTypes.isManifest(mediaType)) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL,
                    ref + ": unsupported manifest media type '" + mediaType + "'");
        }
        return new ResolvedManifest(ref, digest, mediaType, List.of(), platformOfConfig(ref, manifest));
    }

    /**
     * The digest a tag (or digest) currently resolves to, by HEAD; empty when the registry says it
     * does not exist. Falls back to a verified GET when the server sends no digest header.
     */
    public Optional<String> headDigest(ImageReference ref) throws RegistryException {
        HttpResponse<byte[]> response = send(ref, "HEAD", manifestPath(ref), String.join(", ", MediaTypes.ALL));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        expectOk(ref, response);
        Optional<String> header = response.headers().firstValue("Docker-Content-Digest");
        if (header.isPresent()) {
            if (ref.digest() != null && !ref.digest().equals(header.get())) {
                throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH,
                        ref + ": registry answered with digest " + header.get());
            }
            return header;
        }
        return Optional.of(resolve(ref).digest());
    }

    /** Whether the manifest with this digest can still be fetched (verified by GET). */
    public boolean exists(ImageReference refWithDigest) throws RegistryException {
        if (refWithDigest.digest() == null) {
            throw new IllegalArgumentException("exists() needs a digest reference: " + refWithDigest);
        }
        ImageReference byDigest = new ImageReference(refWithDigest.registry(), refWithDigest.repository(), null, refWithDigest.digest());
        HttpResponse<byte[]> response = send(byDigest, "GET", manifestPath(byDigest), String.join(", ", MediaTypes.ALL));
        if (response.statusCode() == 404) {
            return false;
        }
        expectOk(byDigest, response);
        verifiedDigest(byDigest, response.body(), response.headers().firstValue("Docker-Content-Digest").orElse(null));
        return true;
    }

    /**
     * Where {@code ref} is resolved from: the mirror's URL for a mirrored Docker Hub reference, else
     * the registry's API host ({@code registry-1.docker.io} for Docker Hub).
     */
    public String sourceOf(ImageReference ref) {
        return mirrored(ref) ? mirror.url() : ref.endpointHost();
    }

    /**
     * How to name the place {@code ref} is looked up in when telling the user: the registry name,
     * or "registry mirror URL" for a mirrored Docker Hub reference.
     */
    public String placeName(ImageReference ref) {
        return mirrored(ref) ? "registry mirror " + mirror.url() : ref.registry();
    }

    private boolean mirrored(ImageReference ref) {
        return mirror != null && mirror.serves(ref);
    }

    /** The registry actually contacted, for credentials and messages. */
    private String contactedHost(ImageReference ref) {
        return mirrored(ref) ? mirror.authority() : ref.registry();
    }

    private static String manifestPath(ImageReference ref) {
        return "/v2/" + ref.repository() + "/manifests/" + ref.manifestReference();
    }

    private String baseUrl(ImageReference ref) {
        if (mirrored(ref)) {
            return mirror.url();
        }
        boolean plain = ref.isLoopback() || options.plainHttpHosts().contains(ref.registry());
        return (plain ? "http://" : "https://") + ref.endpointHost();
    }

    /** Checks the bytes against the announced digest and the digest asked for; returns the digest. */
    private static String verifiedDigest(ImageReference ref, byte[] body, String announced) throws RegistryException {
        String computed = Digests.sha256(body);
        if (announced != null && announced.startsWith("sha256:") && !announced.equals(computed)) {
            throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH, ref
                    + ": manifest bytes hash to " + computed + " but the registry announced " + announced + "; refusing them");
        }
        if (ref.digest() != null && ref.digest().startsWith("sha256:") && !ref.digest().equals(computed)) {
            throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH, ref
                    + ": manifest bytes hash to " + computed + ", not the digest asked for; refusing them");
        }
        return computed;
    }

    private static JsonNode parseJson(ImageReference ref, byte[] body) throws RegistryException {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new RegistryException(RegistryException.Kind.PROTOCOL, ref + ": manifest is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, ref + ": manifest is not valid JSON", e);
        }
    }

    private static String mediaTypeOf(JsonNode manifest, HttpResponse<byte[]> response) {
        JsonNode mt = manifest.get("mediaType");
        if (mt != null && mt.isTextual()) {
            return mt.asText();
        }
        String header = response.headers().firstValue("Content-Type").orElse("");
        int semi = header.indexOf(';');
        String fromHeader = (semi < 0 ? header : header.substring(0, semi)).trim();
        if (MediaTypes.isManifest(fromHeader)) {
            return fromHeader;
        }
        return manifest.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
    }

    private static List<PlatformManifest> platformsOf(JsonNode index) {
        List<PlatformManifest> out = new ArrayList<>();
        for (JsonNode m : index.path("manifests")) {
            JsonNode p = m.path("platform");
            String os = p.path("os").asText("");
            String arch = p.path("architecture").asText("");
            if (os.isEmpty() || arch.isEmpty() || os.equals("unknown")) {
                continue; // attestation manifests and entries without a platform are not runnable images
            }
            String variant = p.path("variant").asText("");
            String platform = os + "/" + arch + (variant.isEmpty() ? "" : "/" + variant);
            out.add(new PlatformManifest(platform, m.path("digest").asText(), m.path("mediaType").asText(MediaTypes.OCI_MANIFEST)));
        }
        return out;
    }

    private String platformOfConfig(ImageReference ref, JsonNode manifest) throws RegistryException {
        String configDigest = manifest.path("config").path("digest").asText("");
        if (configDigest.isEmpty()) {
            return null;
        }
        HttpResponse<byte[]> response = send(ref, "GET", "/v2/" + ref.repository() + "/blobs/" + configDigest, "*/*");
        if (response.statusCode() == 404) {
            return null;
        }
        expectOk(ref, response);
        if (configDigest.startsWith("sha256:") && !configDigest.equals(Digests.sha256(response.body()))) {
            throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH,
                    ref + ": config blob does not hash to " + configDigest + "; refusing it");
        }
        JsonNode config = parseJson(ref, response.body());
        String os = config.path("os").asText("");
        String arch = config.path("architecture").asText("");
        if (os.isEmpty() || arch.isEmpty()) {
            return null;
        }
        String variant = config.path("variant").asText("");
        return os + "/" + arch + (variant.isEmpty() ? "" : "/" + variant);
    }

    private void expectOk(ImageReference ref, HttpResponse<byte[]> response) throws RegistryException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String host = contactedHost(ref);
        switch (status) {
            case 401, 403 -> {
                boolean haveCredentials = credentials.forRegistry(host).isPresent();
                Optional<String> problem = credentials.problem(host);
                throw new RegistryException(RegistryException.Kind.UNAUTHORIZED, ref + ": "
                        + (haveCredentials
                                ? "the registry rejected the credentials configured for " + host
                                : problem.isPresent()
                                ? "the registry requires authentication and no credentials for " + host + " could be read: " + problem.get()
                                : "the registry requires authentication and no credentials for " + host + " are configured (docker login / ~/.docker/config.json)"));
            }
            case 404 -> throw new RegistryException(RegistryException.Kind.NOT_FOUND, mirrored(ref)
                    ? ref + ": not found on registry mirror " + mirror.url() + " (Docker Hub is not asked instead)"
                    : ref + ": not found in " + host);
            case 429 -> throw new RegistryException(RegistryException.Kind.RATE_LIMITED, ref + ": rate limited by " + host
                    + " after " + options.maxAttempts() + " attempts; try again later or log in for a higher limit");
            default -> throw new RegistryException(RegistryException.Kind.PROTOCOL,
                    ref + ": " + host + " answered HTTP " + status);
        }
    }

    /** One logical request: authentication round trip and retries included. */
    private HttpResponse<byte[]> send(ImageReference ref, String method, String path, String accept) throws RegistryException {
        URI uri = URI.create(baseUrl(ref) + path);
        String scopeKey = contactedHost(ref) + "|repository:" + ref.repository() + ":pull";
        String authorization = tokens.get(scopeKey);
        HttpResponse<byte[]> response = sendWithRetries(ref, method, uri, accept, authorization);
        if (response.statusCode() == 401) {
            Optional<String> header = response.headers().firstValue("WWW-Authenticate");
            if (header.isEmpty()) {
                return response;
            }
            AuthChallenge challenge;
            try {
                challenge = AuthChallenge.parse(header.get());
            } catch (IllegalArgumentException e) {
                return response;
            }
            Optional<Credentials> creds = credentials.forRegistry(contactedHost(ref));
            String fresh;
            if (challenge.isBearer()) {
                fresh = "Bearer " + fetchToken(ref, challenge, creds);
            } else if (challenge.isBasic() && creds.isPresent() && !creds.get().isIdentityToken()) {
                fresh = creds.get().basicAuthorization();
            } else {
                return response;
            }
            tokens.put(scopeKey, fresh);
            response = sendWithRetries(ref, method, uri, accept, fresh);
        }
        return response;
    }

    private String fetchToken(ImageReference ref, AuthChallenge challenge, Optional<Credentials> creds) throws RegistryException {
        String realm = challenge.parameter("realm");
        if (realm == null || realm.isBlank()) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, ref + ": bearer challenge without a realm");
        }
        if (creds.isPresent() && creds.get().isIdentityToken()) {
            return fetchTokenWithRefreshToken(ref, challenge, realm, creds.get());
        }
        StringBuilder url = new StringBuilder(realm);
        char sep = realm.contains("?") ? '&' : '?';
        String service = challenge.parameter("service");
        if (service != null) {
            url.append(sep).append("service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
            sep = '&';
        }
        String scope = challenge.parameter("scope");
        if (scope == null) {
            scope = "repository:" + ref.repository() + ":pull";
        }
        url.append(sep).append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        URI uri;
        try {
            uri = URI.create(url.toString());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, ref + ": invalid token realm " + realm);
        }
        HttpResponse<byte[]> response = sendWithRetries(ref, "GET", uri, "application/json", creds.map(Credentials::basicAuthorization).orElse(null));
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new RegistryException(RegistryException.Kind.UNAUTHORIZED, ref + ": the token service of " + contactedHost(ref)
                    + (creds.isPresent() ? " rejected the configured credentials" : " refused anonymous access; log in first"));
        }
        if (response.statusCode() != 200) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL,
                    ref + ": token service " + uri.getHost() + " answered HTTP " + response.statusCode());
        }
        return tokenOf(ref, response);
    }

    /**
     * The OAuth2 exchange Docker uses for an identity token: a form POST to the realm with
     * {@code grant_type=refresh_token}, answered with an {@code access_token}.
     */
    private String fetchTokenWithRefreshToken(ImageReference ref, AuthChallenge challenge, String realm, Credentials identity)
            throws RegistryException {
        URI uri;
        try {
            uri = URI.create(realm);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, ref + ": invalid token realm " + realm);
        }
        String scope = challenge.parameter("scope");
        if (scope == null) {
            scope = "repository:" + ref.repository() + ":pull";
        }
        StringBuilder form = new StringBuilder("grant_type=refresh_token&client_id=strata");
        String service = challenge.parameter("service");
        if (service != null) {
            form.append("&service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
        }
        form.append("&scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        form.append("&refresh_token=").append(URLEncoder.encode(identity.secret(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = sendWithRetries(ref, "POST", uri, "application/json", null, form.toString());
        if (response.statusCode() == 400 || response.statusCode() == 401 || response.statusCode() == 403) {
            throw new RegistryException(RegistryException.Kind.UNAUTHORIZED, ref + ": the token service of " + contactedHost(ref)
                    + " rejected the identity token configured for it (log in again)");
        }
        if (response.statusCode() != 200) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL,
                    ref + ": token service " + uri.getHost() + " answered HTTP " + response.statusCode() + " to the identity token exchange");
        }
        return tokenOf(ref, response);
    }

    private static String tokenOf(ImageReference ref, HttpResponse<byte[]> response) throws RegistryException {
        JsonNode body = parseJson(ref, response.body());
        String token = body.path("token").asText("");
        if (token.isEmpty()) {
            token = body.path("access_token").asText("");
        }
        if (token.isEmpty()) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, ref + ": token service returned no token");
        }
        return token;
    }

    private HttpResponse<byte[]> sendWithRetries(ImageReference ref, String method, URI uri, String accept, String authorization)
            throws RegistryException {
        return sendWithRetries(ref, method, uri, accept, authorization, null);
    }

    /** {@code form}: an {@code application/x-www-form-urlencoded} body, or null for none. */
    private HttpResponse<byte[]> sendWithRetries(ImageReference ref, String method, URI uri, String accept, String authorization,
            String form) throws RegistryException {
        Duration backoff = options.initialBackoff();
        IOException lastFailure = null;
        HttpResponse<byte[]> response = null;
        for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
            Duration wait = backoff;
            try {
                response = sendFollowingRedirects(method, uri, accept, authorization, form);
                lastFailure = null;
                int status = response.statusCode();
                if (status != 429 && status < 500) {
                    return response;
                }
                wait = longer(backoff, retryAfter(response));
            } catch (ConnectException | HttpConnectTimeoutException e) {
                lastFailure = e;
            } catch (HttpTimeoutException e) {
                lastFailure = e;
            } catch (IOException e) {
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException(RegistryException.Kind.UNREACHABLE, ref + ": interrupted", e);
            }
            if (attempt < options.maxAttempts()) {
                try {
                    options.sleeper().sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RegistryException(RegistryException.Kind.UNREACHABLE, ref + ": interrupted", e);
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        if (lastFailure != null) {
            String why = lastFailure instanceof HttpTimeoutException ? "timed out after " + options.timeout().toSeconds() + " s"
                    : lastFailure instanceof ConnectException ? "connection refused"
                    : lastFailure.getMessage() == null ? "I/O error" : lastFailure.getMessage();
            throw new RegistryException(RegistryException.Kind.UNREACHABLE,
                    ref + ": cannot reach " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + " (" + why + ")", lastFailure);
        }
        return response;
    }

    /**
     * Sends one request, following up to five redirects by hand: registries send blob downloads to
     * a storage host, which must not receive the registry's credentials (and may refuse a request
     * that carries them), so Authorization is only sent to the origin it was meant for.
     */
    private HttpResponse<byte[]> sendFollowingRedirects(String method, URI uri, String accept, String authorization, String form)
            throws IOException, InterruptedException {
        URI target = uri;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .timeout(options.timeout())
                    .header("Accept", accept)
                    .header("User-Agent", "strata")
                    .method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
            if (form != null) {
                request.header("Content-Type", "application/x-www-form-urlencoded");
            }
            if (authorization != null && sameOrigin(uri, target)) {
                request.header("Authorization", authorization);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (hop >= 5 || location.isEmpty() || !(status == 301 || status == 302 || status == 303 || status == 307 || status == 308)) {
                return response;
            }
            target = target.resolve(location.get());
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return java.util.Objects.equals(a.getScheme(), b.getScheme()) && java.util.Objects.equals(a.getHost(), b.getHost())
                && a.getPort() == b.getPort();
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                long s = Long.parseLong(v.trim());
                return Duration.ofSeconds(Math.min(Math.max(s, 0), MAX_BACKOFF.toSeconds()));
            } catch (NumberFormatException e) {
                return Duration.ZERO;
            }
        }).orElse(Duration.ZERO);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
