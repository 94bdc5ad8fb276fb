package dev.strata.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.image.testing.Compression;
import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestLayer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layer with a million tiny entries is read in a separate JVM whose heap is capped at 512 MiB:
 * memory grows with the number of files, and stays bounded for a million of them.
 */
class ManyEntriesTest {
    static final int DIRS = 1000;
    static final int FILES_PER_DIR = 1000;

    @TempDir
    Path dir;

    @Test
    void aMillionEntriesFitInA512MiBHeap() throws Exception {
        Path image = dir.resolve("million.tar");
        new TestImageBuilder().layer(TestLayer.streamed(tar -> {
            for (int d = 0; d < DIRS; d++) {
                String dirName = String.format("d%04d", d);
                TestLayer.writeEntry(tar, TestEntry.dir(dirName));
                for (int f = 0; f < FILES_PER_DIR; f++) {
                    TestLayer.writeEntry(tar, TestEntry.file(dirName + String.format("/f%04d", f), new byte[0]));
                }
            }
        }).compression(Compression.ZSTD)).write(TestImageBuilder.Format.OCI_ARCHIVE, image);

        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp", classpath,
                ManyEntriesMain.class.getName(), image.toString()))
                .redirectErrorStream(true)
                .directory(dir.toFile())
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("entries=" + (1 + DIRS + DIRS * FILES_PER_DIR));
        System.out.println("ManyEntriesTest child JVM: " + out.replace('\n', ' ') + " (classpath entries: "
                + classpath.split(File.pathSeparator).length + ")");
    }
}
