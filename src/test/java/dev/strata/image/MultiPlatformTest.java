package dev.strata.image;

import static dev.strata.image.testing.TestEntry.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestImageBuilder.Format;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MultiPlatformTest {
    @TempDir
    Path dir;

    private static TestImageBuilder image(String arch, String variant) {
        return new TestImageBuilder().platform("linux", arch, variant)
                .layer(file("arch", arch + (variant == null ? "" : variant)));
    }

    private Path write(Format format, boolean nested, List<TestImageBuilder> images) {
        Path target = dir.resolve(format == Format.OCI_LAYOUT ? "layout-" + nested : "multi-" + nested + ".tar");
        TestImageBuilder.writeMultiPlatform(format, target, nested, images);
        return target;
    }

    private static List<TestImageBuilder> three() {
        return List.of(image("amd64", null), image("arm64", "v8"), image("arm", "v7"));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"OCI_ARCHIVE", "OCI_LAYOUT", "DOCKER_OCI"})
    void platformOptionPicksOne(Format format) throws Exception {
        for (boolean nested : new boolean[] {false, true}) {
            Path target = write(format, nested, three());
            Image arm = new ImageReader(ReadOptions.defaults().withPlatform("linux/arm64"), "linux/amd64").read(target);
            assertThat(arm.platform()).isEqualTo("linux/arm64/v8");
            assertThat(arm.files().get("/arch").orElseThrow().size()).isEqualTo("arm64v8".length());
            assertThat(arm.indexDigest() != null).isEqualTo(nested);
            Image v7 = new ImageReader(ReadOptions.defaults().withPlatform("linux/arm/v7"), "linux/amd64").read(target);
            assertThat(v7.platform()).isEqualTo("linux/arm/v7");
            Image armV8 = new ImageReader(ReadOptions.defaults().withPlatform("linux/arm64/v8"), "x").read(target);
            assertThat(armV8.platform()).isEqualTo("linux/arm64/v8");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"OCI_ARCHIVE", "OCI_LAYOUT"})
    void withoutPlatformTheHostsIsTaken(Format format) throws Exception {
        Path target = write(format, true, three());
        assertThat(new ImageReader(ReadOptions.defaults(), "linux/arm64").read(target).platform())
                .isEqualTo("linux/arm64/v8");
        assertThat(new ImageReader(ReadOptions.defaults(), "linux/amd64").read(target).platform())
                .isEqualTo("linux/amd64");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"OCI_ARCHIVE", "OCI_LAYOUT"})
    void theOnlyPlatformIsTakenWhateverTheHost(Format format) throws Exception {
        Path target = write(format, false, List.of(image("s390x", null)));
        assertThat(new ImageReader(ReadOptions.defaults(), "linux/amd64").read(target).platform())
                .isEqualTo("linux/s390x");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"OCI_ARCHIVE", "OCI_LAYOUT"})
    void noHostMatchListsWhatIsAvailable(Format format) throws Exception {
        Path target = write(format, false, three());
        assertThatThrownBy(() -> new ImageReader(ReadOptions.defaults(), "linux/riscv64").read(target))
                .isInstanceOf(ImageReadException.class)
                .hasMessageContaining("none is this host's (linux/riscv64)")
                .hasMessageContaining("--platform")
                .hasMessageContaining("linux/amd64")
                .hasMessageContaining("linux/arm64/v8")
                .hasMessageContaining("linux/arm/v7");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"OCI_ARCHIVE", "OCI_LAYOUT"})
    void unknownRequestedPlatformListsWhatIsAvailable(Format format) throws Exception {
        Path target = write(format, true, three());
        assertThatThrownBy(() -> new ImageReader(ReadOptions.defaults().withPlatform("linux/ppc64le"), "linux/amd64")
                        .read(target))
                .isInstanceOf(ImageReadException.class)
                .hasMessageContaining("no image for platform linux/ppc64le")
                .hasMessageContaining("available: linux/amd64");
        assertThatThrownBy(() -> new ImageReader(ReadOptions.defaults().withPlatform("linux"), "linux/amd64")
                        .read(target))
                .isInstanceOf(ImageReadException.class)
                .hasMessageContaining("not os/arch[/variant]");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"OCI_ARCHIVE", "DOCKER_OCI"})
    void platformOfASingleImageWithoutDescriptorPlatformComesFromItsConfig(Format format) throws Exception {
        Path target = dir.resolve("single.tar");
        image("arm64", "v8").write(format, target);
        assertThat(new ImageReader(ReadOptions.defaults().withPlatform("linux/arm64"), "linux/amd64").read(target)
                .platform()).isEqualTo("linux/arm64/v8");
        assertThatThrownBy(() -> new ImageReader(ReadOptions.defaults().withPlatform("linux/amd64"), "linux/amd64")
                        .read(target))
                .hasMessageContaining("available: linux/arm64/v8");
    }
}
