package org.rangefinder.ui.work;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * Watches how regularly the JavaFX thread runs its pulses (about 60 a second while anything animates): between
 * {@link #start()} and {@link #stop()} it records every wall-clock gap between two consecutive pulses, with the CPU
 * time the FX thread itself used in it. A gap far above 17 ms means the window stuttered for that long; if the FX
 * thread's own CPU time in it is small, the thread was waiting (for a core, or for the renderer), not busy with the
 * window's own work. {@link #stats} summarises any stretch of the recording. FX thread only.
 */
public final class PulseMonitor {
    /** A gap above this is counted as a stutter: three frames missed at 60 Hz. */
    public static final double STUTTER_MS = 50;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long last;
    private long lastCpu;
    private long[] gaps = new long[1024];
    private long[] cpus = new long[1024];
    private int count;
    private AnimationTimer timer;

    private AnimationTimer newTimer() {
        return new AnimationTimer() {
            @Override
            public void handle(long frameTime) {
                long now = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                if (last != 0) {
                    record(now - last, cpu - lastCpu);
                }
                last = now;
                lastCpu = cpu;
            }
        };
    }

    /**
     * What the pulses of a stretch looked like.
     *
     * @param pulses              gaps recorded (pulses after the first)
     * @param longestGapMs        the longest wall-clock time between two pulses
     * @param fxCpuInLongestGapMs CPU time the FX thread used within that gap (the rest it waited)
     * @param longestFxWorkMs     the most CPU time the FX thread used between any two pulses
     * @param meanFxWorkMs        the CPU time the FX thread used per gap, on average: the window's own work per frame,
     *                            which, unlike the gaps, does not grow when other programs take the cores
     * @param stutters            gaps longer than {@link #STUTTER_MS}
     */
    public record Stats(int pulses, double longestGapMs, double fxCpuInLongestGapMs, double longestFxWorkMs,
                        double meanFxWorkMs, int stutters) {
    }

    /** Forgets what was recorded and starts recording. */
    public void start() {
        last = 0;
        count = 0;
        if (timer == null) {
            timer = newTimer();
        }
        timer.start();
    }

    public void stop() {
        if (timer != null) {
            timer.stop();
        }
    }

    /** Records one gap between pulses and the FX thread's CPU time within it, both in nanoseconds. */
    void record(long gapNanos, long cpuNanos) {
        if (count == gaps.length) {
            gaps = Arrays.copyOf(gaps, 2 * count);
            cpus = Arrays.copyOf(cpus, 2 * count);
        }
        gaps[count] = gapNanos;
        cpus[count] = cpuNanos;
        count++;
    }

    /** Gaps recorded so far; a mark for {@link #stats(int, int)}. */
    public int pulses() {
        return count;
    }

    /** The whole recording. */
    public Stats stats() {
        return stats(0, count);
    }

    /** The gaps recorded between two marks taken with {@link #pulses()}. */
    public Stats stats(int from, int to) {
        long longest = 0;
        long cpuInLongest = 0;
        long longestCpu = 0;
        long totalCpu = 0;
        int stutters = 0;
        for (int i = from; i < to; i++) {
            totalCpu += cpus[i];
            if (gaps[i] > longest) {
                longest = gaps[i];
                cpuInLongest = cpus[i];
            }
            longestCpu = Math.max(longestCpu, cpus[i]);
            if (gaps[i] / 1e6 > STUTTER_MS) {
                stutters++;
            }
        }
        double meanCpu = to > from ? totalCpu / 1e6 / (to - from) : 0;
        return new Stats(to - from, longest / 1e6, cpuInLongest / 1e6, longestCpu / 1e6, meanCpu, stutters);
    }
}
