package dev.strata.lock;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves files and a PEP 691 index on 127.0.0.1. Paths map to bodies; tests change a body or
 * remove it to simulate a download that changed or vanished.
 */
final class LoopbackServer implements AutoCloseable {
    record Body(byte[] bytes, String contentType) {}

    final Map<String, Body> files = new ConcurrentHashMap<>();
    private final HttpServer server;

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Body body = files.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", body.contentType());
                exchange.sendResponseHeaders(200, body.bytes().length == 0 ? -1 : body.bytes().length);
                exchange.getResponseBody().write(body.bytes());
            }
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void put(String path, byte[] bytes) {
        files.put(path, new Body(bytes, "application/octet-stream"));
    }

    /** Serves test resource {@code simple/<project>.json} as the PEP 691 page of that project. */
    void putIndexPage(String project) throws IOException {
        try (var in = LoopbackServer.class.getResourceAsStream("simple/" + project + ".json")) {
            files.put("/simple/" + project + "/", new Body(in.readAllBytes(), PythonIndex.PEP691));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
