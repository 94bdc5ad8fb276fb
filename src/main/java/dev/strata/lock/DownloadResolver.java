package dev.strata.lock;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Fetches a URL and hashes what comes back (streamed: nothing is kept in memory or on disk).
 * Retries connection failures and 5xx a few times.
 */
public final class DownloadResolver {
    /** What a URL serves now, or that it serves nothing. */
    public record Fetched(int status, String sha256, long size, String finalUrl) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final int attempts;

    public DownloadResolver(Duration timeout, int attempts) {
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Locks {@code url} to the SHA-256 of its content; a non-2xx answer is an error. */
    public DownloadLock resolve(String url, Instant now) throws ResolutionException {
        Fetched f = fetch(url);
        if (!f.ok()) {
            throw new ResolutionException(url + ": server answered HTTP " + f.status());
        }
        return new DownloadLock(url, f.sha256(), f.size(), f.finalUrl(), LockClock.format(now));
    }

    /** Fetches and hashes {@code url}; any HTTP status is returned, only transport failures throw. */
    public Fetched fetch(String url) throws ResolutionException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ResolutionException(url + ": not a valid URL");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new ResolutionException(url + ": only http and https downloads can be locked");
        }
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<InputStream> response = http.send(
                        HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "strata").GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    int status = response.statusCode();
                    if (status >= 500 && attempt < attempts) {
                        in.readAllBytes();
                        continue;
                    }
                    if (status < 200 || status >= 300) {
                        in.readAllBytes();
                        return new Fetched(status, null, -1, response.uri().toString());
                    }
                    MessageDigest md = MessageDigest.getInstance("SHA-256");
                    byte[] buf = new byte[1 << 16];
                    long size = 0;
                    for (int n; (n = in.read(buf)) > 0; ) {
                        md.update(buf, 0, n);
                        size += n;
                    }
                    return new Fetched(status, HexFormat.of().formatHex(md.digest()), size, response.uri().toString());
                }
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ResolutionException(url + ": interrupted", e);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
        String why = last instanceof HttpTimeoutException ? "timed out"
                : last instanceof java.net.ConnectException ? "connection refused"
                : last == null || last.getMessage() == null ? "no answer" : last.getMessage();
        throw new ResolutionException(url + ": cannot fetch (" + why + ")", last);
    }
}
