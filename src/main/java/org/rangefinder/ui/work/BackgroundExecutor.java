package org.rangefinder.ui.work;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Where view models run background work: a bounded pool of threads (range tests and trainings queue when all are
 * busy), with the outcome handed to the JavaFX thread. Tests build one on direct executors so that work and
 * hand-over happen in the calling thread, in order.
 */
public final class BackgroundExecutor {
    private final Executor workers;
    private final Executor fx;

    public BackgroundExecutor(Executor workers, Executor fx) {
        this.workers = workers;
        this.fx = fx;
    }

    /**
     * A pool of {@code threads} daemon workers and an unbounded queue, handing results to the FX thread; the work runs
     * in the order submitted, each task on a thread of its own that runs below the window (see
     * {@link BackgroundPriority}): for the datasets the window loads.
     */
    public static BackgroundExecutor bounded(int threads) {
        return bounded(threads, "rangefinder-worker");
    }

    /** As {@link #bounded(int)}, its threads named {@code name-1}, {@code name-2}, ... */
    public static BackgroundExecutor bounded(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        return new BackgroundExecutor(new FreshThreads(threads,
                r -> BackgroundPriority.daemonThread(r, name + "-" + count.incrementAndGet()), name),
                Platform::runLater);
    }

    /**
     * The pool the window's range tests and trainings run on: {@code threads} daemon threads, named
     * {@code rangefinder-run-1}, ..., and an unbounded queue, so that at most {@code threads} runs go at once and
     * the rest start in the order submitted; results are handed to the FX thread. Its threads keep the window's
     * priority: each run is the conductor of a {@link Relay} of its own, which runs the run's heavy work on a carrier
     * lowered as the machine's load allows, while the run's thread waits for it. Each training uses one native thread
     * (see {@code NativeThreads}), so {@code threads} trainings run side by side.
     */
    public static BackgroundExecutor runs(int threads) {
        return new BackgroundExecutor(atTheWindowsPriority(threads, "rangefinder-run"), Platform::runLater);
    }

    /**
     * One daemon thread at the window's own priority, running its work in the order submitted: for the files the
     * user asks for (exports, a saved model, a file opened). That work is short, and must not wait behind other
     * programs: lowered as the workers are, it got no CPU while another program kept every core busy, and the window,
     * closing, gave up on the files it waited for.
     */
    public static BackgroundExecutor writer(String name) {
        return new BackgroundExecutor(atTheWindowsPriority(1, name), Platform::runLater);
    }

    /**
     * {@code threads} daemon threads, named {@code name} or, with more than one, {@code name-1}, {@code name-2}, ...,
     * taking work in the order submitted. Submit from a thread of the window's priority (the FX thread): the threads,
     * started by the submitting thread as work comes, inherit its scheduling.
     */
    private static ThreadPoolExecutor atTheWindowsPriority(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, threads == 1 ? name : name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Workers for this machine: one core is left to the window, at most four runs at once. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
    }

    /**
     * Runs {@code work} on a worker; then {@code onSuccess} with its result, or {@code onFailure} with what it threw,
     * on the FX thread. The future's {@code cancel} succeeds only while no worker has taken the work up: then the
     * work never runs and neither callback is called. Work already taken up is not stopped by it (the work stops
     * through its own cancel token) and reports its end as usual. Work submitted after {@link #finish} is dropped,
     * its future cancelled: the window it was for has closed.
     */
    public <T> Future<T> submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        AtomicBoolean taken = new AtomicBoolean();
        FutureTask<T> task = new FutureTask<>(() -> {
            if (!taken.compareAndSet(false, true)) {
                return null; // cancelled as the worker reached it
            }
            try {
                T result = work.call();
                fx.execute(() -> onSuccess.accept(result));
                return result;
            } catch (Exception | Error e) {
                fx.execute(() -> onFailure.accept(e));
                throw e;
            }
        }) {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                return taken.compareAndSet(false, true) && super.cancel(mayInterruptIfRunning);
            }
        };
        try {
            workers.execute(task);
        } catch (RejectedExecutionException finished) {
            task.cancel(false);
        }
        return task;
    }

    /**
     * Takes no more work and waits for the work already taken up or queued to end, until {@code deadlineNanos} (on
     * {@link System#nanoTime()}'s clock) at the latest. The callbacks the work hands to the FX thread are not waited
     * for. An executor that runs work in the calling thread (tests) has none left.
     *
     * @return whether all of it ended in time
     */
    public boolean finish(long deadlineNanos) throws InterruptedException {
        if (workers instanceof ExecutorService service) {
            service.shutdown();
            return service.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        if (workers instanceof FreshThreads fresh) {
            fresh.shutdown();
            return fresh.awaitTermination(deadlineNanos);
        }
        return true;
    }

    /** The JavaFX thread's executor (direct in tests). */
    public Executor fx() {
        return fx;
    }
}
