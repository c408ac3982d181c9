package org.rangefinder.ui.work;

import javafx.animation.AnimationTimer;

/**
 * Watches how regularly the JavaFX thread runs its pulses (about 60 a second while anything animates): between
 * {@link #start()} and {@link #stop()} it records the longest wall-clock gap between two consecutive pulses. A gap far
 * above 17 ms means the FX thread was blocked, and the window stuttered for that long. FX thread only.
 */
public final class PulseMonitor {
    private long last;
    private long longest;
    private int pulses;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long frameTime) {
            long now = System.nanoTime();
            if (last != 0) {
                longest = Math.max(longest, now - last);
            }
            last = now;
            pulses++;
        }
    };

    public void start() {
        last = 0;
        longest = 0;
        pulses = 0;
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    public double longestGapMillis() {
        return longest / 1e6;
    }

    public int pulses() {
        return pulses;
    }
}
