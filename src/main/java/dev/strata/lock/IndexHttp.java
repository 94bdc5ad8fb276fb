package dev.strata.lock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * GETs from a package index (the npm registry, a PEP 691 simple index) the way drift and lock
 * need it: 404 means the index has no such thing, anything else but 200 is an error that names
 * the index, and so is a connection failure.
 */
final class IndexHttp {
    private final String indexName;
    private final HttpClient http;
    private final Duration timeout;

    /** @param indexName how messages name the index, e.g. "npm registry" */
    IndexHttp(String indexName, Duration timeout) {
        this.indexName = indexName;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The 200 response to {@code GET uri}, or empty on 404. */
    Optional<HttpResponse<byte[]>> get(URI uri, String accept) throws ResolutionException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ResolutionException(uri + ": cannot reach the " + indexName + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResolutionException(uri + ": interrupted", e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new ResolutionException(uri + ": " + indexName + " answered HTTP " + response.statusCode());
        }
        return Optional.of(response);
    }
}
