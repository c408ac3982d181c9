package org.rangefinder.ui.work;

import javafx.animation.AnimationTimer;

/**
 * Runs an update on the FX thread at the start of the frame after the next one, so that what it changes is styled,
 * laid out and drawn in a frame of its own rather than in the frame of the change that asked for it: for splitting
 * the work of one frame that would otherwise stutter. Asked again while it is pending, it runs once. FX thread only.
 */
public final class FrameAfterNext {
    private final Runnable update;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            // the first pulse styles and lays out what the asking change did; the update starts the second
            if (++pulses == 2) {
                stop();
                pulses = 0;
                pending = false;
                update.run();
            }
        }
    };
    private int pulses;
    private boolean pending;

    public FrameAfterNext(Runnable update) {
        this.update = update;
    }

    /** Schedules the update unless it is already waiting. */
    public void request() {
        if (!pending) {
            pending = true;
            timer.start();
        }
    }
}
