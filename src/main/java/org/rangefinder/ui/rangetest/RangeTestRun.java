package org.rangefinder.ui.rangetest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.rangefinder.engine.StopReason;
import org.rangefinder.hyperparams.DatasetSection;
import org.rangefinder.rangetest.CurveFiles;
import org.rangefinder.rangetest.CurvePoint;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.rangetest.SuggestionOptions;
import org.rangefinder.rangetest.Suggestions;
import org.rangefinder.ui.chart.LiveCurve;
import org.rangefinder.ui.chart.LrText;
import org.rangefinder.ui.data.LoadedDataset;
import org.rangefinder.ui.work.RunState;

/**
 * One entry of the runs list: a range test (alone or a member of a sweep family) or a curve read from a file or
 * from the run history (alone, or a member of a recorded sweep's family). The
 * engine records points on a worker thread into two {@link LiveCurve}s (raw and smoothed loss against lr) and
 * counts them as steps of its {@link RunState}; the properties, read by the window, change on the FX thread only.
 */
public final class RangeTestRun {

    private final int number;
    private final String name;
    private final RangeTestConfig config;
    private final RunFamily family;
    private final int colorIndex;
    private final double[] lrExtent;
    private final LiveCurve raw;
    private final LiveCurve smoothed;
    private final RunState state;
    private final boolean rawLoss;
    private List<CurvePoint> points = List.of();
    private RangeTestResult result;
    private StopReason stopReason;
    /** Written by the worker once it has the data, read on the FX thread once the run has ended. */
    private volatile DatasetSection dataset;

