package dev.strata.registry;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real CNCF distribution registry ({@code /usr/bin/docker-registry}, Debian package
 * {@code docker-registry}) on 127.0.0.1 with filesystem storage in a temp directory, started and
 * stopped by a test. Images go in with skopeo.
 */
public final class LocalRegistry implements AutoCloseable {
    public static final String BINARY = "/usr/bin/docker-registry";

    private final Process process;
    private final int port;
    private final String user;
    private final String password;

    private LocalRegistry(Process process, int port, String user, String password) {
        this.process = process;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** Skips the calling test when the registry binary or skopeo are missing. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(BINARY)), "docker-registry not installed (Debian package docker-registry)");
        Assumptions.assumeTrue(onPath("skopeo"), "skopeo not installed (Debian package skopeo)");
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Starts an anonymous registry. */
    public static LocalRegistry start(Path workDir) throws Exception {
        return start(workDir, null, null);
    }

    /** Starts a registry; with a user, behind htpasswd basic auth (needs apache2-utils' htpasswd). */
    public static LocalRegistry start(Path workDir, String user, String password) throws Exception {
        assumeAvailable();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path storage = Files.createDirectories(workDir.resolve("storage"));
        StringBuilder config = new StringBuilder()
                .append("version: 0.1\n")
                .append("log:\n  level: error\n  accesslog:\n    disabled: true\n")
                .append("storage:\n  filesystem:\n    rootdirectory: ").append(storage).append('\n')
                .append("  delete:\n    enabled: true\n")
                .append("http:\n  addr: 127.0.0.1:").append(port).append('\n');
        if (user != null) {
            Assumptions.assumeTrue(onPath("htpasswd"), "htpasswd not installed (Debian package apache2-utils)");
            Path htpasswd = workDir.resolve("htpasswd");
            Process p = new ProcessBuilder("htpasswd", "-Bbc", htpasswd.toString(), user, password)
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                throw new IOException("htpasswd failed");
            }
            config.append("auth:\n  htpasswd:\n    realm: strata-test\n    path: ").append(htpasswd).append('\n');
        }
        Path configFile = workDir.resolve("config.yml");
        Files.writeString(configFile, config);
        Process process = new ProcessBuilder(BINARY, "serve", configFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("registry.log").toFile())
                .start();
        LocalRegistry registry = new LocalRegistry(process, port, user, password);
        registry.awaitReady();
        return registry;
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (int i = 0; i < 200; i++) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200 || r.statusCode() == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IOException("docker-registry did not start on port " + port);
    }

    /** {@code 127.0.0.1:PORT}. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    /** Copies {@code oci:layoutDir:tag} to {@code host/repository:tag}, digests preserved. */
    public void push(Path layoutDir, String tag, String repository, boolean all) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "--insecure-policy", "copy", "--dest-tls-verify=false", "--preserve-digests"));
        if (all) {
            cmd.add("--all");
        }
        if (user != null) {
            cmd.add("--dest-creds=" + user + ":" + password);
        }
        cmd.add("oci:" + layoutDir + ":" + tag);
        cmd.add("docker://" + host() + "/" + repository + ":" + tag);
        run(cmd);
    }

    /** Deletes a manifest by digest (the registry has deletes enabled). */
    public void delete(String repository, String digest) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "--insecure-policy", "delete", "--tls-verify=false"));
        if (user != null) {
            cmd.add("--creds=" + user + ":" + password);
        }
        cmd.add("docker://" + host() + "/" + repository + "@" + digest);
        run(cmd);
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
