package org.rangefinder.ui.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rangefinder.engine.StopReason;

/** A run's state through its life, against hand-counted values; the FX thread is the caller unless said. */
class RunStateTest {
    private final AtomicInteger hooks = new AtomicInteger();

    private RunState direct(int steps) {
        return new RunState(Runnable::run, steps, hooks::incrementAndGet);
    }

    @Test
    void aNewRunIsQueuedWithNothingDone() {
        RunState state = direct(4);
        assertThat(state.statusProperty().get()).isEqualTo(RunStatus.QUEUED);
        assertThat(state.progressProperty().get()).isZero();
        assertThat(state.secondsProperty().get()).isZero();
        assertThat(state.stopReasonProperty().get()).isNull();
        assertThat(state.failureProperty().get()).isNull();
        assertThat(hooks).hasValue(0);
    }

    @Test
    void stepsShowAsTheShareDoneWhileItRuns() throws InterruptedException {
        RunState state = direct(4);
        state.started();
        assertThat(state.statusProperty().get()).isEqualTo(RunStatus.RUNNING);
        assertThat(state.progressProperty().get()).isZero();
        state.stepDone();
        state.stepDone();
        Thread.sleep(20);
        state.stepDone();
        assertThat(state.progressProperty().get()).isEqualTo(0.75); // 3 of 4
        assertThat(state.secondsProperty().get()).isBetween(0.02, 60.0);
        state.changed();
        assertThat(state.progressProperty().get()).isEqualTo(0.75);
        assertThat(hooks).hasValue(5); // started, three steps, one change
    }

