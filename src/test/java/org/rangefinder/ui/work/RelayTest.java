package org.rangefinder.ui.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rangefinder.SystemProperty;
import org.rangefinder.TestData;
import org.rangefinder.UserInputException;
import org.rangefinder.data.Dataset;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.engine.StepThreads;
import org.rangefinder.engine.StopReason;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.RangeTest;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestListener;
import org.rangefinder.rangetest.RangeTestResult;

/**
 * A relay runs each piece on a carrier of the kind the load calls for, replacing it when that changes. The load is
 * the tests' own ({@code coresLeft}), and {@link BackgroundPriority#PROPERTY} is set to neither {@code normal} (the
 * suite's) nor {@code idle}, so that the load decides, as in the window.
 */
class RelayTest {
    private static final long NO_WAIT = 0;
    private static final long AN_HOUR = TimeUnit.HOURS.toNanos(1);
    private SystemProperty byTheLoad;

    @BeforeEach
    void asTheWindowDecides() {
        byTheLoad = SystemProperty.set(BackgroundPriority.PROPERTY, "auto");
    }

    @AfterEach
    void asTheSuiteRuns() {
        byTheLoad.close();
    }

    /** Which thread ran a piece, and at what priority. */
    private record Ran(Thread thread, Priority priority) {
        static Ran here() {
            return new Ran(Thread.currentThread(), Priority.ofCurrentThread());
        }
    }

    /** The relay's carrier has ended by then (a carrier is a daemon thread that returns once retired). */
    private static void assertEnds(Thread carrier) throws InterruptedException {
        carrier.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(carrier.isAlive()).as("%s retired", carrier.getName()).isFalse();
    }

    @Test
    void theCarrierIsReplacedWhenTheLoadCallsForTheOtherKindAndTheRetiredOneEnds() throws Exception {
        Priority window = Priority.ofCurrentThread();
        double[] coresLeft = {2.0};
        Ran idle;
        Ran busy;
        Ran idleAgain;
        try (Relay relay = new Relay("test-relay", () -> coresLeft[0], NO_WAIT)) {
            idle = relay.call(Ran::here);
            assertThat(relay.call(Ran::here).thread()).as("kept while the load is the same").isSameAs(idle.thread());
            coresLeft[0] = 0.5; // other programs fill the machine
            busy = relay.call(Ran::here);
            assertEnds(idle.thread());
            coresLeft[0] = 1.6;
            idleAgain = relay.call(Ran::here);
            assertEnds(busy.thread());
        }
        assertEnds(idleAgain.thread());
        assertThat(List.of(idle.thread(), busy.thread(), idleAgain.thread())).extracting(Thread::getName)
                .containsExactly("test-relay-1", "test-relay-2", "test-relay-3");
        Priority.assertBelowTheWindow(idle.priority());
        assertThat(busy.priority()).as("the window's, as the conductor's").isEqualTo(window);
        Priority.assertBelowTheWindow(idleAgain.priority());
        assertThat(window.java()).isGreaterThan(Thread.MIN_PRIORITY);
    }

    @Test
    void aDecisionToLowerWaitsForItsSpan() {
        double[] coresLeft = {0.0};
        AtomicInteger readings = new AtomicInteger();
        try (Relay relay = new Relay("test-relay", () -> {
            readings.incrementAndGet();
            return coresLeft[0];
        }, AN_HOUR)) {
            Thread first = relay.call(Thread::currentThread);
            coresLeft[0] = 2.0; // the machine is idle again
            assertThat(relay.call(Thread::currentThread)).isSameAs(first);
            assertThat(relay.loop(5, new CancelToken(), i -> null)).isEqualTo(StopReason.COMPLETED);
            assertThat(relay.call(Thread::currentThread)).isSameAs(first);
        }
        assertThat(readings.get()).as("read once, as the first carrier started").isEqualTo(1);
    }

    /** A carrier lowered just before a load arrived is not left starving until the decision's span has passed. */
    @Test
    void aLoweredCarrierIsRaisedAtOnce() {
        Priority window = Priority.ofCurrentThread();
        double[] coresLeft = {2.0};
        try (Relay relay = new Relay("test-relay", () -> coresLeft[0], AN_HOUR)) {
            Thread lowered = relay.call(Thread::currentThread);
            assertThat(relay.call(Thread::currentThread)).as("kept while the machine is idle").isSameAs(lowered);
            coresLeft[0] = 0.0;
            assertThat(relay.call(Priority::ofCurrentThread)).isEqualTo(window);
            assertThat(relay.call(Thread::currentThread)).isNotSameAs(lowered);
        }
    }

