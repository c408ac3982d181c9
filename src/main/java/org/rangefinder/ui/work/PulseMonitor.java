package org.rangefinder.ui.work;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * Watches how regularly the JavaFX thread runs its pulses (about 60 a second while anything animates): between
 * {@link #start()} and {@link #stop()} it records every wall-clock gap between two consecutive pulses, with the CPU
 * time the FX thread itself used in it. A gap far above 17 ms means the window stuttered for that long; if the FX
 * thread's own CPU time in it is small, the thread was waiting (for a core, or for the renderer), not busy with the
 * window's own work. It also records the CPU time JavaFX's renderer thread used in each gap: painting the frames
 * (large in JavaFX's software pipeline, on a machine without a GPU). For each gap it also records how long the FX
 * thread was ready to run but waited for a core (Linux's run-queue wait for the thread, {@code /proc/thread-self/
 * schedstat}; unknown elsewhere) and how long garbage collections stopped the program (the JVM's collection times),
 * so that a stutter can be told apart: the window's own work, a machine without a core to spare, the collector, or
 * the rest, which is mostly the FX thread waiting for the renderer to finish the previous frame. {@link #stats}
 * summarises any stretch of the recording. FX thread only.
 */
public final class PulseMonitor {
    /** A gap above this is counted as a stutter: three frames missed at 60 Hz. */
    public static final double STUTTER_MS = 50;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();
    /** The calling thread's scheduler statistics on Linux: time on a core, time waiting for one (ns), slices. */
    private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");
    /** The name JavaFX gives its renderer thread, numbered from 0. */
    private static final String RENDERER = "QuantumRenderer";
    private long last;
    private long lastCpu;
    private long lastPaint;
    private long lastWait;
    private long lastGc;
    private long renderer = -1;
    private long[] gaps = new long[1024];
    private long[] cpus = new long[1024];
    private long[] paints = new long[1024];
    private long[] waits = new long[1024];
    private long[] gcs = new long[1024];
    private int count;
    private AnimationTimer timer;

    /**
     * Loads, on the calling thread, the native library the monitor reads the threads' CPU times through (the JVM's
     * management library), and makes a first call of each of its functions the monitor uses. Call it before the
     * window starts the engine.
     *
     * <p>Loading a library while ND4J starts can stop the whole program: JavaCPP looks ND4J's BLAS functions up by
     * calling {@code dlsym} inside glibc's {@code dl_iterate_phdr}, which takes glibc's two loader locks in the order
     * opposite to {@code dlopen} on another thread; the two threads then wait for each other for good, and the JVM
     * with them at its next safepoint. (A benchmark whose monitor was first made just after the window opened hung so,
     * 3 times in about 40 runs.) And the JVM finds a native method's code at its first call, through {@code dlsym},
     * which waits while another thread's {@code dlopen} runs: the monitor's first readings fell within 30 ms of the
     * engine's start in 9 of 14 sessions, and ND4J's main library takes about 50 ms to load.
     */
    public static void loadLibraries() {
        THREADS.getCurrentThreadCpuTime();
        THREADS.getThreadCpuTime(Thread.currentThread().getId());
        collectionNanos();
    }

    private AnimationTimer newTimer() {
        return new AnimationTimer() {
            @Override
            public void handle(long frameTime) {
                long now = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                long paint = renderer < 0 ? 0 : Math.max(0, THREADS.getThreadCpuTime(renderer));
                long wait = runQueueWait();
                long gc = collectionNanos();
                if (last != 0) {
                    record(now - last, cpu - lastCpu, paint - lastPaint, wait < 0 ? -1 : wait - lastWait,
                            gc - lastGc);
                }
                last = now;
                lastCpu = cpu;
                lastPaint = paint;
                lastWait = wait;
                lastGc = gc;
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
     * @param meanPaintMs         the CPU time the renderer thread used per gap, on average: the painting per frame
     *                            (0 where the renderer thread was not found)
     * @param stutters            gaps longer than {@link #STUTTER_MS}
     * @param stutterGaps         those gaps, in order, and what they were made of
     */
    public record Stats(int pulses, double longestGapMs, double fxCpuInLongestGapMs, double longestFxWorkMs,
                        double meanFxWorkMs, double meanPaintMs, int stutters, List<Stutter> stutterGaps) {
    }

    /**
     * One gap longer than {@link #STUTTER_MS} and what it was made of, all in ms: the FX thread's own work, its wait
     * for a core (NaN where the system does not say), the garbage collections within it, and the rest of the gap,
     * in which the FX thread was blocked, mostly until the renderer finished the previous frame. The renderer's own
     * CPU time in the gap (painting) is given beside them: it overlaps the rest.
     */
    public record Stutter(double gapMs, double fxMs, double waitMs, double gcMs, double paintMs) {
        /**
         * The gap less the FX thread's work, its wait for a core (where known) and the collections; never below 0
         * (the clocks behind the parts are read a little apart, so they can add up to a millisecond or so more than
         * the gap).
         */
        public double restMs() {
            return Math.max(0, gapMs - fxMs - (Double.isNaN(waitMs) ? 0 : waitMs) - gcMs);
        }
    }

    /** Forgets what was recorded and starts recording. */
    public void start() {
        last = 0;
        count = 0;
        renderer = rendererThread();
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

    /**
     * The id of JavaFX's renderer thread; -1 if there is none. Found in the thread groups: a thread dump
     * ({@code Thread.getAllStackTraces}) stops every thread at a safepoint, and one made as the engine started waited
     * 58 ms for the engine's lowered thread, with the window stopped.
     */
    private static long rendererThread() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() * 2 + 16];
        int n = root.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            if (threads[i].getName().startsWith(RENDERER)) {
                return threads[i].getId();
            }
        }
        return -1;
    }

    /** The calling thread's total wait for a core in ns since it started; -1 where the system does not say. */
    private static long runQueueWait() {
        try {
            String[] fields = Files.readString(SCHEDSTAT).trim().split(" ");
            return Long.parseLong(fields[1]);
        } catch (IOException | RuntimeException unavailable) {
            return -1;
        }
    }

    /** The time the JVM's collectors have stopped the program so far, in ns (they count whole milliseconds). */
    private static long collectionNanos() {
        long ms = 0;
        for (GarbageCollectorMXBean collector : COLLECTORS) {
            ms += Math.max(0, collector.getCollectionTime());
        }
        return ms * 1_000_000L;
    }

    /**
     * Records one gap between pulses, the FX thread's CPU time within it, the renderer thread's, the FX thread's wait
     * for a core (negative: unknown) and the collections' pauses, all in nanoseconds.
     */
    void record(long gapNanos, long cpuNanos, long paintNanos, long waitNanos, long gcNanos) {
        if (count == gaps.length) {
            gaps = Arrays.copyOf(gaps, 2 * count);
            cpus = Arrays.copyOf(cpus, 2 * count);
            paints = Arrays.copyOf(paints, 2 * count);
            waits = Arrays.copyOf(waits, 2 * count);
            gcs = Arrays.copyOf(gcs, 2 * count);
        }
        gaps[count] = gapNanos;
        cpus[count] = cpuNanos;
        paints[count] = paintNanos;
        waits[count] = waitNanos;
        gcs[count] = gcNanos;
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
        long totalPaint = 0;
        int stutters = 0;
        List<Stutter> stutterGaps = new ArrayList<>();
        for (int i = from; i < to; i++) {
            totalCpu += cpus[i];
            totalPaint += paints[i];
            if (gaps[i] > longest) {
                longest = gaps[i];
                cpuInLongest = cpus[i];
            }
            longestCpu = Math.max(longestCpu, cpus[i]);
            if (gaps[i] / 1e6 > STUTTER_MS) {
                stutters++;
                stutterGaps.add(new Stutter(gaps[i] / 1e6, cpus[i] / 1e6, waits[i] < 0 ? Double.NaN : waits[i] / 1e6,
                        gcs[i] / 1e6, paints[i] / 1e6));
            }
        }
        int n = to - from;
        return new Stats(n, longest / 1e6, cpuInLongest / 1e6, longestCpu / 1e6, n > 0 ? totalCpu / 1e6 / n : 0,
                n > 0 ? totalPaint / 1e6 / n : 0, stutters, List.copyOf(stutterGaps));
    }
}
