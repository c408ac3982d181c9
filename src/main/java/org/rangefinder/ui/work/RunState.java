package org.rangefinder.ui.work;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.engine.StopReason;

/**
 * Where a run on a worker stands, as the window follows it: its status, the share of its steps done, the seconds it
 * has taken, why it stopped or the error that ended it; and the handles to stop it. A range test and a training run
 * each keep one and add what is their own (curves, results). The worker only counts steps and asks for an update
 * ({@link FxCoalescer}); the properties change on the FX thread only.
 */
public final class RunState {
    private final int steps;
    private final Runnable onProgress;
    private final FxCoalescer progressUpdate;
    private final AtomicInteger done = new AtomicInteger();
    private final CancelToken cancel = new CancelToken();
    private volatile long startNanos;
    private Future<?> task;

    private final ReadOnlyObjectWrapper<RunStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyDoubleWrapper seconds = new ReadOnlyDoubleWrapper(this, "seconds");
    private final ReadOnlyObjectWrapper<StopReason> stopReason = new ReadOnlyObjectWrapper<>(this, "stopReason");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");

    // what a list of runs shows, made once per run (a table cell asks again each time it updates)
    private final BooleanBinding ended = Bindings.createBooleanBinding(() -> !status.get().isActive(), status);
    private final StringBinding statusText = Bindings.createStringBinding(
            () -> status.get() == RunStatus.FAILED ? "failed: " + failure.get() : status.get().text(), status, failure);
    private final StringBinding stopReasonText = Bindings.createStringBinding(
            () -> stopReason.get() == null ? "" : stopReason.get().id(), stopReason);
    private final StringBinding outcomeText = Bindings.createStringBinding(
            () -> status.get() == RunStatus.FINISHED && stopReason.get() != null ? stopReason.get().id()
                    : statusText.get(), status, stopReason, failure);
    private final StringBinding durationText = Bindings.createStringBinding(
            () -> Double.isNaN(seconds.get()) ? "" : String.format(Locale.ROOT, "%.1f s", seconds.get()), seconds);

    /**
     * A run waiting for a worker.
     *
     * @param fx         runs the updates on the FX thread
     * @param steps      the steps the run takes if it is not stopped; progress is the share of them done
     * @param onProgress run on the FX thread with each update while the run is going, for what the run shows besides
     *                   (the last validation accuracy of a training run)
     */
    public RunState(Executor fx, int steps, Runnable onProgress) {
        this.steps = steps;
        this.onProgress = onProgress;
        this.progressUpdate = new FxCoalescer(fx, this::showProgress);
        status.set(RunStatus.QUEUED);
    }

    /** A run that ended before the window showed it. */
    private RunState(RunStatus status, StopReason reason, double progress, double seconds) {
        this.steps = 0;
        this.onProgress = null;
        this.progressUpdate = null;
        this.stopReason.set(reason);
        this.progress.set(progress);
        this.seconds.set(seconds);
        this.status.set(status);
    }

    /** A curve made elsewhere: complete, and never run, so it took no time here. */
    public static RunState imported() {
        return new RunState(RunStatus.IMPORTED, null, 1, Double.NaN);
    }

    /**
     * A run of the run history, as it ended: finished with its stop reason, its progress the share of its steps it
     * recorded, as a run's progress when it ends.
     *
     * @param done    the steps it recorded
     * @param steps   the steps it was set to take; 0 where its record does not say (a full bar)
     * @param seconds the seconds it took; NaN where its record does not say (no duration)
     */
    public static RunState recorded(StopReason reason, int done, int steps, double seconds) {
        return new RunState(RunStatus.FINISHED, reason, steps == 0 ? 1 : (double) done / steps, seconds);
    }

    // ---- worker thread ----------------------------------------------------------------------------------------

    /** The worker has taken the run up: its time starts now. */
    public void started() {
        startNanos = System.nanoTime();
        progressUpdate.request();
    }

    /** The worker has done one more step. */
    public void stepDone() {
        done.incrementAndGet();
        progressUpdate.request();
    }

    /** Something besides a step that {@code onProgress} shows has changed. */
    public void changed() {
        progressUpdate.request();
    }

    /** Checked by the engine between steps. */
    public CancelToken cancelToken() {
        return cancel;
    }