    private final ReadOnlyObjectWrapper<Suggestions> suggestions = new ReadOnlyObjectWrapper<>(this, "suggestions");
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);

    RangeTestRun(int number, String name, RangeTestConfig config, RunFamily family, int colorIndex,
                 Executor fx) {
        this.number = number;
        this.name = name;
        this.config = config;
        this.family = family;
        this.colorIndex = colorIndex;
        this.lrExtent = new double[] {config.startLr(), config.endLr()};
        this.raw = new LiveCurve();
        this.smoothed = new LiveCurve();
        this.rawLoss = true;
        this.state = new RunState(fx, config.iterations(), () -> { });
    }

    private RangeTestRun(int number, String name, Recorded curve, RunFamily family, int colorIndex) {
        this.number = number;
        this.name = name;
        this.config = null;
        this.family = family;
        this.colorIndex = colorIndex;
        // a curve that says why its run stopped is a run of the run history, shown as it ended
        this.state = curve.stopReason == null ? RunState.imported()
                : RunState.recorded(curve.stopReason, curve.points.size(), curve.plannedIterations, curve.seconds);
        this.raw = curve.raw;
        this.smoothed = curve.smoothed;
        this.lrExtent = curve.lrExtent;
        this.rawLoss = curve.rawLoss;
        this.points = curve.points;
        this.stopReason = curve.stopReason;
        suggestions.set(curve.suggestions);
    }

    /**
     * A curve made elsewhere or recorded earlier, shown like a run (on the FX thread); a member of a recorded sweep
     * has its {@code family}, else null.
     */
    static RangeTestRun imported(int number, String name, Recorded curve, RunFamily family, int colorIndex) {
        return new RangeTestRun(number, name, curve, family, colorIndex);
    }

    /**
     * A curve made elsewhere or recorded earlier, made ready off the FX thread to be shown once as a run (a curve may
     * hold a million points): its points, their lr extent, whether it has raw losses apart from its smoothed ones,
     * its suggestions, read off its smoothed losses as the engine reads them off a run's (a recorded run's are
     * those of its own smoothing), and, for a run of the run history, how it ended: why it stopped, the iterations it
     * was set to run and the seconds it took, as far as its record says.
     */
    public static final class Recorded {
        private final String name;
        private final List<CurvePoint> points;
        private final LiveCurve raw = new LiveCurve();
        private final LiveCurve smoothed = new LiveCurve();
        private final double[] lrExtent;
        private final boolean rawLoss;
        private final Suggestions suggestions;
        private final StopReason stopReason;
        private final int plannedIterations;
        private final double seconds;

        /** A curve made elsewhere, which does not say how its run ended. */
        public Recorded(String name, List<CurvePoint> points) {
            this(name, points, null, 0, Double.NaN);
        }

        /**
         * A curve recorded earlier.
         *
         * @param stopReason        why its run stopped; null where the record does not say (shown as a curve made
         *                          elsewhere)
         * @param plannedIterations the iterations its run was set to run; 0 where the record does not say
         * @param seconds           the seconds its run took; NaN where the record does not say
         */
        public Recorded(String name, List<CurvePoint> points, StopReason stopReason, int plannedIterations,
                        double seconds) {
            this.name = name;
            this.stopReason = stopReason;
            this.plannedIterations = plannedIterations;
            this.seconds = seconds;
            this.points = List.copyOf(points);
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            boolean apart = false;
            double[] lrs = new double[points.size()];
            double[] smoothedLosses = new double[points.size()];
            for (int i = 0; i < lrs.length; i++) {
                CurvePoint p = this.points.get(i);
                raw.add(p.lr(), p.loss());
                smoothed.add(p.lr(), p.smoothedLoss());
                lo = Math.min(lo, p.lr());
                hi = Math.max(hi, p.lr());
                apart |= Double.compare(p.loss(), p.smoothedLoss()) != 0;
                lrs[i] = p.lr();
                smoothedLosses[i] = p.smoothedLoss();
            }
            this.lrExtent = new double[] {lo, hi};
            this.rawLoss = apart;
            this.suggestions = Suggestions.fromSmoothed(lrs, smoothedLosses, SuggestionOptions.defaults());
        }

        /** The name it is shown under, after the run's number. */
        public String name() {
            return name;
        }

        public List<CurvePoint> points() {
            return points;
        }
    }

    /**
     * The points of a curve read from a file, with the file's smoothed losses: Rangefinder's own, or, for a history of
     * fastai or pytorch-lr-finder, the losses as they are, which those libraries record smoothed
     * ({@link CurveFiles}).
     */
    static List<CurvePoint> pointsOf(CurveFiles.Curve curve) {
        List<CurvePoint> points = new ArrayList<>(curve.size());
        for (int i = 0; i < curve.size(); i++) {
            points.add(new CurvePoint(i, curve.lrs()[i], curve.losses()[i], curve.smoothedLosses()[i]));
        }
        return points;
    }

    // ---- worker thread ----------------------------------------------------------------------------------------

    /** The worker has the data the run is to run on. */
    void dataLoaded(LoadedDataset data) {
        dataset = data.description();
    }

    /** The engine's listener: hands the point over and returns. */
    void pointRecorded(CurvePoint p) {
        raw.add(p.lr(), p.loss());
        smoothed.add(p.lr(), p.smoothedLoss());
        state.stepDone();
    }

    // ---- FX thread --------------------------------------------------------------------------------------------

    void finished(RangeTestResult result) {
        this.result = result;
        stopReason = result.stopReason();
        points = result.points();
        suggestions.set(result.suggestions());
        state.finished(result.stopReason(), result.elapsedSeconds(),
                (double) result.points().size() / config.iterations());
    }

    // ---- read by views ----------------------------------------------------------------------------------------

    /** Numbered in the order runs were started: #1, #2, ... */
    public int number() {
        return number;
    }

    public String name() {
        return name;
    }

    /**
     * Whether the run has a raw loss apart from its smoothed one: a range test has; a curve from fastai or
     * pytorch-lr-finder, which record only their smoothed losses, has not (its raw and smoothed losses are one).
     */
    public boolean hasRawLoss() {
        return rawLoss;
    }

    /** The settings of the range test; null for an imported curve. */
    public RangeTestConfig config() {
        return config;
    }

    /** The sweep family this run belongs to, or null. */
    public RunFamily family() {
        return family;
    }

    /**
     * The run's look, a colour and a line pattern ({@link org.rangefinder.ui.chart.RunColors}); the members of a family
     * share their family's.
     */
    public int colorIndex() {
        return colorIndex;
    }

    /** The learning rates the curve spans, {@code {lowest, highest}}, known before any point arrives. */
    public double[] lrExtent() {
        return lrExtent.clone();
    }

    /** Loss against lr as recorded; drained by the chart. */
    public LiveCurve rawCurve() {
        return raw;
    }

    /** Smoothed loss against lr; drained by the chart. */
    public LiveCurve smoothedCurve() {
        return smoothed;
    }

    /** The engine's result once the range test has ended; null before, and for an imported curve. */
    public RangeTestResult result() {
        return result;
    }

    /**
     * The data the run ran on, as described when it was loaded; null before it was loaded, and for a curve read from
     * a file or the run history.
     */
    public DatasetSection dataset() {
        return dataset;
    }

    /** Every point, once the run has ended (or was imported); empty before. */
    public List<CurvePoint> points() {
        return points;
    }

    /**
     * Status, progress (a step is an iteration), time and end; a curve made elsewhere is complete and never runs, a
     * run of the run history shows as it ended.
     */
    public RunState state() {
        return state;
    }

    /**
     * What sets the run's suggestions apart from those of a whole range test: for a run cancelled part-way, here or
     * in the run history (a sweep's member too), {@code cancelled: curve up to lr 4.1e-5 only} (the engine suggests
     * from what was recorded, as fastai does from a partial curve, but the valley or minimum of the whole range may
     * lie beyond), and in the same words {@code interrupted: ...} for a member its sweep's record says was
     * interrupted; null for a run that ended by itself (a diverged run ended where its curve had told what it tells)
     * and for a curve read from a file.
     */
    public String partialCurve() {
        if ((stopReason != StopReason.CANCELLED && stopReason != StopReason.INTERRUPTED) || points.isEmpty()) {
            return null;
        }
        return stopReason.id() + ": curve up to lr " + LrText.format(points.get(points.size() - 1).lr()) + " only";
    }

    /** The engine's suggestions; null until the run has ended. */
    public ReadOnlyObjectProperty<Suggestions> suggestionsProperty() {
        return suggestions.getReadOnlyProperty();
    }

    /** Whether its curves are drawn. */
    public BooleanProperty visibleProperty() {
        return visible;
    }

    @Override
    public String toString() {
        return name;
    }
}
