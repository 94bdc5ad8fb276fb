package dev.strata.compare;

import dev.strata.image.Image;
import dev.strata.image.ImageReader;
import dev.strata.image.ReadOptions;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.packages.PackageInventory;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Writes images with the image engineer's builder and reads them back as the CLI does. */
final class TestImages {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestImages() {}

    static Path write(TestImageBuilder b, TestImageBuilder.Format format, Path dir) {
        Path target = dir.resolve("img" + COUNTER.incrementAndGet() + (format == TestImageBuilder.Format.OCI_LAYOUT ? "" : ".tar"));
        b.write(format, target);
        return target;
    }

    static Path write(TestImageBuilder b, Path dir) {
        return write(b, TestImageBuilder.Format.OCI_ARCHIVE, dir);
    }

    static Image read(Path p) throws Exception {
        return new ImageReader(ReadOptions.defaults().withCapture(PackageInventory.capturePaths())).read(p);
    }

    static Comparison compare(TestImageBuilder a, TestImageBuilder b, Path dir, CompareOptions options) throws Exception {
        return ImageFiles.compare(write(a, dir), write(b, dir), options, ReadOptions.defaults());
    }
}
