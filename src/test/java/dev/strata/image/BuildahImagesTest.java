package dev.strata.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real images written by buildah (a static busybox FROM scratch, with a symlink, a hard link and
 * a deleted file) read as docker-archive, OCI archive and OCI layout: the three must agree.
 * buildah runs with its own storage root in a temporary directory that is removed afterwards.
 */
@Tag("integration")
class BuildahImagesTest {
    private static Path work;
    private static Path busybox;

    @BeforeAll
    static void build() throws Exception {
        Assumptions.assumeTrue(runs("buildah", "--version"), "buildah is not installed (apt-get install buildah)");
        busybox = Stream.of("/bin/busybox", "/usr/bin/busybox").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        Assumptions.assumeTrue(busybox != null, "busybox is not installed (apt-get install busybox-static)");
        work = Files.createTempDirectory("strata-buildah-it");
        Path context = Files.createDirectory(work.resolve("context"));
        Files.copy(busybox, context.resolve("busybox"));
        Files.writeString(context.resolve("Containerfile"), String.join("\n",
                "FROM scratch",
                "COPY busybox /bin/busybox",
                "RUN [\"/bin/busybox\",\"sh\",\"-c\",\"/bin/busybox mkdir -p /etc && echo hi > /etc/hello"
                        + " && /bin/busybox ln -s /bin/busybox /bin/sh && /bin/busybox ln /bin/busybox /bin/ls\"]",
                "RUN [\"/bin/busybox\",\"rm\",\"/etc/hello\"]",
                "CMD [\"/bin/sh\"]", ""));
        buildah("bud", "--layers", "--isolation", "chroot", "-t", "strata-it:1", context.toString());
        buildah("push", "strata-it:1", "docker-archive:" + work.resolve("docker.tar") + ":strata-it:1");
        buildah("push", "strata-it:1", "oci-archive:" + work.resolve("oci.tar"));
        buildah("push", "strata-it:1", "oci:" + work.resolve("layout"));
    }

    @AfterAll
    static void clean() throws IOException {
        if (work != null) {
            try {
                buildah("rmi", "--all", "--force");
            } catch (Exception ignored) {
                // the directory removal below is what matters
            }
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void buildah(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("buildah", "--root", work.resolve("root").toString(),
                "--runroot", work.resolve("runroot").toString(), "--storage-driver", "vfs"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("buildah %s:%n%s", String.join(" ", args), out).isZero();
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            md.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void threeFormatsOfOneBuildAgree() throws Exception {
        ImageReader reader = new ImageReader(ReadOptions.defaults());
        Image docker = reader.read(work.resolve("docker.tar"));
        Image oci = reader.read(work.resolve("oci.tar"));
        Image layout = reader.read(work.resolve("layout"));

        assertThat(docker.format()).isEqualTo(ImageFormat.DOCKER_ARCHIVE);
        assertThat(oci.format()).isEqualTo(ImageFormat.OCI_ARCHIVE);
        assertThat(layout.format()).isEqualTo(ImageFormat.OCI_LAYOUT);
        assertThat(docker.layers()).hasSize(3);
        for (Image other : List.of(oci, layout)) {
            assertThat(other.layers()).extracting(Layer::diffId)
                    .isEqualTo(docker.layers().stream().map(Layer::diffId).toList());
            assertThat(other.files().entries()).containsExactlyElementsOf(docker.files().entries());
        }
        assertThat(oci.layers()).isEqualTo(layout.layers());
        assertThat(oci.configDigest()).isEqualTo(layout.configDigest());
        // the OCI archive and the layout hold the same blobs: read once
        assertThat(reader.layersScanned()).isEqualTo(docker.layers().get(0).digest().equals(oci.layers().get(0).digest())
                ? 3 : 6);

        FileTree files = docker.files();
        String busyboxSha = sha256(busybox);
        assertThat(files.get("/bin/busybox").orElseThrow().sha256()).isEqualTo(busyboxSha);
        assertThat(files.get("/bin/sh").orElseThrow().linkTarget()).isEqualTo("/bin/busybox");
        FileEntry ls = files.get("/bin/ls").orElseThrow();
        // the link's target lies in a lower layer, so the layer diff stores it as a regular file
        assertThat(ls.type()).isIn(FileType.HARDLINK, FileType.REGULAR);
        assertThat(ls.sha256()).isEqualTo(busyboxSha);
        assertThat(files.resolve("/bin/sh").orElseThrow().path()).isEqualTo("/bin/busybox");
        assertThat(files.get("/etc")).isPresent();
        assertThat(files.get("/etc/hello")).isEmpty();
        assertThat(docker.layers().get(2).createdBy()).contains("rm");
        assertThat(docker.platform()).startsWith("linux/");
    }
}
