package dev.strata.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.image.testing.Compression;
import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestImageBuilder.Format;
import dev.strata.image.testing.TestLayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageReaderFormatsTest {
    @TempDir
    Path dir;

    static List<Arguments> formatsAndCompressions() {
        List<Arguments> out = new java.util.ArrayList<>();
        for (Format f : Format.values()) {
            for (Compression c : Compression.values()) {
                out.add(Arguments.of(f, c));
            }
        }
        return out;
    }

    private static TestImageBuilder sample(Compression c) {
        return new TestImageBuilder()
                .layer(TestLayer.of(TestEntry.dir("etc"), TestEntry.file("etc/hello", "hello\n"),
                        TestEntry.file("etc/gone", "x")).compression(c).createdBy("ADD rootfs.tar /"))
                .emptyHistory("ENV A=1")
                .layer(TestLayer.of(TestEntry.whiteout("etc/gone"), TestEntry.file("etc/new", "new"))
                        .compression(c).createdBy("RUN rm /etc/gone"));
    }

    @ParameterizedTest
    @MethodSource("formatsAndCompressions")
    void readsEveryFormatAndCompression(Format format, Compression compression) throws Exception {
        Path target = dir.resolve(format == Format.OCI_LAYOUT ? "layout" : "image.tar");
        TestImageBuilder.Built built = sample(compression).write(format, target);

        Image image = new ImageReader(ReadOptions.defaults()).read(target);

        assertThat(image.format()).isEqualTo(switch (format) {
            case DOCKER_LEGACY, DOCKER_OCI -> ImageFormat.DOCKER_ARCHIVE;
            case OCI_ARCHIVE -> ImageFormat.OCI_ARCHIVE;
            case OCI_LAYOUT -> ImageFormat.OCI_LAYOUT;
        });
        assertThat(image.configDigest()).isEqualTo(built.configDigest());
        assertThat(image.manifestDigest()).isEqualTo(format == Format.DOCKER_LEGACY ? null : built.manifestDigest());
        assertThat(image.platform()).isEqualTo("linux/amd64");
        assertThat(image.layers()).extracting(Layer::diffId)
                .containsExactly(built.layers().get(0).diffId(), built.layers().get(1).diffId());
        assertThat(image.layers()).extracting(Layer::digest)
                .containsExactly(built.layers().get(0).digest(), built.layers().get(1).digest());
        assertThat(image.layers()).extracting(Layer::createdBy).containsExactly("ADD rootfs.tar /", "RUN rm /etc/gone");
        assertThat(image.files().entries()).extracting(FileEntry::path)
                .containsExactly("/", "/etc", "/etc/hello", "/etc/new");
        FileEntry hello = image.files().get("/etc/hello").orElseThrow();
        assertThat(hello.type()).isEqualTo(FileType.REGULAR);
        assertThat(hello.size()).isEqualTo(6);
        assertThat(hello.sha256()).isEqualTo(TestLayer.digestOf("hello\n".getBytes(StandardCharsets.UTF_8)).substring(7));
        assertThat(hello.layerIndex()).isZero();
        assertThat(image.files().get("/etc/new").orElseThrow().layerIndex()).isEqualTo(1);
    }

    /** Older docker save stores a repeated layer once and symlinks the other layer.tar to it. */
    @org.junit.jupiter.api.Test
    void legacyArchiveWithASymlinkedLayerTar() throws Exception {
        Path plain = dir.resolve("plain.tar");
        new TestImageBuilder().layer(TestEntry.file("same", "s")).layer(TestEntry.file("other", "o"))
                .layer(TestEntry.file("same", "s")).write(Format.DOCKER_LEGACY, plain);
        // rewrite the archive: the third layer.tar becomes a symlink to the first
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> links = new java.util.LinkedHashMap<>();
        com.fasterxml.jackson.databind.JsonNode manifest;
        try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                java.nio.file.Files.newInputStream(plain))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isFile()) {
                    files.put(e.getName(), in.readAllBytes());
                }
            }
        }
        manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(files.get("manifest.json"));
        String first = manifest.get(0).get("Layers").get(0).asText();
        String third = manifest.get(0).get("Layers").get(2).asText();
        files.remove(third);
        links.put(third, "../" + first);
        Path linked = dir.resolve("linked.tar");
        try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                java.nio.file.Files.newOutputStream(linked))) {
            for (var f : files.entrySet()) {
                var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                out.putArchiveEntry(e);
                out.write(f.getValue());
                out.closeArchiveEntry();
            }
            for (var l : links.entrySet()) {
                var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(l.getKey(),
                        org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK);
                e.setLinkName(l.getValue());
                out.putArchiveEntry(e);
                out.closeArchiveEntry();
            }
        }
        ImageReader reader = new ImageReader(ReadOptions.defaults());
        Image image = reader.read(linked);
        assertThat(image.layers()).hasSize(3);
        assertThat(image.files().get("/same").orElseThrow().layerIndex()).isEqualTo(2);
        assertThat(reader.layersScanned()).isEqualTo(2);
    }
}