    // ---- FX thread --------------------------------------------------------------------------------------------

    private void showProgress() {
        if (status.get() == RunStatus.QUEUED) {
            status.set(RunStatus.RUNNING);
        }
        if (status.get() == RunStatus.RUNNING) {
            progress.set((double) done.get() / steps);
            seconds.set((System.nanoTime() - startNanos) / 1e9);
            onProgress.run();
        }
    }

    /**
     * The run has ended with a result; the run sets what it keeps of that result first, as the status, set last,
     * is what the window waits for.
     *
     * @param progress the share of the steps it did, from the result
     */
    public void finished(StopReason reason, double elapsedSeconds, double progress) {
        stopReason.set(reason);
        seconds.set(elapsedSeconds);
        this.progress.set(progress);
        status.set(RunStatus.FINISHED);
    }

    public void failed(String message) {
        failure.set(message);
        status.set(RunStatus.FAILED);
    }

    /**
     * The run's work threw {@code error}. A run cancelled while it waited for its data (the data source's
     * {@link CancellationException}) ends cancelled, with no steps; anything else fails it, with the error in words.
     */
    public void stoppedBy(Throwable error) {
        if (error instanceof CancellationException && cancel.isCancelled()) {
            finished(StopReason.CANCELLED, (System.nanoTime() - startNanos) / 1e9, 0);
        } else {
            failed(Problems.describe(error));
        }
    }

    /** The worker's task; kept so that a run still queued can be taken off the queue. */
    public void setTask(Future<?> task) {
        this.task = task;
    }

    /**
     * What the run's work returned, once it has ended: read while the window closes, when the FX thread waits and
     * the results the workers handed it are still queued. Null when the work threw, was taken off the queue, or has
     * not ended.
     */
    public Object workResult() {
        if (task == null || !task.isDone() || task.isCancelled()) {
            return null;
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Whether the run's work ended by throwing for another reason than its cancel (a failure whose report may still
     * be queued for the FX thread): read while the window closes, as {@link #workResult}.
     */
    public boolean workFailed() {
        if (task == null || !task.isDone() || task.isCancelled()) {
            return false;
        }
        try {
            task.get();
            return false;
        } catch (ExecutionException e) {
            return !(e.getCause() instanceof CancellationException && cancel.isCancelled());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops the run within one step (what it has recorded is kept). One still queued is taken off the queue and
     * ends at once, cancelled with no steps, as no worker will report its end.
     *
     * @return whether it ended here, so that the caller does what it does when a run ends
     */
    public boolean cancel() {
        cancel.cancel();
        if (status.get() == RunStatus.QUEUED && task != null && task.cancel(false)) {
            stopReason.set(StopReason.CANCELLED);
            status.set(RunStatus.FINISHED);
            return true;
        }
        return false;
    }

    // ---- read by views ----------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<RunStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Share of the steps done, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /**
     * Seconds the run has taken (the engine's own measure once it has ended); NaN for an imported curve and a
     * recorded run whose record does not say.
     */
    public ReadOnlyDoubleProperty secondsProperty() {
        return seconds.getReadOnlyProperty();
    }

    /** Why it stopped; null until it has. */
    public ReadOnlyObjectProperty<StopReason> stopReasonProperty() {
        return stopReason.getReadOnlyProperty();
    }

    /** The error that ended a failed run. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** True once the run is neither queued nor running (it finished, failed, or is an imported curve). */
    public BooleanBinding ended() {
        return ended;
    }

    /** The status in a word, or {@code failed: } and the error. */
    public StringBinding statusText() {
        return statusText;
    }

    /** The stop reason's id ({@code diverged}), empty until the run has stopped. */
    public StringBinding stopReasonText() {
        return stopReasonText;
    }

    /**
     * Where the run stands in a word, and once it has ended, how: {@code queued}, {@code running}, then its stop
     * reason ({@code diverged}), {@code failed: } and the error, or {@code imported}.
     */
    public StringBinding outcomeText() {
        return outcomeText;
    }

    /**
     * The seconds taken to a tenth ({@code 2.5 s}); empty for an imported curve, which took none here, and for a
     * recorded run whose record does not say.
     */
    public StringBinding durationText() {
        return durationText;
    }
}
