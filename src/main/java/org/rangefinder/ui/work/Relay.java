package org.rangefinder.ui.work;

import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.rangefinder.engine.StepThreads;

/**
 * The {@link StepThreads} of one of the window's runs: the run's own thread, the conductor, keeps the window's
 * priority and waits while the heavy work (the network built, the steps) runs on a carrier thread, below the window
 * or not as {@link BackgroundPriority#lowerNow} decides; the carrier is replaced when that decision changes.
 *
 * <p>Linux lets no unprivileged thread leave {@code SCHED_IDLE}, so a thread lowered on an idle machine stays lowered,
 * and when other programs then fill every core it gets almost no CPU. The JVM, which stops all its threads for each
 * garbage collection once each has reached a safepoint, then waits for it, and the window with it: with two busy
 * loops on two cores, up to 4.4 s at a time. So the relay decides again before a piece once
 * {@value #DECIDE_EVERY_MS} ms have passed since it last decided, and when the answer is not its carrier's kind, it
 * retires the carrier and starts a fresh one of the right kind. The conductor starts it, and a new thread inherits
 * the scheduling of the thread that starts it: the window's, lowered by the carrier itself when it is to be.
 * Lowering waits for a decision, at most every {@value #DECIDE_EVERY_MS} ms (the span over which
 * {@link OtherPrograms} measures), which keeps a load near the threshold from replacing the carrier at each step
 * (each new thread makes ND4J's workspaces anew); raising does not wait: a lowered carrier hands its loop back every
 * {@value #RAISE_CHECK_MS} ms, and is replaced at once when the load calls for the window's priority. A carrier that
 * started lowered from an idle span just before a load arrived would otherwise keep running starved, and holding up
 * the window's collections, for two seconds.
 *
 * <p>A loop's steps run in stints that last until the next decision is due ({@link #stintNanos}): handing a loop
 * over and back costs far more than the hand-over's few instructions once the idle cores have gone to sleep. 300
 * steps of a fixed 700 µs took 4.6 µs more per step through a relay than on one thread (medians of 30 interleaved
 * rounds on the two-core development machine; the carrier's start included), 9.2 µs with 15 ms stints, and 93.5 µs,
 * 13%, handing over each step.
 *
 * <p>So a run started on an idle machine of two cores is back at the window's priority about three quarters of a
 * second after other programs fill both cores (their load shows in the two-second measure after about half a second),
 * once the step then running has ended, starved; and it goes below the window again when they leave.
 *
 * <p>Every thread of a relay waits parked: the conductor while its carrier works, a carrier while it has nothing to
 * do. A parked thread counts as at a safepoint, so neither holds up a collection, however little CPU it gets. A
 * retired carrier is woken only to see that it is retired and return; nothing waits for it to end.
 *
 * <p>Call it from one thread at a time, the run's; close it when the run ends, which retires its carrier.
 */
public final class Relay extends StepThreads implements AutoCloseable {
    /** How long a decision holds: {@link OtherPrograms}'s span. */
    static final long DECIDE_EVERY_MS = OtherPrograms.SPAN_MS;
    /** How often a lowered carrier hands its loop back, to be raised if the load now calls for it. */
    static final long RAISE_CHECK_MS = 250;
    private final String name;
    private final DoubleSupplier coresLeft;
    private final long decideEveryNanos;
    private Carrier carrier;
    private long decidedAt;
    private int carriers;

    /** A relay whose carriers' threads are named {@code name-1}, {@code name-2}, ... */
    public Relay(String name) {
        this(name, OtherPrograms::coresLeft, DECIDE_EVERY_MS * 1_000_000);
    }

    /**
     * A relay that reads the cores other programs leave over from {@code coresLeft} and decides again at most every
     * {@code decideEveryNanos} (tests).
     */
    Relay(String name, DoubleSupplier coresLeft, long decideEveryNanos) {
        this.name = name;
        this.coresLeft = coresLeft;
        this.decideEveryNanos = decideEveryNanos;
    }

    @Override
    protected <T> T onThread(Supplier<T> work) {
        long now = System.nanoTime();
        boolean due = carrier == null || now - decidedAt >= decideEveryNanos;
        if (due || carrier.lowered) {
            boolean lower = BackgroundPriority.lowerNow(coresLeft);
            if (carrier == null || carrier.lowered != lower && (due || !lower)) {
                close();
                carrier = new Carrier(lower, name + "-" + ++carriers);
                decidedAt = now;
            } else if (due) {
                decidedAt = now;
            }
        }
        return carrier.run(work);
    }

    /**
     * Until the next decision is due, and for a lowered carrier at most {@value #RAISE_CHECK_MS} ms: a carrier hands a
     * loop back only to be kept or replaced.
     */
    @Override
    protected long stintNanos() {
        long untilDecision = decidedAt + decideEveryNanos - System.nanoTime();
        return carrier != null && carrier.lowered ? Math.min(untilDecision, RAISE_CHECK_MS * 1_000_000) : untilDecision;
    }

    /** Retires the carrier, if any; a later piece would start another. */
    @Override
    public void close() {
        if (carrier != null) {
            carrier.retire();
            carrier = null;
        }
    }

    /** A daemon thread that runs the pieces handed to it, one at a time, until it is retired. */
    private static final class Carrier {
        final boolean lowered;
        private final Thread thread;
        /** The piece handed over and not yet taken up; null when there is none. */
        private volatile Supplier<?> handed;
        /** Whether the piece taken up has ended; its result or failure is written before. */
        private volatile boolean done;
        private volatile boolean retired;
        private Thread conductor;
        private Object result;
        private Throwable failure;

        Carrier(boolean lowered, String name) {
            this.lowered = lowered;
            this.thread = new Thread(this::serve, name);
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            if (lowered) {
                BackgroundPriority.lowerCurrentThread();
            }
            while (true) {
                Supplier<?> piece = handed;
                if (piece == null) {
                    if (retired) {
                        return;
                    }
                    LockSupport.park(this);
                    continue;
                }
                handed = null;
                try {
                    result = piece.get();
                } catch (Throwable t) { // whatever it is, the conductor waits for it
                    failure = t;
                }
                done = true;
                LockSupport.unpark(conductor);
            }
        }

        /** Hands {@code work} over and waits, parked, for its end; an interrupt is kept for after. */
        @SuppressWarnings("unchecked")
        <T> T run(Supplier<T> work) {
            conductor = Thread.currentThread();
            done = false;
            handed = work;
            LockSupport.unpark(thread);
            boolean interrupted = false;
            while (!done) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
            if (interrupted) {
                conductor.interrupt();
            }
            T value = (T) result;
            Throwable thrown = failure;
            result = null;
            failure = null;
            if (thrown instanceof RuntimeException e) {
                throw e;
            }
            if (thrown instanceof Error e) {
                throw e;
            }
            if (thrown != null) {
                throw new IllegalStateException(thrown);
            }
            return value;
        }

        void retire() {
            retired = true;
            LockSupport.unpark(thread);
        }
    }
}
