package dev.strata.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted distribution API on 127.0.0.1 for protocol paths a real registry will not produce
 * on demand: Docker Hub's bearer token flow, wrong digest headers, 429s.
 */
final class FakeRegistry implements AutoCloseable {
    /** What a manifest request answers. */
    record Answer(int status, byte[] body, Map<String, String> headers) {}

    final HttpServer server;
    final Map<String, java.util.function.Function<HttpExchange, Answer>> routes = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();

    FakeRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            var route = routes.get(path);
            Answer a = route == null ? new Answer(404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}".getBytes(), Map.of()) : route.apply(exchange);
            a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(a.status(), head || a.body().length == 0 ? -1 : a.body().length);
            if (!head && a.body().length > 0) {
                exchange.getResponseBody().write(a.body());
            }
            exchange.close();
        });
        server.start();
    }

    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
