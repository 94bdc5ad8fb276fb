package dev.strata.bench;

import dev.strata.image.Image;
import dev.strata.image.ImageReader;
import dev.strata.image.ReadOptions;
import dev.strata.image.testing.Compression;
import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestLayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Reads a large generated image and compares the time with one plain SHA-256 pass over the
 * same archive (Java's MessageDigest, and coreutils sha256sum when present). Not a unit test:
 * run it by hand.
 *
 * <pre>
 * ./mvnw -q test-compile
 * java -cp target/test-classes:target/classes:$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     dev.strata.bench.ImageReadBench [totalMiB=512] [none|gzip|zstd] [layers=8]
 * </pre>
 */
public final class ImageReadBench {
    private ImageReadBench() {}

    public static void main(String[] args) throws Exception {
        int totalMiB = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        Compression compression = args.length > 1 ? Compression.valueOf(args[1].toUpperCase(Locale.ROOT))
                : Compression.NONE;
        int layers = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path dir = Files.createTempDirectory("strata-bench");
        try {
            Path image = dir.resolve("bench.tar");
            long t0 = System.nanoTime();
            generate(image, totalMiB, compression, layers);
            long size = Files.size(image);
            System.out.printf(Locale.ROOT, "image: %d MiB of file content in %d %s layers, archive %.1f MiB"
                    + " (generated in %.1f s)%n", totalMiB, layers, compression, size / 1048576.0,
                    (System.nanoTime() - t0) / 1e9);

            double sha = best(3, () -> javaSha256(image));
            System.out.printf(Locale.ROOT, "java SHA-256 over the archive: %.2f s, %.0f MB/s%n", sha, size / 1e6 / sha);
            if (hasSha256sum()) {
                double coreutils = best(1, () -> sha256sum(image));
                System.out.printf(Locale.ROOT, "sha256sum over the archive:    %.2f s, %.0f MB/s%n", coreutils,
                        size / 1e6 / coreutils);
            }
            double[] files = new double[1];
            double read = best(3, () -> {
                Image img = new ImageReader(ReadOptions.defaults()).read(image);
                files[0] = img.files().size();
            });
            System.out.printf(Locale.ROOT, "ImageReader.read (%d entries):   %.2f s, %.0f MB/s of archive,"
                    + " %.2f× the Java SHA-256 pass%n", (long) files[0], read, size / 1e6 / read, read / sha);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Layers of 1 MiB files; content is half random, half repeated, so gzip has work to do. */
    private static void generate(Path image, int totalMiB, Compression compression, int layers) {
        Random random = new Random(42);
        TestImageBuilder b = new TestImageBuilder();
        int perLayer = Math.max(1, totalMiB / layers);
        for (int l = 0; l < layers; l++) {
            int layer = l;
            b.layer(TestLayer.streamed(tar -> {
                byte[] content = new byte[1 << 20];
                for (int f = 0; f < perLayer; f++) {
                    random.nextBytes(content);
                    java.util.Arrays.fill(content, 1 << 19, content.length, (byte) f);
                    TestLayer.writeEntry(tar, TestEntry.file("layer" + layer + "/f" + f, content));
                    for (int small = 0; small < 20; small++) {
                        TestLayer.writeEntry(tar, TestEntry.file("layer" + layer + "/s" + f + "-" + small,
                                "small file " + small));
                    }
                }
            }).compression(compression));
        }
        b.write(TestImageBuilder.Format.OCI_ARCHIVE, image);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double best(int runs, Work w) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            w.run();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return best;
    }

    private static void javaSha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        md.digest();
    }

    private static boolean hasSha256sum() {
        try {
            return new ProcessBuilder("sha256sum", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void sha256sum(Path file) throws Exception {
        Process p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
    }
}
