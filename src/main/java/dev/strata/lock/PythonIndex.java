package dev.strata.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A PEP 691 JSON simple repository ({@code Accept: application/vnd.pypi.simple.v1+json}): the
 * SHA-256 of every file of one release of a project.
 */
public final class PythonIndex {
    static final String PEP691 = "application/vnd.pypi.simple.v1+json";
    private static final Pattern NORMALISE = Pattern.compile("[-_.]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final IndexHttp http;

    public PythonIndex(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.http = new IndexHttp("Python index", timeout);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** PEP 503 name normalisation. */
    public static String normalise(String name) {
        return NORMALISE.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /**
     * The {@code sha256:<hex>} hashes (sorted) of the files of {@code name==version}; empty when the
     * index has no such project or release.
     */
    public Optional<List<String>> hashes(String name, String version) throws ResolutionException {
        String project = normalise(name);
        URI uri = URI.create(baseUrl + project + "/");
        Optional<HttpResponse<byte[]>> answer = http.get(uri, PEP691);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        HttpResponse<byte[]> response = answer.get();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith(PEP691)) {
            throw new ResolutionException(uri + ": not a PEP 691 JSON index (Content-Type '" + type + "')");
        }
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ResolutionException(uri + ": index answer is not JSON");
        }
        TreeSet<String> hashes = new TreeSet<>();
        String wheelPrefix = project.replace('-', '_') + "-" + version + "-";
        for (JsonNode file : root.path("files")) {
            String filename = file.path("filename").asText("");
            if (matchesRelease(filename, project, wheelPrefix, version)) {
                String sha = file.path("hashes").path("sha256").asText("");
                if (sha.matches("[0-9a-f]{64}")) {
                    hashes.add("sha256:" + sha);
                }
            }
        }
        return hashes.isEmpty() ? Optional.empty() : Optional.of(new ArrayList<>(hashes));
    }

    private static boolean matchesRelease(String filename, String project, String wheelPrefix, String version) {
        String lower = filename.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".whl")) {
            return normaliseWheelName(lower).startsWith(wheelPrefix.toLowerCase(Locale.ROOT));
        }
        for (String ext : List.of(".tar.gz", ".zip", ".tar.bz2")) {
            if (lower.endsWith(ext)) {
                String stem = lower.substring(0, lower.length() - ext.length());
                int dash = stem.lastIndexOf('-');
                return dash > 0 && normalise(stem.substring(0, dash)).equals(project) && stem.substring(dash + 1).equals(version.toLowerCase(Locale.ROOT));
            }
        }
        return false;
    }

    private static String normaliseWheelName(String filename) {
        int dash = filename.indexOf('-');
        return dash < 0 ? filename : NORMALISE.matcher(filename.substring(0, dash)).replaceAll("_") + filename.substring(dash);
    }
}
