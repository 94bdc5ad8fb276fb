package dev.strata.image;

import static dev.strata.image.testing.TestEntry.dir;
import static dev.strata.image.testing.TestEntry.file;
import static dev.strata.image.testing.TestEntry.hardlink;
import static dev.strata.image.testing.TestEntry.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestImageBuilder.Format;
import dev.strata.image.testing.TestLayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadContentTest {
    @TempDir
    Path dir;

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void readsOnlyTheRequestedFilesFromTheLayersThatWroteThem() throws Exception {
        Path tar = dir.resolve("img.tar");
        new TestImageBuilder()
                .layer(TestLayer.of(dir("app"), file("app/a.pyc", "old a"), file("app/b.pyc", "b"),
                        file("app/big", "0123456789"), symlink("app/link", "a.pyc")).gzip())
                .layer(TestLayer.of(file("app/a.pyc", "new a"), hardlink("app/hl", "app/b.pyc")).zstd())
                .write(Format.OCI_ARCHIVE, tar);
        ImageReader reader = new ImageReader(ReadOptions.defaults().withMaxCaptureBytes(8));
        Image image = reader.read(tar);
        assertThat(image.files().content("/app/a.pyc")).isEmpty();

        Map<String, byte[]> content = reader.readContent(image,
                List.of("/app/a.pyc", "/app/hl", "/app/big", "/app/link", "/app/missing", "/app"));

        assertThat(content.keySet()).containsExactly("/app/a.pyc", "/app/hl");
        assertThat(text(content.get("/app/a.pyc"))).isEqualTo("new a");
        assertThat(text(content.get("/app/hl"))).isEqualTo("b");
    }

    @Test
    void hardLinkToAFileRewrittenLaterGetsTheContentItWasMadeWith() throws Exception {
        Path tar = dir.resolve("img.tar");
        new TestImageBuilder()
                .layer(file("f", "first"))
                .layer(hardlink("h", "f"))
                .layer(file("f", "second"))
                .write(Format.DOCKER_LEGACY, tar);
        ImageReader reader = new ImageReader(ReadOptions.defaults());
        Image image = reader.read(tar);
        Map<String, byte[]> content = reader.readContent(image, List.of("/h", "/f"));
        assertThat(text(content.get("/h"))).isEqualTo("first");
        assertThat(text(content.get("/f"))).isEqualTo("second");
    }

    @Test
    void aDifferentImageAtTheSamePathIsAnError() throws Exception {
        Path tar = dir.resolve("img.tar");
        new TestImageBuilder().layer(file("f", "one")).write(Format.OCI_ARCHIVE, tar);
        ImageReader reader = new ImageReader(ReadOptions.defaults());
        Image image = reader.read(tar);
        new TestImageBuilder().layer(file("f", "two")).write(Format.OCI_ARCHIVE, tar);
        assertThatThrownBy(() -> reader.readContent(image, List.of("/f")))
                .isInstanceOf(ImageReadException.class)
                .hasMessageContaining("no longer holds image " + image.configDigest());
    }

    @Test
    void nothingRequestedReadsNothing() throws Exception {
        Path tar = dir.resolve("img.tar");
        new TestImageBuilder().layer(file("f", "one")).write(Format.OCI_ARCHIVE, tar);
        ImageReader reader = new ImageReader(ReadOptions.defaults());
        Image image = reader.read(tar);
        assertThat(reader.readContent(image, List.of("/nope"))).isEmpty();
    }
}
