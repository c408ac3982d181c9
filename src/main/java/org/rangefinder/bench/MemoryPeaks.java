package org.rangefinder.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.bytedeco.javacpp.Pointer;

/**
 * Samples memory every 5 ms on a daemon thread between {@link #start()} and {@link #stop()}: the peak of the Java
 * heap (the JVM's own per-pool peaks, reset at start), of the process's resident set, and of the resident memory
 * outside the Java heap.
 *
 * <p>Off-heap is measured as {@code RSS - used heap}, not as JavaCPP's {@code Pointer.totalBytes()}: ND4J
 * allocates its arrays, workspaces and oneDNN's scratch space in native code that JavaCPP never sees (for LeNet
 * {@code totalBytes()} stayed near 1 MB while the resident set grew by hundreds of MB), and ND4J's own
 * {@code AllocationsTracker} counts only workspaces. The difference holds everything native: ND4J's memory, the
 * pages of its native libraries in use, the JVM's metadata, code cache and thread stacks, and also heap pages the
 * JVM has touched but holds no objects in (so it is an upper bound; {@code RSS - committed heap} would be a lower
 * one, and read 0 for small runs whose heap is mostly committed but never touched).
 *
 * <p>On Linux the peak resident set also comes from the kernel's high-water mark ({@code VmHWM} in
 * {@code /proc/self/status}, reset at start by writing 5 to {@code /proc/self/clear_refs}), which catches spikes
 * between two samples.
 */
final class MemoryPeaks {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private volatile boolean running;
    private volatile long peakOffHeap;
    private volatile long peakRss;
    private boolean highWaterMarkReset;
    private Thread sampler;

    void start() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        highWaterMarkReset = resetHighWaterMark();
        peakOffHeap = 0;
        peakRss = 0;
        sample();
        running = true;
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    void stop() throws InterruptedException {
        running = false;
        sampler.join();
        sample();
        if (highWaterMarkReset) {
            highWaterMark().ifPresent(hwm -> peakRss = Math.max(peakRss, hwm));
        }
    }

    long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    long peakOffHeap() {
        return peakOffHeap;
    }

    long peakRss() {
        return peakRss;
    }

    private void sample() {
        long rss = Pointer.physicalBytes();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        peakRss = Math.max(peakRss, rss);
        peakOffHeap = Math.max(peakOffHeap, rss - heap.getUsed());
    }

    private static boolean resetHighWaterMark() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // not Linux, or not allowed: the samples alone give the peak
        }
    }

    /** {@code VmHWM} of {@code /proc/self/status} in bytes, if there is one. */
    private static OptionalLong highWaterMark() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring("VmHWM:".length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(kb) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
