package org.rangefinder.bench;

/**
 * The figures of one workload: iterations run, seconds of the range tests or the epoch themselves (no data loading,
 * no network building, no evaluation), and the peaks of Java heap, of resident memory outside the Java heap (ND4J's
 * native arrays among it; see {@link MemoryPeaks}), and of the process's resident memory while it ran.
 */
public record Measurement(String name, int iterations, double seconds, double iterationsPerSecond,
                          long peakHeapBytes, long peakOffHeapBytes, long peakRssBytes) {
}
