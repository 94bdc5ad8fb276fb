package dev.strata.lock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The Debian/Ubuntu archive snapshot an apt lock points at: the {@code Packages} indexes of the
 * suites pin writes into sources.list ({@code dists/<suite>/<component>/binary-<arch>/Packages.gz},
 * else {@code Packages.xz}, else the uncompressed {@code Packages}), read as a stream to find which versions of the locked
 * packages the snapshot serves.
 */
public final class AptArchive {
    /** The public Debian snapshot service. */
    public static final String DEBIAN_SNAPSHOT = "https://snapshot.debian.org";

    private final String baseUrl;
    private final String architecture;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param baseUrl the snapshot service the lock's snapshot paths are fetched from
     *     ({@code <base>/archive/debian/<timestamp>/…}), or null for the URL recorded in the lock
     * @param architecture the Debian architecture of the image ({@code amd64}, {@code arm64})
     */
    public AptArchive(String baseUrl, String architecture, Duration timeout) {
        this.baseUrl = baseUrl == null ? null : baseUrl.replaceAll("/+$", "");
        this.architecture = architecture;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * What the snapshot's indexes list for some packages.
     *
     * @param versions package name → versions listed in any of the indexes read
     * @param indexes the index URLs read
     * @param errors one message per index that could not be read (unreachable, HTTP error, bad data)
     */
    public record Listing(Map<String, Set<String>> versions, List<String> indexes, List<String> errors) {
        public boolean lists(String name, String version) {
            return versions.getOrDefault(name, Set.of()).contains(version);
        }
    }

    /** The archive URL of a snapshot, on {@code baseUrl} when one was given. */
    String archiveUrl(String snapshotUrl) {
        String url = snapshotUrl.endsWith("/") ? snapshotUrl : snapshotUrl + "/";
        if (baseUrl == null) {
            return url;
        }
        return baseUrl + URI.create(url).getRawPath();
    }

    /** The Packages indexes pin's sources.list makes apt read, without compression suffix. */
    List<String> indexUrls(AptSnapshot snapshot) {
        String archive = archiveUrl(snapshot.url());
        List<String> components = snapshot.componentList();
        String security = snapshot.distribution().equals("ubuntu") ? archive : archive.replace("/archive/debian/", "/archive/debian-security/");
        List<String> out = new ArrayList<>();
        for (String[] suite : new String[][] {{archive, snapshot.suite()}, {archive, snapshot.suite() + "-updates"},
                {security, snapshot.suite() + "-security"}}) {
            for (String component : components) {
                out.add(suite[0] + "dists/" + suite[1] + "/" + component + "/binary-" + architecture + "/Packages");
            }
        }
        return out;
    }

    /**
     * Reads the snapshot's indexes for the versions of {@code names}. The release's own
     * {@code main} index must exist; the updates and security indexes may be absent (HTTP 404).
     */
    public Listing list(AptSnapshot snapshot, Set<String> names) {
        Map<String, Set<String>> versions = new HashMap<>();
        List<String> read = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> urls = indexUrls(snapshot);
        for (int k = 0; k < urls.size(); k++) {
            String url = urls.get(k);
            boolean required = k == 0;
            try {
                if (readIndex(url, names, versions)) {
                    read.add(url);
                } else if (required) {
                    errors.add(url + "(.gz): not found (HTTP 404)");
                }
            } catch (IOException e) {
                errors.add(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                errors.add(url + ": interrupted");
                break;
            }
        }
        return new Listing(versions, read, errors);
    }

    /**
     * Reads {@code url.gz}, else {@code url.xz} (archives that publish xz only), else {@code url};
     * false when none exists. gz first: the archives strata points at publish it beside xz, and
     * it keeps one request per index.
     */
    private boolean readIndex(String url, Set<String> names, Map<String, Set<String>> versions) throws IOException, InterruptedException {
        for (String candidate : List.of(url + ".gz", url + ".xz", url)) {
            HttpResponse<InputStream> response;
            try {
                response = http.send(HttpRequest.newBuilder(URI.create(candidate)).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new IOException(candidate + ": cannot reach the snapshot archive (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() == 404) {
                    continue;
                }
                if (response.statusCode() != 200) {
                    throw new IOException(candidate + ": snapshot archive answered HTTP " + response.statusCode());
                }
                try (InputStream in = candidate.endsWith(".gz") ? new GZIPInputStream(body)
                        : candidate.endsWith(".xz") ? new org.tukaani.xz.XZInputStream(body, IndexStreams.XZ_MEMORY_LIMIT_KIB) : body) {
                    parse(in, names, versions);
                } catch (java.util.zip.ZipException e) {
                    throw new IOException(candidate + ": not a gzip Packages index (" + e.getMessage() + ")", e);
                } catch (org.tukaani.xz.XZFormatException | org.tukaani.xz.CorruptedInputException e) {
                    throw new IOException(candidate + ": not an xz Packages index (" + e.getMessage() + ")", e);
                } catch (IOException e) {
                    throw new IOException(candidate + ": cannot read the Packages index (" + e.getClass().getSimpleName() + ")", e);
                }
                return true;
            }
        }
        return false;
    }

    /** Collects {@code Package}/{@code Version} pairs of wanted names from a Debian control-format index. */
    static void parse(InputStream in, Set<String> names, Map<String, Set<String>> versions) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String name = null;
        String version = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                record(name, version, names, versions);
                name = null;
                version = null;
            } else if (line.regionMatches(true, 0, "Package:", 0, 8)) {
                name = line.substring(8).trim();
            } else if (line.regionMatches(true, 0, "Version:", 0, 8)) {
                version = line.substring(8).trim();
            }
        }
        record(name, version, names, versions);
    }

    private static void record(String name, String version, Set<String> names, Map<String, Set<String>> versions) {
        if (name != null && version != null && names.contains(name)) {
            versions.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(version);
        }
    }

    public String architecture() {
        return architecture.toLowerCase(Locale.ROOT);
    }
}
