package dev.strata.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The fixture itself, against the real buildah: what every other integration test relies on. */
@Tag("integration")
class BuildahFixtureTest {
    private static Buildah buildah;

    @BeforeAll
    static void open() {
        buildah = Buildah.open();
    }

    @AfterAll
    static void close() {
        if (buildah != null) {
            buildah.close();
        }
    }

    private static ImageSpec hello() {
        return ImageSpec.busybox("COPY in.txt /in.txt\n" + ImageSpec.busyboxRun("/bin/busybox mkdir -p /out && /bin/busybox cat /in.txt > /out/hi"))
                .withFile("in.txt", "hello\n");
    }

    @Test
    void busyboxImageExportsInAllThreeFormats() throws Exception {
        BuiltImage img = buildah.build(hello().withTimestamp(0));
        Path docker = buildah.export(img, ExportFormat.DOCKER_ARCHIVE);
        Path ociTar = buildah.export(img, ExportFormat.OCI_ARCHIVE);
        Path layout = buildah.export(img, ExportFormat.OCI_LAYOUT);
        assertThat(docker).isRegularFile();
        assertThat(ociTar).isRegularFile();
        assertThat(layout.resolve("index.json")).isRegularFile();
        assertThat(layout.resolve("oci-layout")).isRegularFile();
        assertThat(Files.readString(layout.resolve("index.json"), StandardCharsets.UTF_8)).contains("manifests");
        assertThat(layout.resolve("blobs/sha256/" + img.imageId())).isRegularFile();
    }

    @Test
    void zstdExportWritesZstdLayers() throws Exception {
        BuiltImage img = buildah.build(hello().withTimestamp(0));
        Path tar = buildah.export(img, ExportFormat.OCI_ARCHIVE, buildah.workDir().resolve("zstd.tar"), "zstd");
        boolean zstdBlob = false;
        try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(Files.newInputStream(tar))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().startsWith("blobs/sha256/") && e.getSize() >= 4) {
                    byte[] head = in.readNBytes(4);
                    zstdBlob |= head[0] == (byte) 0x28 && head[1] == (byte) 0xB5 && head[2] == (byte) 0x2F
                            && head[3] == (byte) 0xFD;
                }
            }
        }
        assertThat(zstdBlob).as("a zstd-compressed layer blob in %s", tar).isTrue();
    }

    @Test
    void fixedTimestampGivesTheSameImageIdTwice() {
        BuiltImage a = buildah.build(hello().withTimestamp(0));
        BuiltImage b = buildah.build(hello().withTimestamp(0));
        assertThat(a.name()).isNotEqualTo(b.name());
        assertThat(a.imageId()).isEqualTo(b.imageId());
    }

    @Test
    void withoutFixedTimestampTheImageIdsDiffer() {
        BuiltImage a = buildah.build(hello());
        BuiltImage b = buildah.build(hello());
        assertThat(a.imageId()).isNotEqualTo(b.imageId());
    }

    @Test
    void failingRunIsReportedWithItsLog() {
        BuildAttempt a = buildah.tryBuild(ImageSpec.busybox(ImageSpec.busyboxRun("echo about to fail; exit 3")));
        assertThat(a.succeeded()).isFalse();
        assertThat(a.exitCode()).isNotZero();
        assertThat(a.log()).contains("about to fail").contains("exit status 3");
    }

    @Test
    void buildArgsAndSourceDateEpochReachRun() throws Exception {
        BuiltImage img = buildah.build(ImageSpec.busybox("ARG GREETING\nARG SOURCE_DATE_EPOCH\n"
                        + ImageSpec.busyboxRun("echo \"$GREETING $SOURCE_DATE_EPOCH\""))
                .withBuildArg("GREETING", "hi-from-arg")
                .withSourceDateEpoch(1700000000));
        assertThat(img.log()).contains("hi-from-arg 1700000000");
    }

    @Test
    void debianBaseRunsAptGet() {
        BuiltImage img = buildah.build(ImageSpec.debian(
                "RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends jq >/dev/null && jq --version\n"));
        assertThat(img.log()).contains("jq-1.6");
    }
}
