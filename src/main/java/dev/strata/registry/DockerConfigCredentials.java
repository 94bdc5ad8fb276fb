package dev.strata.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registry credentials as the Docker CLI finds them in {@code config.json}: a credential helper
 * named for the registry in {@code credHelpers} wins, else the {@code credsStore} helper, else the
 * inline {@code auths.<host>} entry ({@code auth}, base64 of {@code user:password}, or
 * {@code username}/{@code password}). When a helper is configured for a registry, the inline entry
 * is not used even if the helper holds nothing, as in Docker. Helpers are asked with Docker's
 * server key: {@code https://index.docker.io/v1/} for Docker Hub, else the registry host. A helper
 * that fails (missing, crashed, hung, garbage output) yields no credentials, like Docker, and its
 * reason is kept for {@link #problem(String)}. Helper answers are cached per registry.
 */
public final class DockerConfigCredentials implements CredentialSource {
    /** The key Docker uses for Docker Hub in {@code auths}, {@code credHelpers} and for helpers. */
    public static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";

    private final Map<String, Credentials> byHost;
    private final String credsStore;
    private final Map<String, String> credHelpers;
    private final CredentialHelpers helpers;
    private final Map<String, HelperAnswer> answers = new ConcurrentHashMap<>();

    /** One helper's answer for one registry: credentials, none, or why there are none. */
    private record HelperAnswer(Optional<Credentials> credentials, Optional<String> problem) {}

    private DockerConfigCredentials(Map<String, Credentials> byHost, String credsStore, Map<String, String> credHelpers,
            CredentialHelpers helpers) {
        this.byHost = Map.copyOf(byHost);
        this.credsStore = credsStore;
        this.credHelpers = Map.copyOf(credHelpers);
        this.helpers = helpers;
    }

    /**
     * Reads {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}; a missing file
     * means no credentials.
     */
    public static DockerConfigCredentials fromEnvironment() throws IOException {
        return fromEnvironment(CredentialHelpers.onSystemPath(Duration.ofSeconds(30)));
    }

    /** As {@link #fromEnvironment()}, running credential helpers with {@code helpers}. */
    public static DockerConfigCredentials fromEnvironment(CredentialHelpers helpers) throws IOException {
        String dir = System.getenv("DOCKER_CONFIG");
        Path file = dir != null && !dir.isBlank()
                ? Path.of(dir, "config.json")
                : Path.of(System.getProperty("user.home"), ".docker", "config.json");
        return Files.isRegularFile(file) ? read(file, helpers) : new DockerConfigCredentials(Map.of(), null, Map.of(), helpers);
    }

    /** Reads one config file; credential helpers are looked up on {@code PATH}. */
    public static DockerConfigCredentials read(Path file) throws IOException {
        return read(file, CredentialHelpers.onSystemPath(Duration.ofSeconds(30)));
    }

    /** Reads one config file, running credential helpers with {@code helpers}. */
    public static DockerConfigCredentials read(Path file, CredentialHelpers helpers) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IOException(file + ": not a valid Docker config file (" + firstLine(e.getMessage()) + ")", e);
        }
        Map<String, Credentials> byHost = new HashMap<>();
        JsonNode auths = root == null ? null : root.get("auths");
        if (auths != null && auths.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                decode(e.getValue()).ifPresent(c -> byHost.put(normaliseHost(e.getKey()), c));
            }
        }
        JsonNode store = root == null ? null : root.get("credsStore");
        String credsStore = store != null && store.isTextual() && !store.asText().isBlank() ? store.asText().trim() : null;
        Map<String, String> credHelpers = new HashMap<>();
        JsonNode named = root == null ? null : root.get("credHelpers");
        if (named != null && named.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = named.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
                    credHelpers.put(normaliseHost(e.getKey()), e.getValue().asText().trim());
                }
            }
        }
        return new DockerConfigCredentials(byHost, credsStore, credHelpers, helpers);
    }

    private static Optional<Credentials> decode(JsonNode entry) {
        JsonNode auth = entry.get("auth");
        if (auth != null && auth.isTextual() && !auth.asText().isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.asText().trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }
        JsonNode user = entry.get("username");
        JsonNode pass = entry.get("password");
        if (user != null && pass != null && user.isTextual() && pass.isTextual()) {
            return Optional.of(new Credentials(user.asText(), pass.asText()));
        }
        return Optional.empty();
    }

    /** {@code https://index.docker.io/v1/} → {@code docker.io}; {@code https://host:5000/} → {@code host:5000}. */
    static String normaliseHost(String key) {
        String host = key.trim();
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int slash = host.indexOf('/');
        if (slash >= 0) {
            host = host.substring(0, slash);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.equals("index.docker.io") || host.equals("registry-1.docker.io")) {
            host = ImageReference.DOCKER_HUB;
        }
        return host;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The helper Docker would run for {@code registry}: its {@code credHelpers} entry, else {@code credsStore}. */
    Optional<String> helperFor(String registry) {
        String named = credHelpers.get(normaliseHost(registry));
        return Optional.ofNullable(named != null ? named : credsStore);
    }

    /** The server key Docker passes to a helper: Docker Hub's index URL, else the host. */
    static String serverKey(String registry) {
        String host = normaliseHost(registry);
        return host.equals(ImageReference.DOCKER_HUB) ? DOCKER_HUB_KEY : host;
    }

    @Override
    public Optional<Credentials> forRegistry(String registry) {
        Optional<String> helper = helperFor(registry);
        if (helper.isEmpty()) {
            return Optional.ofNullable(byHost.get(normaliseHost(registry)));
        }
        return ask(helper.get(), registry).credentials();
    }

    @Override
    public Optional<String> problem(String registry) {
        Optional<String> helper = helperFor(registry);
        return helper.isEmpty() ? Optional.empty() : ask(helper.get(), registry).problem();
    }

    private HelperAnswer ask(String helper, String registry) {
        String key = serverKey(registry);
        return answers.computeIfAbsent(helper + "\n" + key, k -> {
            try {
                return new HelperAnswer(helpers.get(helper, key), Optional.empty());
            } catch (CredentialHelperException e) {
                return new HelperAnswer(Optional.empty(), Optional.of(e.getMessage() + " (asked for " + key + ")"));
            }
        });
    }
}
