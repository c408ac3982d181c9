package org.rangefinder.ui.work;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an update on the FX thread when a worker asks for it, but never queues a second one while the first is
 * pending: however fast a run records points, the FX thread gets at most one such update per turn of its loop.
 */
public final class FxCoalescer {
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Executor fx;
    private final Runnable update;

    public FxCoalescer(Executor fx, Runnable update) {
        this.fx = fx;
        this.update = update;
    }

    /** Any thread: schedules the update unless one is already waiting. */
    public void request() {
        if (pending.compareAndSet(false, true)) {
            fx.execute(() -> {
                pending.set(false);
                update.run();
            });
        }
    }
}
