package org.rangefinder.engine;

/**
 * Cooperative cancellation of a run: the caller (the window, a sweep, Ctrl-C in the CLI) calls {@link #cancel()};
 * the training loop checks {@link #isCancelled()} between iterations, so a run stops within one iteration and keeps
 * what it has recorded.
 */
public final class CancelToken {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
