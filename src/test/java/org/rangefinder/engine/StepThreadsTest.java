package org.rangefinder.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.rangefinder.UserInputException;

/** A run's loop, its stints and its pieces' ends, on the calling thread and on a new thread each piece. */
class StepThreadsTest {

    /** Counts the pieces it runs, on the calling thread, with stints of the given length. */
    private static final class Counting extends StepThreads {
        private final long stint;
        int pieces;

        Counting(long stint) {
            this.stint = stint;
        }

        @Override
        protected <T> T onThread(Supplier<T> work) {
            pieces++;
            return work.get();
        }

        @Override
        protected long stintNanos() {
            return stint;
        }
    }

    @Test
    void aLoopRunsItsStepsInOrderUntilOneGivesAReasonToStop() {
        for (StepThreads threads : List.of(StepThreads.INLINE, new NewThreadEachPiece())) {
            List<Integer> ran = new ArrayList<>();
            StopReason reason = threads.loop(10, new CancelToken(), i -> {
                ran.add(i);
                return i == 3 ? StopReason.DIVERGED : null;
            });
            assertThat(reason).isEqualTo(StopReason.DIVERGED);
            assertThat(ran).containsExactly(0, 1, 2, 3);
        }
    }

    @Test
    void aLoopNoStepStopsCompletesAfterItsLastStep() {
        List<Integer> ran = new ArrayList<>();
        assertThat(StepThreads.INLINE.loop(4, new CancelToken(), i -> {
            ran.add(i);
            return null;
        })).isEqualTo(StopReason.COMPLETED);
        assertThat(ran).containsExactly(0, 1, 2, 3);
        assertThat(StepThreads.INLINE.loop(0, new CancelToken(), i -> {
            throw new AssertionError("no step to run");
        })).isEqualTo(StopReason.COMPLETED);
    }

    @Test
    void cancelIsCheckedBeforeEveryStep() {
        for (StepThreads threads : List.of(StepThreads.INLINE, new NewThreadEachPiece())) {
            CancelToken cancel = new CancelToken();
            List<Integer> ran = new ArrayList<>();
            StopReason reason = threads.loop(10, cancel, i -> {
                ran.add(i);
                if (i == 2) {
                    cancel.cancel();
                }
                return null;
            });
            assertThat(reason).isEqualTo(StopReason.CANCELLED);
            assertThat(ran).containsExactly(0, 1, 2);
        }
        CancelToken before = new CancelToken();
        before.cancel();
        assertThat(StepThreads.INLINE.loop(10, before, i -> {
            throw new AssertionError("cancelled before the first step");
        })).isEqualTo(StopReason.CANCELLED);
    }

    @Test
    void aStintRunsStepsInARowUntilItsTimeIsUp() {
        Counting oneByOne = new Counting(0);
        assertThat(oneByOne.loop(5, new CancelToken(), i -> null)).isEqualTo(StopReason.COMPLETED);
        assertThat(oneByOne.pieces).as("a piece each step").isEqualTo(5);
        Counting endless = new Counting(Long.MAX_VALUE);
        assertThat(endless.loop(5, new CancelToken(), i -> null)).isEqualTo(StopReason.COMPLETED);
        assertThat(endless.pieces).as("five steps in a stint that never runs out").isEqualTo(1);
        Counting tenMillis = new Counting(10_000_000);
        tenMillis.loop(3, new CancelToken(), i -> {
            sleep(20);
            return null;
        });
        assertThat(tenMillis.pieces).as("each 20 ms step outlasts a 10 ms stint").isEqualTo(3);
    }

    @Test
    void inlineRunsEveryPieceOnTheCallingThreadAndTheOtherANewThreadEachStep() {
        Thread caller = Thread.currentThread();
        List<Thread> ran = new ArrayList<>();
        StepThreads.INLINE.loop(3, new CancelToken(), i -> {
            ran.add(Thread.currentThread());
            return null;
        });
        assertThat(StepThreads.INLINE.call(Thread::currentThread)).isSameAs(caller);
        assertThat(ran).containsOnly(caller);
        NewThreadEachPiece newThreads = new NewThreadEachPiece();
        newThreads.loop(3, new CancelToken(), i -> null);
        assertThat(newThreads.call(Thread::currentThread)).isNotSameAs(caller);
        assertThat(newThreads.threads()).isEqualTo(4);
    }

    @Test
    void whatAPieceThrowsReachesTheCallerUnchanged() {
        RuntimeException refused = new UserInputException("refused");
        Error error = new OutOfMemoryError("native memory");
        for (StepThreads threads : List.of(StepThreads.INLINE, new NewThreadEachPiece())) {
            assertThatThrownBy(() -> threads.call(() -> {
                throw refused;
            })).isSameAs(refused);
            assertThatThrownBy(() -> threads.loop(3, new CancelToken(), i -> {
                throw error;
            })).isSameAs(error);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
