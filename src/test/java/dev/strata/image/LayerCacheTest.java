package dev.strata.image;

import static dev.strata.image.testing.TestEntry.dir;
import static dev.strata.image.testing.TestEntry.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestImageBuilder.Format;
import dev.strata.image.testing.TestLayer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerCacheTest {
    @TempDir
    Path dir;

    private static TestLayer base() {
        return TestLayer.of(dir("usr"), file("usr/base", "shared base")).gzip();
    }

    @Test
    void oneReaderReadsALayerSharedByTwoImagesOnce() throws Exception {
        Path a = dir.resolve("a.tar");
        Path b = dir.resolve("b");
        new TestImageBuilder().layer(base()).layer(file("app", "one")).write(Format.OCI_ARCHIVE, a);
        new TestImageBuilder().layer(base()).layer(file("app", "two")).write(Format.OCI_LAYOUT, b);
        ImageReader reader = new ImageReader(ReadOptions.defaults());
        Image first = reader.read(a);
        assertThat(reader.layersScanned()).isEqualTo(2);
        Image second = reader.read(b);
        assertThat(reader.layersScanned()).isEqualTo(3);
        assertThat(second.layers().get(0)).isEqualTo(first.layers().get(0));
        assertThat(second.files().get("/usr/base")).isEqualTo(first.files().get("/usr/base"));
        assertThat(second.files().get("/app").orElseThrow().sha256())
                .isNotEqualTo(first.files().get("/app").orElseThrow().sha256());
    }

    @Test
    void uncompressedLayerIsSharedAcrossLegacyAndOciArchives() throws Exception {
        Path legacy = dir.resolve("legacy.tar");
        Path oci = dir.resolve("oci.tar");
        TestImageBuilder image = new TestImageBuilder().layer(file("x", "1")).layer(file("y", "2"));
        image.write(Format.DOCKER_LEGACY, legacy);
        image.write(Format.DOCKER_OCI, oci);
        ImageReader reader = new ImageReader(ReadOptions.defaults());
        Image l = reader.read(legacy);
        Image o = reader.read(oci);
        assertThat(reader.layersScanned()).isEqualTo(2);
        assertThat(l.layers()).extracting(Layer::diffId).isEqualTo(o.layers().stream().map(Layer::diffId).toList());
        assertThat(l.layers()).extracting(Layer::digest).isEqualTo(o.layers().stream().map(Layer::digest).toList());
        assertThat(l.configDigest()).isEqualTo(o.configDigest());
        assertThat(l.files().entries()).containsExactlyElementsOf(o.files().entries());
    }

    @Test
    void aLayerRepeatedInOneImageIsReadOnceAndAppliedTwice() throws Exception {
        Path a = dir.resolve("rep.tar");
        new TestImageBuilder().layer(file("f", "same")).layer(file("g", "g")).layer(file("f", "same"))
                .write(Format.OCI_ARCHIVE, a);
        ImageReader reader = new ImageReader(ReadOptions.defaults());
        Image img = reader.read(a);
        assertThat(reader.layersScanned()).isEqualTo(2);
        assertThat(img.files().get("/f").orElseThrow().layerIndex()).isEqualTo(2);
    }

    @Test
    void manyParallelLayersMergeInOrder() throws Exception {
        TestImageBuilder b = new TestImageBuilder();
        for (int i = 0; i < 12; i++) {
            TestEntry[] entries = new TestEntry[200];
            for (int j = 0; j < entries.length; j++) {
                entries[j] = file("d" + (j % 7) + "/f" + j, "layer " + i + " file " + j);
            }
            b.layer(TestLayer.of(entries).compression(i % 3 == 0 ? dev.strata.image.testing.Compression.ZSTD
                    : dev.strata.image.testing.Compression.GZIP));
        }
        Path a = dir.resolve("many.tar");
        b.write(Format.OCI_ARCHIVE, a);
        Image img = new ImageReader(ReadOptions.defaults()).read(a);
        assertThat(img.files().get("/d3/f3").orElseThrow().layerIndex()).isEqualTo(11);
        assertThat(img.files().get("/d3/f3").orElseThrow().sha256()).isEqualTo(
                TestLayer.digestOf("layer 11 file 3".getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(7));
        assertThat(img.files().size()).isEqualTo(1 + 7 + 200);
    }

    @Test
    void aFailedReadLeavesNoPendingLayerBehind() throws Exception {
        TestImageBuilder broken = new TestImageBuilder();
        for (int i = 0; i < 6; i++) {
            broken.layer(TestLayer.of(file("f" + i, "content " + i)).gzip());
        }
        broken.corruptLayerBlob(0);
        Path bad = dir.resolve("bad.tar");
        broken.write(Format.OCI_ARCHIVE, bad);
        ImageReader reader = new ImageReader(ReadOptions.defaults());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(bad))
                .isInstanceOf(ImageReadException.class);

        TestImageBuilder good = new TestImageBuilder();
        for (int i = 0; i < 6; i++) {
            good.layer(TestLayer.of(file("f" + i, "content " + i)).gzip());
        }
        Path ok = dir.resolve("ok.tar");
        good.write(Format.OCI_ARCHIVE, ok);
        assertThat(reader.read(ok).files().get("/f5")).isPresent();
    }
}
