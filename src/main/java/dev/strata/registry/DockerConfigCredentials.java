package dev.strata.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials stored inline in Docker's {@code config.json} ({@code auths.<host>.auth}, base64 of
 * {@code user:password}, or {@code username}/{@code password}). Credential helpers
 * ({@code credsStore}, {@code credHelpers}) are not executed: entries kept only in a helper are
 * treated as anonymous.
 */
public final class DockerConfigCredentials implements CredentialSource {
    private final Map<String, Credentials> byHost;

    private DockerConfigCredentials(Map<String, Credentials> byHost) {
        this.byHost = Map.copyOf(byHost);
    }

    /**
     * Reads {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}; a missing file
     * means no credentials.
     */
    public static DockerConfigCredentials fromEnvironment() throws IOException {
        String dir = System.getenv("DOCKER_CONFIG");
        Path file = dir != null && !dir.isBlank()
                ? Path.of(dir, "config.json")
                : Path.of(System.getProperty("user.home"), ".docker", "config.json");
        return Files.isRegularFile(file) ? read(file) : new DockerConfigCredentials(Map.of());
    }

    /** Reads one config file. */
    public static DockerConfigCredentials read(Path file) throws IOException {
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
        return new DockerConfigCredentials(byHost);
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

    @Override
    public Optional<Credentials> forRegistry(String registry) {
        return Optional.ofNullable(byHost.get(normaliseHost(registry)));
    }
}
