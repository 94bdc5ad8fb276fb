package dev.strata.lock;

import static dev.strata.lock.DriftIntegrationTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.strata.audit.AuditResult;
import dev.strata.audit.Auditor;
import dev.strata.compare.CompareOptions;
import dev.strata.compare.Comparison;
import dev.strata.compare.FileChange;
import dev.strata.compare.NoiseRule;
import dev.strata.compare.NoiseRules;
import dev.strata.compare.ImageComparator;
import dev.strata.compare.Verdict;
import dev.strata.config.AuditConfig;
import dev.strata.image.ImageReader;
import dev.strata.image.ReadOptions;
import dev.strata.packages.PackageInventory;
import dev.strata.registry.LocalRegistry;
import dev.strata.rules.Finding;
import dev.strata.testing.Buildah;
import dev.strata.testing.BuiltImage;
import dev.strata.testing.DebianRootfs;
import dev.strata.testing.ExportFormat;
import dev.strata.testing.ImageSpec;
import dev.strata.testing.ProcessResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian round trip with real packages: a research-style Dockerfile on {@code debian:bookworm}
 * (the cached debootstrap rootfs, pushed to a registry on 127.0.0.1 that stands in for a Docker Hub
 * mirror) installs real Debian packages from deb.debian.org, creates a venv and pip-installs a real
 * wheel from a loopback PEP 691 index (made of the host's {@code /usr/share/python-wheels}), and
 * downloads its inputs from loopback HTTP. It is built with buildah, locked against the built image
 * ({@code --image}: apt and pip versions from the image, pip hashes from the index, the apt snapshot
 * from the image's build time, release and sources), pinned, rebuilt, and compared: the only
 * difference is pin's own edit of the apt sources ({@code /etc/apt/sources.list} names the
 * snapshot, {@code debian.sources} is gone), and with those two files set aside the images are
 * functionally equivalent, every locked version installed again. The pinned Dockerfile passes audit's pinning rules and {@code drift} finds every
 * apt version in the snapshot.
 *
 * <p>The snapshot service is a loopback proxy standing in for snapshot.debian.org (unreachable
 * here): {@code /archive/debian/<ts>/…} is fetched from {@code http://deb.debian.org/debian/…} and
 * {@code /archive/debian-security/<ts>/…} from {@code http://deb.debian.org/debian-security/…}. The
 * snapshot time is the first build's, minutes ago, so the live archive serves exactly what
 * snapshot.debian.org would serve for that time (barring an archive update within those minutes):
 * a faithful stand-in for the path layout, the signed Release files and the package versions. What
 * it does not show is that snapshot.debian.org itself still serves an old time stamp.
 */
@Tag("integration")
class AptRoundTripIntegrationTest {
    private static final Path WHEELS = Path.of("/usr/share/python-wheels");
    private static final String WHEEL = "wheel-0.38.4-py3-none-any.whl";
    private static final Set<String> PINNING_RULES = Set.of("base-image-latest", "base-image-untagged", "base-image-not-digest-pinned",
            "base-image-from-unpinned-arg", "apt-unpinned", "apt-live-mirror", "pip-unpinned", "download-unverified");

    @TempDir Path tmp;

    @Test
    void aDebianResearchImageRebuildsFromItsLockedSnapshot() throws Exception {
        Assumptions.assumeTrue(DebianRootfs.unusableReason().isEmpty(), () -> "skipped: " + DebianRootfs.unusableReason().orElse(""));
        Assumptions.assumeTrue(Files.isRegularFile(WHEELS.resolve(WHEEL)),
                "skipped: " + WHEELS.resolve(WHEEL) + " is absent (apt-get install python3-wheel-whl)");
        Assumptions.assumeTrue(debianArchiveReachable(), "skipped: http://deb.debian.org/debian is not reachable (the builds install real packages)");
        long start = System.nanoTime();
        try (Buildah buildah = Buildah.open(); LocalRegistry registry = LocalRegistry.start(tmp.resolve("reg"));
                LoopbackServer http = new LoopbackServer(); SnapshotProxy proxy = new SnapshotProxy()) {
            // debian:bookworm: the cached rootfs with deb822 sources like the official image's (plus contrib)
            BuiltImage base = buildah.build(ImageSpec.debian("COPY debian.sources /etc/apt/sources.list.d/debian.sources\n"
                    + "RUN rm -f /etc/apt/sources.list\n").withFile("debian.sources", DEBIAN_SOURCES));
            ProcessResult pushed = buildah.run(List.of("push", "--tls-verify=false", base.name(),
                    "docker://" + registry.host() + "/library/debian:bookworm"), Duration.ofMinutes(3));
            assertThat(pushed.succeeded()).as(pushed.tail(20)).isTrue();
            String mirror = "http://" + registry.host();
            Path registriesConf = tmp.resolve("registries.conf");
            Files.writeString(registriesConf, "unqualified-search-registries = [\"docker.io\"]\nshort-name-mode = \"permissive\"\n"
                    + "[[registry]]\nprefix = \"docker.io\"\nlocation = \"docker.io\"\n"
                    + "[[registry.mirror]]\nlocation = \"" + registry.host() + "\"\ninsecure = true\n");

            byte[] wheel = Files.readAllBytes(WHEELS.resolve(WHEEL));
            http.put("/files/" + WHEEL, wheel);
            http.files.put("/simple/wheel/", new LoopbackServer.Body(("{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"wheel\","
                    + " \"versions\": [\"0.38.4\"], \"files\": [{\"filename\": \"" + WHEEL + "\", \"url\": \"../../files/" + WHEEL + "\","
                    + " \"hashes\": {\"sha256\": \"" + Hashes.sha256Hex(wheel) + "\"}}]}").getBytes(StandardCharsets.UTF_8), PythonIndex.PEP691));
            http.put("/data/input.csv", "sample,value\na,1\nb,2\n".getBytes(StandardCharsets.UTF_8));
            http.put("/data/params.json", "{\"alpha\": 0.05, \"seed\": 42}\n".getBytes(StandardCharsets.UTF_8));

            Path project = Files.createDirectories(tmp.resolve("project"));
            String dockerfile = "# A small analysis image: tools from Debian, a Python venv from the lab index, inputs from the lab server.\n"
                    + "FROM debian:bookworm\n"
                    + "RUN apt-get update \\\n"
                    + " && apt-get install -y --no-install-recommends \\\n"
                    + "      jq python3-venv wget \\\n"
                    + " && rm -rf /var/lib/apt/lists/*\n"
                    + "# the analysis environment\n"
                    + "RUN python3 -m venv /opt/venv \\\n"
                    + " && /opt/venv/bin/pip install --no-cache-dir --no-compile --index-url " + http.url("/simple/") + " wheel   # build helper\n"
                    + "# inputs\n"
                    + "RUN wget -q -O /srv/input.csv " + http.url("/data/input.csv") + "\n"
                    + "ADD " + http.url("/data/params.json") + " /srv/params.json\n"
                    + "CMD [\"jq\", \".\", \"/srv/params.json\"]\n";
            Files.writeString(project.resolve("Dockerfile"), dockerfile);
            long prepared = System.nanoTime();

            Path first = build(buildah, registriesConf, project, "first", tmp.resolve("first.tar"));
            long built = System.nanoTime();

            var locked = cli("lock", "--registry-mirror", mirror, "--image", first.toString(), "--index-url", http.url("/simple/"),
                    "--apt-snapshot-url", proxy.url(), project.toString());
            assertThat(locked.exit()).as(locked.err()).isZero();
            LockFile lock = LockFileIO.read(project.resolve(LockFileIO.FILE_NAME));
            AptSnapshot snapshot = lock.aptSnapshots().get(0);
            assertThat(lock.aptSnapshots()).hasSize(1);
            assertThat(snapshot.suite()).isEqualTo("bookworm");
            assertThat(snapshot.components()).containsExactly("main", "contrib");
            assertThat(snapshot.bases()).containsExactly("debian:bookworm");
            assertThat(snapshot.url()).isEqualTo(proxy.url() + "/archive/debian/" + snapshot.timestamp() + "/");
            assertThat(lock.images()).singleElement().satisfies(i -> assertThat(i.source()).isEqualTo(mirror));
            List<PackageLock> apt = lock.packages().stream().filter(p -> p.ecosystem().equals("apt")).toList();
            assertThat(apt).extracting(PackageLock::name).containsExactly("jq", "python3-venv", "wget");
            assertThat(lock.packages()).filteredOn(p -> p.ecosystem().equals("pip")).singleElement().satisfies(p -> {
                assertThat(p.name() + "==" + p.version()).isEqualTo("wheel==0.38.4");
                assertThat(p.hashes()).containsExactly("sha256:" + Hashes.sha256Hex(wheel));
            });
            assertThat(lock.downloads()).hasSize(2);

            // buildah 1.28 (Debian 12) has no ADD --checksum: verify ADD downloads with a RUN line instead
            var pinned = cli("pin", "--add-checksum", "run", project.toString());
            assertThat(pinned.exit()).as(pinned.err()).isZero();
            String pinnedText = Files.readString(project.resolve("Dockerfile"));
            String archive = proxy.url() + "/archive/debian/" + snapshot.timestamp() + "/";
            assertThat(pinnedText).contains("FROM debian:bookworm@" + lock.images().get(0).digest() + "\n",
                    "RUN echo 'deb [check-valid-until=no] " + archive + " bookworm main contrib' > /etc/apt/sources.list && ",
                    "echo 'deb [check-valid-until=no] " + proxy.url() + "/archive/debian-security/" + snapshot.timestamp()
                            + "/ bookworm-security main contrib' >> /etc/apt/sources.list && rm -f /etc/apt/sources.list.d/debian.sources && apt-get update \\\n",
                    "      jq=" + apt.get(0).version() + " python3-venv=" + apt.get(1).version() + " wget=" + apt.get(2).version() + " \\\n",
                    " wheel==0.38.4   # build helper\n",
                    "/srv/input.csv' | sha256sum -c -\n",
                    " /srv/params.json\nRUN echo '" + lock.downloads().stream().filter(d -> d.url().endsWith("/params.json")).findFirst().orElseThrow().sha256()
                            + "  /srv/params.json' | sha256sum -c -\n");
            assertThat(pinnedText).contains("# the analysis environment\n", "# inputs\n");
            assertThat(Files.readString(project.resolve("Dockerfile.orig"))).isEqualTo(dockerfile);

            AuditResult audit = Auditor.audit(project, AuditConfig.defaults());
            assertThat(audit.findings()).filteredOn(f -> PINNING_RULES.contains(f.rule())).extracting(Finding::rule).isEmpty();

            long pinnedAt = System.nanoTime();
            Path second = build(buildah, registriesConf, project, "second", tmp.resolve("second.tar"));
            long rebuilt = System.nanoTime();
            assertThat(proxy.requests()).anyMatch(p -> p.equals("/archive/debian/" + snapshot.timestamp() + "/dists/bookworm/InRelease"));

            ReadOptions read = ReadOptions.defaults().withCapture(PackageInventory.capturePaths().or(CompareOptions.defaults().noise()::needsContent));
            ImageReader reader = new ImageReader(read);
            var firstImage = reader.read(first);
            var secondImage = reader.read(second);
            // the one difference is pin's own edit: apt reads the snapshot from sources.list instead of debian.sources
            Comparison plain = ImageComparator.compare(firstImage, secondImage, CompareOptions.defaults());
            assertThat(plain.causes()).as(plain.causes().toString()).allSatisfy(cause -> assertThat(cause).isInstanceOf(FileChange.class))
                    .extracting(cause -> ((FileChange) cause).path())
                    .containsExactlyInAnyOrder("/etc/apt/sources.list", "/etc/apt/sources.list.d/debian.sources");
            CompareOptions pinnedSources = new CompareOptions(NoiseRules.builtIn().plus(List.of(
                    NoiseRule.path("/etc/apt/sources.list", "pin points apt at the snapshot here"),
                    NoiseRule.path("/etc/apt/sources.list.d/debian.sources", "pin removes the image's live-mirror sources"))));
            Comparison c = ImageComparator.compare(firstImage, secondImage, pinnedSources);
            assertThat(c.verdict()).as(c.causes().toString()).isIn(Verdict.FUNCTIONALLY_EQUIVALENT, Verdict.BITWISE_IDENTICAL);
            InstalledPackages again = InstalledPackages.read(second);
            for (PackageLock p : lock.packages()) {
                assertThat(again.find(p.ecosystem(), p.name(), java.time.Instant.now())).get().extracting(PackageLock::version).isEqualTo(p.version());
            }

            long compared = System.nanoTime();
            System.out.printf("apt round trip: base+fixtures %.1f s, first build %.1f s, lock+pin+audit %.1f s, rebuild %.1f s,"
                    + " compare %.1f s%n", secs(prepared - start), secs(built - prepared), secs(pinnedAt - built),
                    secs(rebuilt - pinnedAt), secs(compared - rebuilt));
            // Debian's security archive (and snapshot.debian.org's debian-security) publishes Packages.xz only: a version
            // from bookworm-security is found only by a drift that reads xz indexes
            Assumptions.assumeTrue(xzReadable(), "skipped the drift step: this build of strata does not read Packages.xz indexes");
            var drift = cli("drift", "--registry-mirror", mirror, "--index-url", http.url("/simple/"), "--apt-snapshot-url", proxy.url(),
                    project.toString());
            assertThat(drift.exit()).as(drift.out() + drift.err()).isZero();
            for (PackageLock p : apt) {
                assertThat(drift.out()).containsPattern("(?m)^ok\\s+\\S+\\s+.*" + java.util.regex.Pattern.quote(p.name()));
            }
            assertThat(drift.out()).contains(" 0 gone").doesNotContain("unchecked, ").doesNotContain("not checked");
            long end = System.nanoTime();
            System.out.printf("apt round trip: drift %.1f s, total %.1f s%n", secs(end - compared), secs(end - start));
        }
    }

    private static boolean debianArchiveReachable() {
        try {
            HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                    HttpRequest.newBuilder(URI.create("http://deb.debian.org/debian/dists/bookworm/InRelease")).timeout(Duration.ofSeconds(20))
                            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the xz decoder drift needs for xz-only Packages indexes is on the class path. */
    private static boolean xzReadable() {
        try {
            Class.forName("org.tukaani.xz.XZInputStream");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }

    private static final String DEBIAN_SOURCES = "Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\n"
            + "Components: main contrib\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n"
            + "Types: deb\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\n"
            + "Components: main contrib\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n";

    /** buildah bud on the host network (loopback servers), Docker Hub names resolved through the mirror, exported as an OCI archive. */
    private static Path build(Buildah buildah, Path registriesConf, Path context, String tag, Path target) {
        String name = "localhost/strata-apt-roundtrip-" + ProcessHandle.current().pid() + "-" + tag + ":latest";
        List<String> args = new ArrayList<>(List.of("--registries-conf", registriesConf.toString(), "bud", "--isolation", "chroot",
                "--network", "host", "--no-cache", "--layers=false", "--format", "oci", "--tls-verify=false",
                "-f", context.resolve("Dockerfile").toString(), "-t", name, context.toString()));
        ProcessResult r = buildah.run(args, Duration.ofMinutes(8));
        assertThat(r.succeeded()).as(r.tail(40)).isTrue();
        return buildah.export(new BuiltImage(name, "", r.output()), ExportFormat.OCI_ARCHIVE, target);
    }

    /**
     * A snapshot.debian.org stand-in on 127.0.0.1: {@code /archive/debian/<ts>/X} and
     * {@code /archive/debian-security/<ts>/X} are fetched from deb.debian.org and streamed back with
     * the upstream status.
     */
    static final class SnapshotProxy implements AutoCloseable {
        private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile("/archive/(debian|debian-security)/\\d{8}T\\d{6}Z/(.*)");
        private final HttpServer server;
        private final ExecutorService pool = Executors.newFixedThreadPool(4);
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        private final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();

        SnapshotProxy() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::handle);
            server.setExecutor(pool);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<String> requests() {
            return List.copyOf(requests);
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getRawPath();
                requests.add(path);
                java.util.regex.Matcher m = PATH.matcher(path);
                boolean head = exchange.getRequestMethod().equals("HEAD");
                if (!m.matches() || !(head || exchange.getRequestMethod().equals("GET"))) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                URI upstream = URI.create("http://deb.debian.org/" + m.group(1) + "/" + m.group(2));
                HttpResponse<InputStream> r;
                try {
                    r = client.send(HttpRequest.newBuilder(upstream).timeout(Duration.ofMinutes(2))
                            .method(head ? "HEAD" : "GET", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofInputStream());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.sendResponseHeaders(502, -1);
                    return;
                }
                try (InputStream body = r.body()) {
                    for (String h : List.of("Content-Type", "Last-Modified", "ETag")) {
                        r.headers().firstValue(h).ifPresent(v -> exchange.getResponseHeaders().add(h, v));
                    }
                    long length = r.headers().firstValueAsLong("Content-Length").orElse(-1);
                    if (head || r.statusCode() == 304 || r.statusCode() == 204) {
                        if (length >= 0) {
                            exchange.getResponseHeaders().add("Content-Length", Long.toString(length));
                        }
                        exchange.sendResponseHeaders(r.statusCode(), -1);
                        return;
                    }
                    exchange.sendResponseHeaders(r.statusCode(), length > 0 ? length : length == 0 ? -1 : 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        body.transferTo(out);
                    }
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
            pool.shutdownNow();
        }
    }
}