    @Test
    void thePropertyOverridesTheLoad() throws Exception {
        Priority window = Priority.ofCurrentThread();
        try (SystemProperty normal = SystemProperty.set(BackgroundPriority.PROPERTY, "normal");
             Relay relay = new Relay("test-relay", () -> 2.0, NO_WAIT)) {
            assertThat(relay.call(Priority::ofCurrentThread)).isEqualTo(window);
        }
        try (SystemProperty idle = SystemProperty.set(BackgroundPriority.PROPERTY, "idle");
             Relay relay = new Relay("test-relay", () -> 0.0, NO_WAIT)) {
            Priority.assertBelowTheWindow(relay.call(Priority::ofCurrentThread));
        }
    }

    @Test
    void aLoopRunsOnOneCarrierUntilTheNextDecision() {
        List<Thread> ran = new ArrayList<>();
        try (Relay relay = new Relay("test-relay", () -> 2.0, AN_HOUR)) {
            assertThat(relay.loop(50, new CancelToken(), i -> {
                ran.add(Thread.currentThread());
                return null;
            })).isEqualTo(StopReason.COMPLETED);
        }
        assertThat(ran).hasSize(50).containsOnly(ran.get(0)).doesNotContain(Thread.currentThread());
    }

    @Test
    void whatAPieceThrowsReachesTheConductorUnchangedAndTheCarrierGoesOn() {
        RuntimeException refused = new UserInputException("refused");
        Error error = new OutOfMemoryError("native memory");
        try (Relay relay = new Relay("test-relay", () -> 2.0, AN_HOUR)) {
            Thread carrier = relay.call(Thread::currentThread);
            assertThatThrownBy(() -> relay.call(() -> {
                throw refused;
            })).isSameAs(refused);
            assertThatThrownBy(() -> relay.loop(3, new CancelToken(), i -> {
                throw error;
            })).isSameAs(error);
            assertThat(relay.call(Thread::currentThread)).isSameAs(carrier);
        }
    }

    /** A parked thread lets the JVM's safepoints pass however little CPU it gets: the conductor waits so. */
    @Test
    void theConductorWaitsParkedWhileAPieceRuns() {
        Thread conductor = Thread.currentThread();
        try (Relay relay = new Relay("test-relay", () -> 2.0, AN_HOUR)) {
            Thread.State seen = relay.call(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (conductor.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                return conductor.getState();
            });
            assertThat(seen).isEqualTo(Thread.State.WAITING);
        }
    }

    @Test
    void anInterruptWhileAPieceRunsIsKeptForAfterIt() throws Exception {
        Thread conductor = Thread.currentThread();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Thread interrupter = new Thread(() -> {
            try {
                started.await();
                conductor.interrupt();
                interrupted.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        interrupter.start();
        try (Relay relay = new Relay("test-relay", () -> 2.0, AN_HOUR)) {
            int result = relay.call(() -> {
                started.countDown();
                try {
                    interrupted.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return 42;
            });
            assertThat(result).isEqualTo(42);
            assertThat(Thread.interrupted()).as("the conductor's interrupt, kept").isTrue();
        }
        interrupter.join();
    }

    /**
     * A range test relayed through carriers of both kinds in turn, a new one each step, draws the curve it draws on
     * one thread; and a cancel stops it before the next step, as on one thread.
     */
    @Test
    void aRelayedRangeTestGivesTheSameCurveAndStopsWithinOneStepOfACancel() {
        Dataset iris = TestData.load("iris");
        RangeTestConfig config = RangeTestConfig.defaults("iris", ModelSpec.preset("mlp")).withIterations(12)
                .withBatchSize(16);
        RangeTestResult inline = RangeTest.run(iris, config, RangeTestListener.NONE, new CancelToken(),
                StepThreads.INLINE);
        AtomicInteger readings = new AtomicInteger();
        List<Thread> carriers = new ArrayList<>();
        RangeTestResult relayed;
        try (Relay relay = new Relay("test-relay", () -> readings.getAndIncrement() % 2 == 0 ? 2.0 : 0.0,
                NO_WAIT)) {
            relayed = RangeTest.run(iris, config, p -> carriers.add(Thread.currentThread()), new CancelToken(),
                    relay);
        }
        assertThat(carriers).hasSize(12).doesNotHaveDuplicates();
        assertThat(relayed.losses()).containsExactly(inline.losses());
        assertThat(relayed.smoothedLosses()).containsExactly(inline.smoothedLosses());

        CancelToken cancel = new CancelToken();
        RangeTestResult cancelled;
        try (Relay relay = new Relay("test-relay")) {
            cancelled = RangeTest.run(iris, config.withIterations(100), p -> {
                if (p.iteration() == 9) {
                    cancel.cancel();
                }
            }, cancel, relay);
        }
        assertThat(cancelled.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(cancelled.points()).hasSize(10);
    }
}
