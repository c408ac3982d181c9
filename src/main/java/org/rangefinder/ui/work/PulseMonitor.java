package org.rangefinder.ui.work;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.animation.AnimationTimer;

/**
 * Watches how regularly the JavaFX thread runs its pulses (about 60 a second while anything animates): between
 * {@link #start()} and {@link #stop()} it records the longest wall-clock gap between two consecutive pulses, and the
 * CPU time the FX thread itself used in that gap. A gap far above 17 ms means the window stuttered for that long; if
 * the FX thread's own CPU time in it is small, the thread was waiting for a core (other work on the machine), not
 * busy with the window's own work. FX thread only.
 */
public final class PulseMonitor {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long last;
    private long lastCpu;
    private long longest;
    private long cpuInLongest;
    private long longestCpu;
    private int pulses;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long frameTime) {
            long now = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            if (last != 0) {
                if (now - last > longest) {
                    longest = now - last;
                    cpuInLongest = cpu - lastCpu;
                }
                longestCpu = Math.max(longestCpu, cpu - lastCpu);
            }
            last = now;
            lastCpu = cpu;
            pulses++;
        }
    };

    public void start() {
        last = 0;
        longest = 0;
        cpuInLongest = 0;
        longestCpu = 0;
        pulses = 0;
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    public double longestGapMillis() {
        return longest / 1e6;
    }

    /** CPU time the FX thread used during the longest gap. */
    public double cpuInLongestGapMillis() {
        return cpuInLongest / 1e6;
    }

    /** The most CPU time the FX thread used between two pulses: the window's own longest piece of work. */
    public double longestCpuMillis() {
        return longestCpu / 1e6;
    }

    public int pulses() {
        return pulses;
    }
}
