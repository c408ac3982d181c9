package org.rangefinder.ui.work;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

/**
 * Runs each task on a thread of its own, at most {@code max} at once, in the order submitted. The threads are
 * started by a dispatcher thread that keeps the scheduling of the thread that made the executor (the window's), so
 * that each task's thread chooses its own ({@link BackgroundPriority}, as things stand when it starts) instead of
 * inheriting a lowered one: a thread of a pool lowered once could never be raised again (Linux lets no unprivileged
 * thread leave {@code SCHED_IDLE}).
 */
final class FreshThreads implements Executor {
    /** Queued by {@link #shutdown()} after the last task: the dispatcher ends when it takes it. */
    private static final Runnable END = () -> { };
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final Semaphore slots;
    private final ThreadFactory factory;
    /** Tasks submitted and not yet ended; guarded by {@code this}. */
    private int unfinished;
    private boolean shutDown;

    /** Make it from a thread of the window's priority: the dispatcher, and through it every task, inherit it. */
    FreshThreads(int max, ThreadFactory factory, String name) {
        this.slots = new Semaphore(max);
        this.factory = factory;
        Thread dispatcher = new Thread(this::dispatch, name + "-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (shutDown) {
                throw new RejectedExecutionException("shut down");
            }
            unfinished++;
        }
        queue.add(task);
    }

    private void dispatch() {
        try {
            for (Runnable next = queue.take(); next != END; next = queue.take()) {
                slots.acquire();
                Runnable task = next;
                factory.newThread(() -> {
                    try {
                        task.run();
                    } finally {
                        slots.release();
                        ended();
                    }
                }).start();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void ended() {
        unfinished--;
        notifyAll();
    }

    /** Takes no more tasks; those submitted still run. */
    synchronized void shutdown() {
        if (!shutDown) {
            shutDown = true;
            queue.add(END);
        }
    }

    /** Waits for every task submitted to end, until {@code deadlineNanos} at the latest; whether they all did. */
    synchronized boolean awaitTermination(long deadlineNanos) throws InterruptedException {
        long left;
        while (unfinished > 0 && (left = deadlineNanos - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
        return unfinished == 0;
    }
}
