package dev.strata.image;

import java.util.function.Predicate;

/**
 * How to read an image.
 *
 * @param platform "os/arch[/variant]" to select from a multi-platform index, or null for: the only
 *     one, else the host's, else an error listing what is available
 * @param captureContent which paths (normalised absolute) to keep the bytes of while streaming, e.g.
 *     package databases; everything else is hashed and dropped
 * @param maxCaptureBytes largest single file that is captured; larger ones are hashed only
 * @param maxUncompressedLayerBytes decompression-bomb limit per layer; exceeding it is an error
 * @param maxEntries limit on tar entries per layer (guards against entry floods)
 */
public record ReadOptions(
        String platform,
        Predicate<String> captureContent,
        long maxCaptureBytes,
        long maxUncompressedLayerBytes,
        long maxEntries) {

    public static ReadOptions defaults() {
        return new ReadOptions(null, p -> false, 64L << 20, 64L << 30, 10_000_000L);
    }

    public ReadOptions withPlatform(String p) {
        return new ReadOptions(p, captureContent, maxCaptureBytes, maxUncompressedLayerBytes, maxEntries);
    }

    public ReadOptions withCapture(Predicate<String> c) {
        return new ReadOptions(platform, c, maxCaptureBytes, maxUncompressedLayerBytes, maxEntries);
    }

    public ReadOptions withMaxUncompressedLayerBytes(long n) {
        return new ReadOptions(platform, captureContent, maxCaptureBytes, n, maxEntries);
    }

    public ReadOptions withMaxEntries(long n) {
        return new ReadOptions(platform, captureContent, maxCaptureBytes, maxUncompressedLayerBytes, n);
    }

    public ReadOptions withMaxCaptureBytes(long n) {
        return new ReadOptions(platform, captureContent, n, maxUncompressedLayerBytes, maxEntries);
    }
}
