package dev.strata.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * An npm registry ({@code GET <registry>/<name>}: the packument, a JSON document with every
 * published version under {@code versions}, the {@code dist-tags} and the publication {@code time}s).
 */
public final class NpmRegistry {
    /** The public registry. */
    public static final String DEFAULT_URL = "https://registry.npmjs.org";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final IndexHttp http;

    public NpmRegistry(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.http = new IndexHttp("npm registry", timeout);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * What the registry says about one package.
     *
     * @param versionPublished the version is listed under {@code versions} with a downloadable
     *     tarball ({@code dist.tarball} and its {@code dist.integrity} or {@code dist.shasum})
     * @param latest the {@code latest} dist-tag, or null
     */
    public record Release(boolean versionPublished, String latest) {}

    /**
     * Looks up {@code name@version}; empty when the registry has no such package (HTTP 404).
     *
     * @throws ResolutionException when the registry can not be reached or answers something else
     */
    public Optional<Release> release(String name, String version) throws ResolutionException {
        // a scoped name keeps its @ and escapes the slash: @scope%2fname
        URI uri = URI.create(baseUrl + name.replace("/", "%2f"));
        Optional<HttpResponse<byte[]>> answer = http.get(uri, "application/json");
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        HttpResponse<byte[]> response = answer.get();
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ResolutionException(uri + ": npm registry answer is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new ResolutionException(uri + ": npm registry answer is not a packument");
        }
        JsonNode v = root.path("versions").path(version);
        JsonNode dist = v.path("dist");
        boolean published = v.isObject() && dist.path("tarball").isTextual()
                && (dist.path("integrity").isTextual() || dist.path("shasum").isTextual());
        JsonNode latest = root.path("dist-tags").path("latest");
        return Optional.of(new Release(published, latest.isTextual() ? latest.asText() : null));
    }
}
