package org.rangefinder.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.bytedeco.javacpp.Pointer;

/**
 * Samples memory every 5 ms on a daemon thread between {@link #start()} and {@link #stop()}: the peak of the Java
 * heap (the JVM's own per-pool peaks, reset at start), of native memory allocated through JavaCPP (ND4J's arrays and
 * workspaces), and of the process's resident set.
 */
final class MemoryPeaks {
    private volatile boolean running;
    private volatile long peakOffHeap;
    private volatile long peakRss;
    private Thread sampler;

    void start() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        peakOffHeap = Pointer.totalBytes();
        peakRss = Pointer.physicalBytes();
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
        peakOffHeap = Math.max(peakOffHeap, Pointer.totalBytes());
        peakRss = Math.max(peakRss, Pointer.physicalBytes());
    }
}
