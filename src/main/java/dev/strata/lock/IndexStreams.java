package dev.strata.lock;

import com.github.luben.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Streams repository indexes over HTTP: 404 means the index is not there, anything else but 200
 * or a connection failure is an {@link IOException} whose message names the URL. Indexes are read
 * as streams (a conda channel's repodata.json is hundreds of megabytes).
 */
final class IndexStreams {
    /** How an index body is read from the stream. */
    @FunctionalInterface
    interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    /** xz -9 needs 64 MiB; an index asking for more memory than this is refused, not obeyed. */
    static final int XZ_MEMORY_LIMIT_KIB = 128 * 1024;

    private final String serverName;
    private final HttpClient http;
    private final Duration timeout;

    /** @param serverName how messages name the server, e.g. "conda channel" */
    IndexStreams(String serverName, Duration timeout) {
        this.serverName = serverName;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * Reads {@code url}, decompressed by its suffix ({@code .gz}, {@code .xz}, {@code .zst}); null
     * when the server answers 404.
     *
     * @throws IOException "url: why" when the server can not be reached, answers another status,
     *     or the body can not be decompressed or read
     */
    <T> T read(String url, Reader<T> reader) throws IOException, InterruptedException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IOException(url + ": cannot reach the " + serverName + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(url + ": not a valid URL", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new IOException(url + ": the " + serverName + " answered HTTP " + response.statusCode());
            }
            try (InputStream in = decompressed(url, body)) {
                return reader.read(in);
            } catch (IndexFormatException e) {
                throw new IOException(url + ": " + e.getMessage(), e);
            } catch (IOException | RuntimeException e) {
                throw new IOException(url + ": cannot read the index (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + ")", e);
            }
        }
    }

    /** The body decompressed by the URL's suffix. */
    static InputStream decompressed(String url, InputStream body) throws IOException {
        if (url.endsWith(".gz")) {
            try {
                return new GZIPInputStream(body);
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw new IndexFormatException("not gzip data");
            }
        }
        if (url.endsWith(".xz")) {
            try {
                return new XZInputStream(body, XZ_MEMORY_LIMIT_KIB);
            } catch (org.tukaani.xz.XZFormatException | java.io.EOFException e) {
                throw new IndexFormatException("not xz data");
            } catch (org.tukaani.xz.MemoryLimitException e) {
                throw new IndexFormatException("xz data needs " + e.getMemoryNeeded() / 1024 + " MiB to decompress, more than the "
                        + XZ_MEMORY_LIMIT_KIB / 1024 + " MiB allowed");
            }
        }
        if (url.endsWith(".zst")) {
            return new ZstdInputStream(body);
        }
        return body;
    }

    /** An index whose bytes do not have the format its name promises. */
    static final class IndexFormatException extends IOException {
        IndexFormatException(String message) {
            super(message);
        }
    }
}
