package dev.strata.image;

import static dev.strata.image.testing.TestEntry.dir;
import static dev.strata.image.testing.TestEntry.file;
import static dev.strata.image.testing.TestEntry.hardlink;
import static dev.strata.image.testing.TestEntry.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.image.testing.Compression;
import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestImageBuilder.Format;
import dev.strata.image.testing.TestLayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each hostile or broken input is rejected with a clear message, and nothing is written. */
class HostileInputTest {
    @TempDir
    Path dir;

    private Path inputs;
    private Map<String, String> before;

    @BeforeEach
    void prepare() throws IOException {
        inputs = Files.createDirectory(dir.resolve("inputs"));
    }

    /** Snapshot the directory holding the inputs right before reading. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                out.put(dir.relativize(p).toString(), a.size() + "@" + a.lastModifiedTime());
            }
        }
        return out;
    }

    @AfterEach
    void nothingWasWritten() throws IOException {
        if (before != null) {
            assertThat(snapshot()).as("files next to the input after reading").isEqualTo(before);
        }
    }

    private AbstractThrowableAssert<?, ? extends Throwable> rejects(TestImageBuilder b, Format format) throws IOException {
        return rejects(b, format, ReadOptions.defaults());
    }

    private AbstractThrowableAssert<?, ? extends Throwable> rejects(TestImageBuilder b, Format format,
            ReadOptions options) throws IOException {
        Path target = inputs.resolve(format == Format.OCI_LAYOUT ? "layout" : "image.tar");
        b.write(format, target);
        return rejectsPath(target, options);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> rejectsPath(Path target, ReadOptions options)
            throws IOException {
        before = snapshot();
        return assertThatThrownBy(() -> new ImageReader(options).read(target)).isInstanceOf(ImageReadException.class);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void dotDotEscapingTheRootIsRejected(Format format) throws IOException {
        rejects(new TestImageBuilder().layer(dir("a"), file("a/../../etc/passwd", "root::0:0")), format)
                .hasMessageContaining("layer 0")
                .hasMessageContaining("hostile entry name \"a/../../etc/passwd\"")
                .hasMessageContaining("climbs above the image root");
    }

    @Test
    void hardLinkTargetEscapingTheRootIsRejected() throws IOException {
        rejects(new TestImageBuilder().layer(hardlink("x", "../../etc/shadow")), Format.OCI_ARCHIVE)
                .hasMessageContaining("hard link \"x\"")
                .hasMessageContaining("climbs above the image root");
    }

    @Test
    void hardLinkToAMissingTargetIsRejected() throws IOException {
        rejects(new TestImageBuilder().layer(hardlink("x", "nowhere")), Format.OCI_ARCHIVE)
                .hasMessageContaining("hard link /x → /nowhere: the target does not exist");
    }

    @Test
    void writingThroughASymlinkOfTheSameLayerIsRefused() throws IOException {
        rejects(new TestImageBuilder().layer(file("ok", "1")).layer(symlink("etc", "/host/etc"), file("etc/passwd", "x")),
                Format.OCI_ARCHIVE)
                .hasMessageContaining("layer 1")
                .hasMessageContaining("entry /etc/passwd lies under /etc, which is a symlink → /host/etc written by"
                        + " the same layer; writing through it is refused");
    }

    @Test
    void aLowerLayersSymlinkUnderAnEntryBecomesADirectoryAsOverlayfsDoes() throws Exception {
        Path target = inputs.resolve("overlay.tar");
        new TestImageBuilder().layer(dir("usr/lib"), symlink("lib", "usr/lib"), file("f", "file"))
                .layer(file("lib/x", "x"), file("f/y", "y"))
                .write(Format.OCI_ARCHIVE, target);
        before = snapshot();
        Image img = new ImageReader(ReadOptions.defaults()).read(target);
        assertThat(img.files().get("/lib").orElseThrow().type()).isEqualTo(FileType.DIRECTORY);
        assertThat(img.files().get("/lib").orElseThrow().layerIndex()).isEqualTo(1);
        assertThat(img.files().get("/lib/x")).isPresent();
        assertThat(img.files().get("/usr/lib/x")).isEmpty();
        assertThat(img.files().get("/f").orElseThrow().type()).isEqualTo(FileType.DIRECTORY);
        assertThat(img.files().get("/f/y")).isPresent();
    }

    @Test
    void absoluteNamesStayInsideTheImage() throws Exception {
        Path target = inputs.resolve("abs.tar");
        new TestImageBuilder().layer(file("/etc/passwd", "x"), file("//../etc/group", "y"))
                .write(Format.OCI_ARCHIVE, target);
        before = snapshot();
        Image img = new ImageReader(ReadOptions.defaults()).read(target);
        assertThat(img.files().get("/etc/passwd")).isPresent();
        // "/.." is the root itself, as Go's filepath.Clean (Docker's extraction) has it
        assertThat(img.files().get("/etc/group")).isPresent();
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void blobThatDoesNotMatchItsDigestIsNamed(Compression c) throws IOException {
        TestImageBuilder b = new TestImageBuilder()
                .layer(TestLayer.of(file("a", "a".repeat(2000))).compression(c))
                .corruptLayerBlob(0);
        String digest = b.build().layers().get(0).digest();
        rejects(b, Format.OCI_ARCHIVE)
                .hasMessageContaining("blob " + digest)
                .hasMessageContaining("digest mismatch");
    }

    @Test
    void legacyLayerThatDoesNotMatchItsDiffIdIsNamed() throws IOException {
        TestImageBuilder b = new TestImageBuilder().layer(file("a", "1")).layer(file("b", "2")).wrongDiffId(1);
        rejects(b, Format.DOCKER_LEGACY)
                .hasMessageContaining("layer 1")
                .hasMessageContaining("layer.tar")
                .hasMessageContaining("but the config's diff_id is sha256:");
    }

    @Test
    void corruptLegacyLayerIsCaughtByItsDiffId() throws IOException {
        TestImageBuilder b = new TestImageBuilder().layer(file("a", "1")).corruptLayerBlob(0);
        rejects(b, Format.DOCKER_LEGACY).hasMessageContaining("uncompressed content hashes to");
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"GZIP", "ZSTD"})
    void truncatedCompressedLayerIsACleanError(Compression c) throws IOException {
        byte[] noise = new byte[200_000];
        new java.util.Random(1).nextBytes(noise);
        TestImageBuilder b = new TestImageBuilder().layer(TestLayer.of(file("noise", noise)).compression(c));
        int full = b.build().layers().get(0).blob().length;
        b.truncateLayer(0, full / 2);
        rejects(b, Format.OCI_ARCHIVE)
                .hasMessageContaining("layer 0")
                .hasMessageContaining("truncated or corrupt " + c.name().toLowerCase() + " stream");
    }

    @Test
    void truncatedUncompressedTarIsACleanError() throws IOException {
        TestImageBuilder b = new TestImageBuilder().layer(file("big", new byte[10_000])).truncateLayer(0, 3000);
        rejects(b, Format.OCI_ARCHIVE).hasMessageContaining("layer 0").hasMessageContaining("truncated");
    }

    @Test
    void truncatedArchiveIsACleanError() throws IOException {
        Path target = inputs.resolve("cut.tar");
        new TestImageBuilder().layer(file("big", new byte[50_000])).write(Format.DOCKER_LEGACY, target);
        byte[] all = Files.readAllBytes(target);
        Files.write(target, Arrays.copyOf(all, all.length - 30_000));
        rejectsPath(target, ReadOptions.defaults()).hasMessageContaining(target.toString());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void missingLayerBlobIsNamed(Format format) throws IOException {
        TestImageBuilder b = new TestImageBuilder().layer(file("a", "1")).layer(file("b", "2")).omitLayerBlob(1);
        rejects(b, format).hasMessageContaining("missing blob").hasMessageContaining("layer");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void missingConfigIsNamed(Format format) throws IOException {
        TestImageBuilder b = new TestImageBuilder().layer(file("a", "1")).omitConfig();
        String config = b.build().configDigest();
        rejects(b, format).hasMessageContaining("missing blob").hasMessageContaining(config.substring(7));
    }

    @Test
    void missingManifestIsNamed() throws IOException {
        TestImageBuilder b = new TestImageBuilder().layer(file("a", "1")).omitManifest();
        rejects(b, Format.OCI_LAYOUT).hasMessageContaining("missing blob");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"DOCKER_LEGACY", "OCI_ARCHIVE"})
    void corruptConfigIsNamed(Format format) throws IOException {
        TestImageBuilder b = new TestImageBuilder().layer(file("a", "1")).corruptConfig();
        rejects(b, format).hasMessageContaining("config").hasMessageContaining(b.build().configDigest().substring(7));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void decompressionBombStopsAtTheLimit(Compression c) throws IOException {
        TestImageBuilder b = new TestImageBuilder()
                .layer(TestLayer.of(file("zeros", new byte[8 << 20])).compression(c));
        rejects(b, Format.OCI_ARCHIVE, ReadOptions.defaults().withMaxUncompressedLayerBytes(1 << 20))
                .hasMessageContaining("layer 0")
                .hasMessageContaining("exceeds the limit of 1048576 bytes (maxUncompressedLayerBytes)");
    }

    @Test
    void entryFloodStopsAtMaxEntries() throws IOException {
        TestEntry[] many = new TestEntry[50];
        for (int i = 0; i < many.length; i++) {
            many[i] = file("f" + i, "");
        }
        rejects(new TestImageBuilder().layer(many), Format.OCI_ARCHIVE,
                new ReadOptions(null, p -> false, 0, 1L << 30, 20))
                .hasMessageContaining("more than 20 entries (maxEntries)");
    }

    @Test
    void wrongManifestDescriptorSizeIsNamed() throws IOException {
        TestImageBuilder b = new TestImageBuilder().layer(file("a", "1"))
                .extraFile("index.json", ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                        + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:" + "0".repeat(64)
                        + "\",\"size\":12}]}").getBytes(StandardCharsets.UTF_8));
        rejects(b, Format.OCI_ARCHIVE).hasMessageContaining("missing blob");
    }

    @Test
    void nonSha256DigestIsRejectedNotUsedAsAPath() throws IOException {
        TestImageBuilder b = new TestImageBuilder().layer(file("a", "1"))
                .extraFile("index.json", ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                        + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:../../../etc/passwd\","
                        + "\"size\":12}]}").getBytes(StandardCharsets.UTF_8));
        rejects(b, Format.OCI_LAYOUT).hasMessageContaining("malformed digest \"sha256:../../../etc/passwd\"");
    }

    @Test
    void garbageFileIsNotAnImage() throws IOException {
        Path target = inputs.resolve("garbage.tar");
        Files.write(target, "this is not a tar file at all".repeat(40).getBytes(StandardCharsets.UTF_8));
        rejectsPath(target, ReadOptions.defaults()).hasMessageContaining(target.toString());
    }

    @Test
    void tarWithoutImageMetadataIsNotAnImage() throws IOException {
        Path target = inputs.resolve("plain.tar");
        TestImageBuilder.writeTar(Map.of("hello.txt", new byte[] {1}), target);
        rejectsPath(target, ReadOptions.defaults())
                .hasMessageContaining("neither manifest.json (docker-archive) nor index.json (OCI)");
    }

    @Test
    void gzippedArchiveGetsAHint() throws IOException {
        Path target = inputs.resolve("img.tar.gz");
        Files.write(target, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0});
        rejectsPath(target, ReadOptions.defaults()).hasMessageContaining("decompress it first");
    }

    @Test
    void missingInputAndLayoutWithoutIndex() throws IOException {
        rejectsPath(inputs.resolve("nope.tar"), ReadOptions.defaults()).hasMessageContaining("no such file");
        Path empty = Files.createDirectory(inputs.resolve("emptydir"));
        rejectsPath(empty, ReadOptions.defaults()).hasMessageContaining("no index.json");
    }

    @Test
    void diffIdCountMismatchIsNamed() throws IOException {
        TestImageBuilder b = new TestImageBuilder().layer(file("a", "1"))
                .config(c -> ((com.fasterxml.jackson.databind.node.ArrayNode) c.path("rootfs").path("diff_ids"))
                        .add("sha256:" + "1".repeat(64)));
        rejects(b, Format.OCI_ARCHIVE).hasMessageContaining("names 1 layers but the config lists 2 diff_ids");
    }

    @Test
    void unsupportedTarEntryTypeIsNamed() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes)) {
            TarArchiveEntry e = new TarArchiveEntry("volume", (byte) 'V');
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
        }
        rejects(new TestImageBuilder().layer(TestLayer.rawTar(bytes.toByteArray())), Format.OCI_ARCHIVE)
                .hasMessageContaining("layer 0")
                .hasMessageContaining("entry \"volume\" has an unsupported tar type flag 'V'");
    }

    @Test
    void hugeGnuLongNameIsRefusedBeforeItIsBuffered() throws IOException {
        byte[] tar = new byte[512 * 3];
        byte[] header = rawHeader("././@LongLink", 'L', 1L << 30);
        System.arraycopy(header, 0, tar, 0, 512);
        rejects(new TestImageBuilder().layer(TestLayer.rawTar(tar).gzip()), Format.OCI_ARCHIVE)
                .hasMessageContaining("a GNU long name or link target of 1073741824 bytes");
    }

    /** A ustar header with a valid checksum, for headers the tar writer will not produce. */
    static byte[] rawHeader(String name, char type, long size) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, "00000000000");
        h[156] = (byte) type;
        put(h, 257, "ustar\0");
        put(h, 263, "00");
        Arrays.fill(h, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o\0 ", sum));
        return h;
    }

    private static void put(byte[] h, int at, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, at, b.length);
    }
}
