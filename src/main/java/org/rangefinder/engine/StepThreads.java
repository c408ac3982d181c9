package org.rangefinder.engine;

import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The threads a run's heavy work runs on. A range test or a training hands each heavy piece to {@link #call}
 * (building its network, computing its schedules) and its steps to {@link #loop}; the rest (preparing, timing,
 * assembling the result) stays on the thread that called the run. {@code call} runs its piece on a thread of this
 * one's choosing and returns what it returned, or throws what it threw, unchanged (a {@code UserInputException} as
 * well as an {@code Error}); {@code loop} runs the steps so, several in a row on one thread where it chooses.
 *
 * <p>A run's pieces run one at a time, in order, and each sees what the ones before it left: an implementation
 * orders memory between handing a piece over and taking its end back as a lock would. A piece computes the same on
 * any thread, so a run's results are bit-identical whatever thread each piece runs on: every thread is set up by
 * {@link NativeThreads#ensureConfigured()} before it runs a piece (OpenMP's thread count is per thread), and ND4J's
 * workspaces, also per thread, are opened and closed by DL4J within each fit and output call, so none is open
 * between two pieces.
 *
 * <p>{@link #INLINE} runs everything on the calling thread, a loop's steps all in one go: the command line's and
 * the benchmark's runs, at no cost. The window hands the pieces to a thread that it can replace between any two of
 * them, as other programs' load changes.
 */
public abstract class StepThreads {
    /** Runs every piece on the calling thread. */
    public static final StepThreads INLINE = new StepThreads() {
        @Override
        protected <T> T onThread(Supplier<T> work) {
            return work.get();
        }

        @Override
        protected long stintNanos() {
            return Long.MAX_VALUE;
        }
    };

    /** Runs {@code work} on a thread of this one's choosing and returns its result; throws what it threw. */
    protected abstract <T> T onThread(Supplier<T> work);

    /**
     * How long, from now, the thread that calls it may run a loop's steps in a row before it hands the loop back;
     * called as each stint starts. 0, as here: one step each time.
     */
    protected long stintNanos() {
        return 0;
    }

    /** Runs {@code work} on a thread set up for the engine and returns its result; throws what it threw. */
    public final <T> T call(Supplier<T> work) {
        return onThread(() -> {
            NativeThreads.ensureConfigured();
            return work.get();
        });
    }

    /**
     * Initialises the engine, its heavy work on a thread of this one's choosing, its deallocator threads started by
     * the calling thread ({@link NativeThreads#initialise}); nothing when it is initialised already.
     */
    public final void initialiseEngine() {
        NativeThreads.initialise(work -> onThread(() -> {
            work.run();
            return null;
        }));
    }

    /**
     * Runs {@code step} for 0, 1, ... {@code n - 1} in order, until one returns a reason to stop (null: go on), or
     * until {@code cancel} is set, which is checked before every step. Returns that reason, {@code CANCELLED}, or
     * {@code COMPLETED} once all {@code n} have run. The steps run as pieces of {@link #call}'s, in stints of
     * {@link #stintNanos()}: what a step calls (a run's listener) is called on the thread that runs it.
     */
    public final StopReason loop(int n, CancelToken cancel, IntFunction<StopReason> step) {
        Loop loop = new Loop(n, cancel, step);
        while (loop.reason == null) {
            call(() -> loop.stint(stintNanos()));
        }
        return loop.reason;
    }

    /** How far a loop is: written by the threads that run its stints, one after another. */
    private static final class Loop {
        private final int n;
        private final CancelToken cancel;
        private final IntFunction<StopReason> step;
        private int next;
        private StopReason reason;

        Loop(int n, CancelToken cancel, IntFunction<StopReason> step) {
            this.n = n;
            this.cancel = cancel;
            this.step = step;
            this.reason = n == 0 ? StopReason.COMPLETED : null;
        }

        /** Runs steps until the loop ends or {@code nanos} have passed (at least one step, or the cancel check). */
        Void stint(long nanos) {
            long start = System.nanoTime();
            do {
                reason = cancel.isCancelled() ? StopReason.CANCELLED : step.apply(next++);
                if (reason == null && next == n) {
                    reason = StopReason.COMPLETED;
                }
            } while (reason == null && System.nanoTime() - start < nanos);
            return null;
        }
    }
}
