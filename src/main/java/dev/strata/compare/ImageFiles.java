package dev.strata.compare;

import dev.strata.image.Image;
import dev.strata.image.ImageReadException;
import dev.strata.image.ImageReader;
import dev.strata.image.ReadOptions;
import dev.strata.packages.PackageInventory;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Compares two images on disk. The first pass captures only package databases. Files a content
 * normaliser could excuse (.pyc) are captured only when their digests differ: a second pass
 * re-reads the two images capturing exactly those paths, so memory stays small in the usual case.
 */
public final class ImageFiles {
    private ImageFiles() {}

    public static Comparison compare(Path a, Path b, CompareOptions options, ReadOptions read) throws ImageReadException {
        Predicate<String> packages = PackageInventory.capturePaths();
        ImageReader reader = new ImageReader(read.withCapture(packages));
        return compare(reader, reader.read(a), reader.read(b), options);
    }

    /**
     * Compares two images {@code reader} read; the second pass fetches the normalisable files' bytes with
     * {@link ImageReader#readContent}, which streams only the layers that wrote them.
     */
    static Comparison compare(ImageReader reader, Image ia, Image ib, CompareOptions options) throws ImageReadException {
        Comparison first = ImageComparator.compare(ia, ib, options);
        Set<String> normalisable = new HashSet<>();
        for (Cause c : first.causes()) {
            collect(c, options.noise(), normalisable);
        }
        if (normalisable.isEmpty()) {
            return first;
        }
        return ImageComparator.compare(withContent(ia, reader.readContent(ia, normalisable)),
                withContent(ib, reader.readContent(ib, normalisable)), options);
    }

    private static Image withContent(Image image, Map<String, byte[]> content) {
        return new Image(image.source(), image.format(), image.manifestDigest(), image.indexDigest(), image.platform(),
                image.configDigest(), image.config(), image.layers(), new ContentOverlay(image.files(), content));
    }

    /** Reads one image with its package databases captured (for sbom and inventories). */
    public static Image readWithPackages(Path source, ReadOptions read) throws ImageReadException {
        return new ImageReader(read.withCapture(PackageInventory.capturePaths())).read(source);
    }

    private static void collect(Cause c, NoiseRules rules, Set<String> out) {
        if (c instanceof FileChange f) {
            if (f.change() == FileChange.Change.CHANGED && f.aspects().contains("content") && rules.needsContent(f.path())) {
                out.add(f.path());
            }
        } else if (c instanceof PackageChange p) {
            p.files().forEach(f -> collect(f, rules, out));
        } else if (c instanceof PackageDatabaseChange d) {
            d.files().forEach(f -> collect(f, rules, out));
        }
    }
}
