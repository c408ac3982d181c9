package org.rangefinder.bench;

/**
 * The figures of one workload: iterations run, seconds of the range tests or the epoch themselves (no data loading,
 * no network building, no evaluation; a sweep's is the wall time of the whole sweep, its members' network builds
 * included; the median of the timed runs after the warm-up, of an even number the mean of the middle two), the
 * seconds of the very first run in this JVM (before the JIT has compiled the hot paths), and the peaks of Java heap,
 * of resident memory outside the Java heap (ND4J's native arrays among it; see {@link MemoryPeaks}), and of the
 * process's resident memory while it ran.
 */
public record Measurement(String name, int iterations, double seconds, double iterationsPerSecond,
                          double firstRunSeconds, long peakHeapBytes, long peakOffHeapBytes, long peakRssBytes) {
}