    @Test
    void theEndSetsTheEnginesFiguresAndLaterUpdatesChangeNothing() {
        RunState state = direct(4);
        state.started();
        state.stepDone();
        state.finished(StopReason.DIVERGED, 2.5, 0.5);
        assertThat(state.statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(state.stopReasonProperty().get()).isEqualTo(StopReason.DIVERGED);
        assertThat(state.secondsProperty().get()).isEqualTo(2.5);
        assertThat(state.progressProperty().get()).isEqualTo(0.5);
        state.stepDone();
        state.changed();
        assertThat(state.progressProperty().get()).isEqualTo(0.5);
        assertThat(state.secondsProperty().get()).isEqualTo(2.5);
        assertThat(hooks).hasValue(2); // started, one step
    }

    @Test
    void aFailureKeepsItsMessage() {
        RunState state = direct(4);
        state.started();
        state.failed("out of memory");
        assertThat(state.statusProperty().get()).isEqualTo(RunStatus.FAILED);
        assertThat(state.failureProperty().get()).isEqualTo("out of memory");
        assertThat(state.stopReasonProperty().get()).isNull();
    }

    @Test
    void aWorkerOnlyAsksAndTheFxThreadUpdatesOnceForManySteps() {
        List<Runnable> fxQueue = new ArrayList<>();
        RunState state = new RunState(fxQueue::add, 10, hooks::incrementAndGet);
        state.started();
        state.stepDone();
        state.stepDone();
        state.stepDone();
        assertThat(fxQueue).hasSize(1);
        assertThat(state.statusProperty().get()).isEqualTo(RunStatus.QUEUED);
        assertThat(state.progressProperty().get()).isZero();
        fxQueue.remove(0).run();
        assertThat(state.statusProperty().get()).isEqualTo(RunStatus.RUNNING);
        assertThat(state.progressProperty().get()).isEqualTo(0.3); // 3 of 10
        assertThat(hooks).hasValue(1);
        state.stepDone();
        assertThat(fxQueue).hasSize(1);
    }

    @Test
    void cancellingAQueuedRunTakesItOffTheQueueAndEndsIt() {
        RunState state = direct(4);
        FutureTask<Void> task = new FutureTask<>(() -> null);
        state.setTask(task);
        assertThat(state.cancel()).isTrue();
        assertThat(task.isCancelled()).isTrue();
        assertThat(state.cancelToken().isCancelled()).isTrue();
        assertThat(state.statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(state.stopReasonProperty().get()).isEqualTo(StopReason.CANCELLED);
        assertThat(state.progressProperty().get()).isZero();
    }

    @Test
    void cancellingARunningRunLeavesItsEndToTheWorker() {
        RunState state = direct(4);
        FutureTask<Void> task = new FutureTask<>(() -> null);
        state.setTask(task);
        state.started();
        assertThat(state.cancel()).isFalse();
        assertThat(task.isCancelled()).isFalse();
        assertThat(state.cancelToken().isCancelled()).isTrue();
        assertThat(state.statusProperty().get()).isEqualTo(RunStatus.RUNNING);
        assertThat(state.stopReasonProperty().get()).isNull();
    }

    /** As the window closes: work that threw has failed, unless it was its own cancel that stopped it. */
    @Test
    void workThatThrewForAnotherReasonThanItsCancelHasFailed() {
        RunState failing = direct(4);
        FutureTask<Void> broke = new FutureTask<>(() -> {
            throw new IllegalStateException("out of memory");
        });
        failing.setTask(broke);
        assertThat(failing.workFailed()).as("not ended yet").isFalse();
        broke.run();
        assertThat(failing.workFailed()).isTrue();
        assertThat(failing.workResult()).isNull();

        RunState cancelled = direct(4);
        FutureTask<Void> stopped = new FutureTask<>(() -> {
            throw new java.util.concurrent.CancellationException("loading cancelled");
        });
        cancelled.setTask(stopped);
        cancelled.started();
        cancelled.cancel();
        stopped.run();
        assertThat(cancelled.workFailed()).as("stopped by its own cancel").isFalse();

        RunState finished = direct(4);
        FutureTask<String> done = new FutureTask<>(() -> "result");
        finished.setTask(done);
        done.run();
        assertThat(finished.workFailed()).isFalse();
        assertThat(finished.workResult()).isEqualTo("result");
    }

    @Test
    void aQueuedRunWhoseTaskCannotBeCancelledIsLeftToTheWorker() {
        RunState noTask = direct(4);
        assertThat(noTask.cancel()).isFalse();
        assertThat(noTask.cancelToken().isCancelled()).isTrue();
        assertThat(noTask.statusProperty().get()).isEqualTo(RunStatus.QUEUED);

        RunState taken = direct(4);
        FutureTask<Void> task = new FutureTask<>(() -> null);
        task.run(); // the worker got there first: the update it asked for is still on its way
        taken.setTask(task);
        assertThat(taken.cancel()).isFalse();
        assertThat(taken.statusProperty().get()).isEqualTo(RunStatus.QUEUED);
    }

    @Test
    void anImportedCurveIsComplete() {
        RunState state = RunState.imported();
        assertThat(state.statusProperty().get()).isEqualTo(RunStatus.IMPORTED);
        assertThat(state.progressProperty().get()).isEqualTo(1.0);
        assertThat(state.stopReasonProperty().get()).isNull();
        assertThat(state.statusProperty().get().isActive()).isFalse();
    }

    /**
     * A run of the run history shows as it ended: cancelled after 16 of its 2000 iterations, 0.8 % of the bar and the
     * seconds it took; without the iterations it was set to run, a full bar; without its time, no duration.
     */
    @Test
    void aRecordedRunIsShownAsItEnded() {
        RunState cancelled = RunState.recorded(StopReason.CANCELLED, 16, 2000, 0.84);
        assertThat(cancelled.statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(cancelled.stopReasonProperty().get()).isEqualTo(StopReason.CANCELLED);
        assertThat(cancelled.outcomeText().get()).isEqualTo("cancelled");
        assertThat(cancelled.progressProperty().get()).isEqualTo(0.008);
        assertThat(cancelled.durationText().get()).isEqualTo("0.8 s");
        assertThat(cancelled.ended().get()).isTrue();

        RunState unplanned = RunState.recorded(StopReason.DIVERGED, 23, 0, Double.NaN);
        assertThat(unplanned.outcomeText().get()).isEqualTo("diverged");
        assertThat(unplanned.progressProperty().get()).isEqualTo(1.0);
        assertThat(unplanned.durationText().get()).isEmpty();
    }

    @Test
    void theTextsAListShowsFollowTheRun() {
        RunState state = direct(4);
        assertThat(state.statusText().get()).isEqualTo("queued");
        assertThat(state.stopReasonText().get()).isEmpty();
        assertThat(state.outcomeText().get()).isEqualTo("queued");
        assertThat(state.durationText().get()).isEqualTo("0.0 s");
        assertThat(state.ended().get()).isFalse();
        state.started();
        assertThat(state.statusText().get()).isEqualTo("running");
        assertThat(state.outcomeText().get()).isEqualTo("running");
        assertThat(state.ended().get()).isFalse();
        state.finished(StopReason.DIVERGED, 2.46, 0.5);
        assertThat(state.statusText().get()).isEqualTo("finished");
        assertThat(state.stopReasonText().get()).isEqualTo("diverged");
        assertThat(state.outcomeText().get()).isEqualTo("diverged");
        assertThat(state.durationText().get()).isEqualTo("2.5 s");
        assertThat(state.ended().get()).isTrue();

        RunState failed = direct(4);
        failed.failed("out of memory");
        assertThat(failed.statusText().get()).isEqualTo("failed: out of memory");
        assertThat(failed.outcomeText().get()).isEqualTo("failed: out of memory");
        assertThat(failed.ended().get()).isTrue();

        RunState imported = RunState.imported();
        assertThat(imported.statusText().get()).isEqualTo("imported");
        assertThat(imported.durationText().get()).isEmpty();
        assertThat(imported.stopReasonText().get()).isEmpty();
        assertThat(imported.outcomeText().get()).isEqualTo("imported");
        assertThat(imported.ended().get()).isTrue();
    }
}
