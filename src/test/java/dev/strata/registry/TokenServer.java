package dev.strata.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;

/**
 * A token service in Docker Hub's shape ({@code GET /token?service=…&scope=…}, optional Basic
 * credentials, answer {@code {"token":…,"access_token":…,"expires_in":…}}) issuing RS256 JWTs
 * that the real distribution registry verifies against the certificate it was started with.
 * Key and certificate are made with the openssl program.
 */
final class TokenServer implements AutoCloseable {
    static final String SERVICE = "strata-test-registry";
    static final String ISSUER = "strata-test-issuer";
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path certificate;
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final PrivateKey key;
    private final String x5c;
    private final HttpServer server;
    private final String user;
    private final String password;

    TokenServer(Path dir, String user, String password) throws Exception {
        Assumptions.assumeTrue(LocalRegistry.onPath("openssl"), "openssl not installed");
        this.user = user;
        this.password = password;
        Path keyFile = dir.resolve("token-key.pem");
        certificate = dir.resolve("token-cert.pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile.toString(),
                "-out", certificate.toString(), "-days", "1", "-subj", "/CN=strata-token").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("openssl failed: " + out);
        }
        String pem = Files.readString(keyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        X509Certificate cert;
        try (var in = Files.newInputStream(certificate)) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        x5c = Base64.getEncoder().encodeToString(cert.getEncoded());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", exchange -> {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(query.getOrDefault("scope", "") + " " + (auth == null ? "anonymous" : "basic"));
            String expected = "Basic " + Base64.getEncoder().encodeToString((this.user + ":" + this.password).getBytes(StandardCharsets.UTF_8));
            byte[] body;
            int status;
            if (!expected.equals(auth)) {
                status = 401;
                body = "{\"details\":\"incorrect username or password\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 200;
                String token = jwt(query.get("scope"));
                body = ("{\"token\":\"" + token + "\",\"access_token\":\"" + token + "\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    private String jwt(String scope) {
        try {
            ObjectNode header = JSON.createObjectNode();
            header.put("typ", "JWT");
            header.put("alg", "RS256");
            header.putArray("x5c").add(x5c);
            long now = System.currentTimeMillis() / 1000;
            ObjectNode claims = JSON.createObjectNode();
            claims.put("iss", ISSUER);
            claims.put("sub", user);
            claims.put("aud", SERVICE);
            claims.put("exp", now + 300);
            claims.put("nbf", now - 60);
            claims.put("iat", now);
            claims.put("jti", UUID.randomUUID().toString());
            var access = claims.putArray("access");
            if (scope != null) {
                for (String one : scope.split(" ")) {
                    String[] parts = one.split(":");
                    if (parts.length == 3) {
                        ObjectNode a = access.addObject();
                        a.put("type", parts[0]);
                        a.put("name", parts[1]);
                        var actions = a.putArray("actions");
                        for (String action : parts[2].split(",")) {
                            actions.add(action);
                        }
                    }
                }
            }
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = b64.encodeToString(JSON.writeValueAsBytes(header)) + "." + b64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(rs256.sign());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
