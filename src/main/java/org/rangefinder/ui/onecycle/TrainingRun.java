package org.rangefinder.ui.onecycle;

import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.rangefinder.hyperparams.DatasetSection;
import org.rangefinder.model.Network;
import org.rangefinder.rangetest.Smoothing;
import org.rangefinder.train.EvaluationRecord;
import org.rangefinder.train.IterationRecord;
import org.rangefinder.train.Trainer;
import org.rangefinder.train.TrainingConfig;
import org.rangefinder.train.TrainingListener;
import org.rangefinder.train.TrainingResult;
import org.rangefinder.ui.chart.LiveCurve;
import org.rangefinder.ui.data.LoadedDataset;
import org.rangefinder.ui.work.RunState;

/**
 * One training run (the 1cycle run, or its constant-LR baseline) as the window follows it. The trainer's listener,
 * on the worker thread, appends to {@link LiveCurve}s against the iteration index: the raw training loss of each
 * step and its smoothed value (the same bias-corrected moving average as the range test, beta 0.98), the lr and
 * momentum the step used; and, at each evaluation, validation loss and accuracy against the number of steps done.
 */
public final class TrainingRun implements TrainingListener {
    private final String name;
    private final TrainingConfig config;
    private final int colorIndex;
    private final int totalIterations;
    private final double[] lrExtent;
    private final double[] momentumExtent;
    private final LiveCurve loss = new LiveCurve();
    private final LiveCurve smoothedLoss = new LiveCurve();
    private final LiveCurve valLoss = new LiveCurve();
    private final LiveCurve valAccuracy = new LiveCurve();
    private final LiveCurve lr = new LiveCurve();
    private final LiveCurve momentum = new LiveCurve();
    private final Smoothing.Ema ema = new Smoothing.Ema(Smoothing.DEFAULT_BETA);
    private final RunState state;
    private volatile double lastAccuracy = Double.NaN;
    private Network network;
    /** Whether {@link #network} is one to keep ({@link Trainer.Outcome#trained}); set on the FX thread. */
    private boolean trained;
    /** Written by the worker once it has the data, read on the FX thread once the run has ended. */
    private volatile DatasetSection dataset;
    /** Whether the network was saved; written by the thread that saved it, read on the FX thread. */
    private volatile boolean saved;

    private final ReadOnlyDoubleWrapper accuracy = new ReadOnlyDoubleWrapper(this, "accuracy", Double.NaN);
    private final ReadOnlyObjectWrapper<TrainingResult> result = new ReadOnlyObjectWrapper<>(this, "result");

    TrainingRun(String name, TrainingConfig config, int totalIterations, int colorIndex, Executor fx) {
        this.name = name;
        this.config = config;
        this.totalIterations = totalIterations;
        this.colorIndex = colorIndex;
        this.lrExtent = Trainer.learningRateExtent(config, totalIterations);
        this.momentumExtent = Trainer.momentumExtent(config, totalIterations);
        this.state = new RunState(fx, totalIterations, () -> accuracy.set(lastAccuracy));
    }

    // ---- worker thread ----------------------------------------------------------------------------------------

    /** The worker has the data the run is to train on. */
    void dataLoaded(LoadedDataset data) {
        dataset = data.description();
    }

    @Override
    public void iterationDone(IterationRecord r, int total) {
        loss.add(r.iteration(), r.loss());
        smoothedLoss.add(r.iteration(), ema.add(r.loss()));
        lr.add(r.iteration(), r.lr());
        momentum.add(r.iteration(), r.momentum());
        state.stepDone();
    }

    @Override
    public void evaluated(EvaluationRecord r) {
        valLoss.add(r.iteration(), r.valLoss());
        valAccuracy.add(r.iteration(), r.valAccuracy());
        lastAccuracy = r.valAccuracy();
        state.changed();
    }

    // ---- FX thread --------------------------------------------------------------------------------------------

    void finished(Trainer.Outcome outcome) {
        network = outcome.network();
        trained = outcome.trained();
        TrainingResult r = outcome.result();
        result.set(r);
        accuracy.set(r.finalValAccuracy());
        state.finished(r.stopReason(), r.elapsedSeconds(), (double) r.iterations().size() / r.totalIterations());
    }

    /** The trained network, once finished; to be touched on a worker thread only. */
    Network network() {
        return network;
    }

    // ---- read by views ----------------------------------------------------------------------------------------

    public String name() {
        return name;
    }

    public TrainingConfig config() {
        return config;
    }

    public int colorIndex() {
        return colorIndex;
    }

    /** The iterations the run will take if it is not stopped: epochs times the batches of an epoch. */
    public int totalIterations() {
        return totalIterations;
    }

    /** The smallest and largest learning rate the run's schedule will use. */
    public double[] lrExtent() {
        return lrExtent.clone();
    }

    /** The smallest and largest momentum (Adam: beta1) the run's schedule will use; 0 for plain SGD. */
    public double[] momentumExtent() {
        return momentumExtent.clone();
    }

    public LiveCurve lossCurve() {
        return loss;
    }

    public LiveCurve smoothedLossCurve() {
        return smoothedLoss;
    }

    public LiveCurve valLossCurve() {
        return valLoss;
    }

    public LiveCurve valAccuracyCurve() {
        return valAccuracy;
    }

    public LiveCurve lrCurve() {
        return lr;
    }

    public LiveCurve momentumCurve() {
        return momentum;
    }

    /** Status, progress (a step is an iteration), time and end. */
    public RunState state() {
        return state;
    }

    /** The last validation accuracy, NaN before the first evaluation. */
    public ReadOnlyDoubleProperty accuracyProperty() {
        return accuracy.getReadOnlyProperty();
    }

    /**
     * The data the run trained on, as described when it was loaded; null before it was loaded.
     */
    public DatasetSection dataset() {
        return dataset;
    }

    /** Everything the run recorded, once it has ended. */
    public ReadOnlyObjectProperty<TrainingResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /**
     * Whether a trained network is there to save: the run has ended, took a step, and left the network's parameters
     * finite. One cancelled before its first step has its random initial weights, and one stopped {@code non-finite}
     * NaNs: neither is offered.
     */
    public boolean canSave() {
        return trained;
    }

    /**
     * Whether its trained network would be lost on quitting or on the next launch: there is one to save
     * ({@link #canSave}), and it was never saved.
     */
    public boolean unsaved() {
        return trained && !saved;
    }

    /** Its network was written to a file (on the thread that wrote it). */
    void markSaved() {
        saved = true;
    }

    @Override
    public String toString() {
        return name;
    }
}
