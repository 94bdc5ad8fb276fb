package dev.strata.image;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Arbitrary bytes as an image archive: the reader may only answer with an image or an
 * {@link ImageReadException}. Seeds (small real images, some corrupted) are in
 * src/test/resources/dev/strata/image/ImageReaderFuzzTestInputs/fuzzImageTar and run as a
 * regression test under plain {@code mvn test}; fuzz for real with {@code JAZZER_FUZZ=1}.
 */
class ImageReaderFuzzTest {

    private static final ReadOptions SMALL_LIMITS =
            new ReadOptions(null, p -> p.endsWith("status"), 1 << 16, 8L << 20, 10_000);

    /**
     * Arbitrary bytes as the uncompressed tar of the first layer of an otherwise valid image (with
     * digests and diff_ids that match), so parsing and merging see every input, not only ones
     * whose digests happen to agree. Seeds: ImageReaderFuzzTestInputs/fuzzLayerTar.
     */
    @FuzzTest(maxDuration = "60s")
    void fuzzLayerTar(byte[] data) throws IOException {
        Path dir = Files.createTempDirectory("strata-fuzz");
        try {
            Path tar = dir.resolve("image.tar");
            new TestImageBuilder()
                    .layer(TestLayer.rawTar(data))
                    .layer(TestEntry.whiteout("etc"), TestEntry.file("etc/status", "Package: x\n"),
                            TestEntry.hardlink("h", "etc/status"), TestEntry.opaque("usr"))
                    .write(TestImageBuilder.Format.OCI_ARCHIVE, tar);
            try {
                Image image = new ImageReader(SMALL_LIMITS, "linux/amd64").read(tar);
                for (FileEntry e : image.files().entries()) {
                    image.files().resolve(e.path());
                }
            } catch (ImageReadException expected) {
                // the only failure the reader may report
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzImageTar(byte[] data) throws IOException {
        Path dir = Files.createTempDirectory("strata-fuzz");
        try {
            Path tar = dir.resolve("image.tar");
            Files.write(tar, data);
            try {
                Image image = new ImageReader(SMALL_LIMITS, "linux/amd64").read(tar);
                for (FileEntry e : image.files().entries()) {
                    image.files().resolve(e.path());
                    image.files().content(e.path());
                }
            } catch (ImageReadException expected) {
                // the only failure the reader may report
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
