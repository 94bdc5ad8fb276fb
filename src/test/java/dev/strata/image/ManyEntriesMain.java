package dev.strata.image;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Reads one image and prints its entry count and the peak heap used, for
 * {@link ManyEntriesTest}, which runs it in a JVM with a small fixed heap.
 */
public final class ManyEntriesMain {
    private ManyEntriesMain() {}

    public static void main(String[] args) throws Exception {
        ImageReader reader = new ImageReader(ReadOptions.defaults());
        Image image = reader.read(Path.of(args[0]));
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("entries=" + image.files().size());
        System.out.println("peakHeapMiB=" + (peak >> 20));
        System.out.println("maxHeapMiB=" + (Runtime.getRuntime().maxMemory() >> 20));
    }
}
