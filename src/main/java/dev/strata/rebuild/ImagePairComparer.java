package dev.strata.rebuild;

import dev.strata.compare.CompareOptions;
import dev.strata.compare.Comparison;
import dev.strata.image.ImageReadException;
import java.nio.file.Path;

/** Compares two image archives on disk; the rebuild's view of {@code strata compare}. */
@FunctionalInterface
public interface ImagePairComparer {
    Comparison compare(Path a, Path b, CompareOptions options, String platform) throws ImageReadException;
}
