package org.rangefinder.ui.rangetest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.engine.StopReason;
import org.rangefinder.rangetest.CurveFiles;
import org.rangefinder.rangetest.CurvePoint;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.rangetest.Smoothing;
import org.rangefinder.rangetest.SuggestionOptions;
import org.rangefinder.rangetest.Suggestions;
import org.rangefinder.ui.chart.LiveCurve;
import org.rangefinder.ui.work.FxCoalescer;

/**
 * One entry of the runs list: a range test (alone or a member of a sweep family) or a curve read from a file. The
 * engine records points on a worker thread into two {@link LiveCurve}s (raw and smoothed loss against lr) and
 * bumps a counter; the properties, read by the window, change on the FX thread only.
 */
public final class RangeTestRun {

    private final int number;
    private final String name;
    private final RangeTestConfig config;
    private final RunFamily family;
    private final int colorIndex;
    private final double[] lrExtent;
    private final LiveCurve raw = new LiveCurve();
    private final LiveCurve smoothed = new LiveCurve();
    private final CancelToken cancel = new CancelToken();
    private final AtomicInteger recorded = new AtomicInteger();
    private final FxCoalescer progressUpdate;
    private volatile long startNanos;
    private Future<?> task;
    private List<CurvePoint> points = List.of();
    private RangeTestResult result;

    private final ReadOnlyObjectWrapper<RunStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyDoubleWrapper seconds = new ReadOnlyDoubleWrapper(this, "seconds");
    private final ReadOnlyObjectWrapper<StopReason> stopReason = new ReadOnlyObjectWrapper<>(this, "stopReason");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
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
        this.progressUpdate = new FxCoalescer(fx, this::showProgress);
        status.set(RunStatus.QUEUED);
    }

    private RangeTestRun(int number, String name, List<CurvePoint> curve, int colorIndex) {
        this.number = number;
        this.name = name;
        this.config = null;
        this.family = null;
        this.colorIndex = colorIndex;
        this.progressUpdate = null;
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (CurvePoint p : curve) {
            raw.add(p.lr(), p.loss());
            smoothed.add(p.lr(), p.smoothedLoss());
            lo = Math.min(lo, p.lr());
            hi = Math.max(hi, p.lr());
        }
        this.lrExtent = new double[] {lo, hi};
        this.points = List.copyOf(curve);
        double[] lrs = curve.stream().mapToDouble(CurvePoint::lr).toArray();
        double[] losses = curve.stream().mapToDouble(CurvePoint::loss).toArray();
        suggestions.set(Suggestions.fromRaw(lrs, losses, Smoothing.DEFAULT_BETA, SuggestionOptions.defaults()));
        progress.set(1);
        status.set(RunStatus.IMPORTED);
    }

    /** A curve made elsewhere, shown like a run with its suggestions (computed from its raw losses). */
    static RangeTestRun imported(int number, String name, List<CurvePoint> points, int colorIndex) {
        return new RangeTestRun(number, name, points, colorIndex);
    }

    /** The points of a curve read from a file: its raw losses smoothed with the default beta, as the engine does. */
    static List<CurvePoint> pointsOf(CurveFiles.Curve curve) {
        double[] smoothedLosses = Smoothing.smooth(curve.losses(), Smoothing.DEFAULT_BETA);
        List<CurvePoint> points = new ArrayList<>(curve.size());
        for (int i = 0; i < curve.size(); i++) {
            points.add(new CurvePoint(i, curve.lrs()[i], curve.losses()[i], smoothedLosses[i]));
        }
        return points;
    }

    // ---- worker thread ----------------------------------------------------------------------------------------

    void started() {
        startNanos = System.nanoTime();
        progressUpdate.request();
    }

    /** The engine's listener: hands the point over and returns. */
    void pointRecorded(CurvePoint p) {
        raw.add(p.lr(), p.loss());
        smoothed.add(p.lr(), p.smoothedLoss());
        recorded.incrementAndGet();
        progressUpdate.request();
    }

    // ---- FX thread --------------------------------------------------------------------------------------------

    private void showProgress() {
        if (status.get() == RunStatus.QUEUED) {
            status.set(RunStatus.RUNNING);
        }
        if (status.get() == RunStatus.RUNNING) {
            progress.set((double) recorded.get() / config.iterations());
            seconds.set((System.nanoTime() - startNanos) / 1e9);
        }
    }

    void finished(RangeTestResult result) {
        this.result = result;
        points = result.points();
        stopReason.set(result.stopReason());
        seconds.set(result.elapsedSeconds());
        suggestions.set(result.suggestions());
        progress.set((double) result.points().size() / config.iterations());
        status.set(RunStatus.FINISHED);
    }

    void failed(String message) {
        failure.set(message);
        status.set(RunStatus.FAILED);
    }

    /** Cancelled while still queued: it ends with no points. */
    void cancelledBeforeStart() {
        stopReason.set(StopReason.CANCELLED);
        status.set(RunStatus.FINISHED);
    }

    void setTask(Future<?> task) {
        this.task = task;
    }

    Future<?> task() {
        return task;
    }

    CancelToken cancelToken() {
        return cancel;
    }

    // ---- read by views ----------------------------------------------------------------------------------------

    /** Numbered in the order runs were started: #1, #2, ... */
    public int number() {
        return number;
    }

    public String name() {
        return name;
    }

    /** The settings of the range test; null for an imported curve. */
    public RangeTestConfig config() {
        return config;
    }

    /** The sweep family this run belongs to, or null. */
    public RunFamily family() {
        return family;
    }

    /** The run's colour, 0..7; the members of a family share their family's. */
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

    /** Every point, once the run has ended (or was imported); empty before. */
    public List<CurvePoint> points() {
        return points;
    }

    public ReadOnlyObjectProperty<RunStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Share of the iterations done, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Seconds the range test has run (its own measure once it has ended). */
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
