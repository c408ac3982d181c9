package org.rangefinder.ui;

import org.rangefinder.ui.work.BackgroundExecutor;

/** A background executor that runs work and hands results over in the calling thread: view-model tests in order. */
public final class Direct {
    private Direct() {
    }

    public static BackgroundExecutor executor() {
        return new BackgroundExecutor(Runnable::run, Runnable::run);
    }
}
