package org.rangefinder.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.chart.XYChart;
import org.rangefinder.ui.work.FxCoalescer;

/**
 * Hands the points of {@link LiveCurve}s to chart series on the JavaFX thread, at most once per frame: an
 * {@link AnimationTimer} drains every attached curve and appends the new points to its series in one batch, thinned
 * as {@link Thinning} does (the last point of each pixel column), so a long curve never costs more than about one
 * data point per pixel. Workers only enqueue; nothing is posted to the FX thread per point.
 * <p>
 * The timer runs only while points arrive: after {@value #IDLE_FRAMES} frames without any it stops (a running timer
 * asks JavaFX for a frame 60 times a second, which an idle window should not do), and the first point added after
 * that starts it again.
 * <p>
 * Zoomed ({@link #setView}), every series is thinned anew for the part of its curve in view, at about one point per
 * pixel of the view, with the points just outside it that draw the lines to its edges ({@link Thinning}): thinned over
 * the whole run, a 10,000-point curve zoomed 10 times showed 70 of its 999 points in view. That happens when the view
 * changes, not per frame; unzoomed, a series is thinned over its own extent, as before any zoom.
 */
public final class LiveSeriesFeeder {

    /** Pixel columns assumed until the chart reports its width. */
    public static final double DEFAULT_RESOLUTION = 1200;
    /** Frames without a new point after which the timer stops. */
    static final int IDLE_FRAMES = 30;

    private final List<Feed> feeds = new ArrayList<>();
    private double resolution = DEFAULT_RESOLUTION;
    /** The x range the chart shows, when a zoom holds it; null: each series' own extent. */
    private AxisScale view;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (drainNow() > 0) {
                idleFrames = 0;
            } else if (++idleFrames >= IDLE_FRAMES) {
                pause();
            }
        }
    };
    private final FxCoalescer wake = new FxCoalescer(Platform::runLater, this::resume);
    private volatile boolean enabled;
    private volatile boolean running;
    private int idleFrames;

    /** FX thread: feeds the series from now on, while points arrive. */
    public void start() {
        enabled = true;
        resume();
    }

    /** FX thread: stops feeding (points stay in their curves). */
    public void stop() {
        enabled = false;
        running = false;
        timer.stop();
    }

    /** Whether the frame timer runs now. */
    public boolean isRunning() {
        return running;
    }

    private void resume() {
        if (enabled && !running) {
            running = true;
            idleFrames = 0;
            timer.start();
        }
    }

    /**
     * Stops the timer. A worker adds its point before it reads {@code running}, and this sets {@code running} before
     * it drains once more: so either the worker sees the timer stopped and wakes it, or this drain gets the point.
     */
    private void pause() {
        running = false;
        timer.stop();
        if (drainNow() > 0) {
            resume();
        }
    }

    /** Any thread: a curve has a new point. */
    private void pointAdded() {
        if (enabled && !running) {
            wake.request();
        }
    }

    /** FX thread: feeds {@code series} from {@code curve} from now on (points already drained are shown too). */
    public void attach(LiveCurve curve, XYChart.Series<Number, Number> series, AxisScale scale) {
        Feed feed = new Feed(curve, series, scale);
        feeds.add(feed);
        curve.onAdd(this::pointAdded); // before the first drain, so that no point falls between the two
        feed.rebuild();
    }

    public void detach(XYChart.Series<Number, Number> series) {
        feeds.removeIf(f -> {
            if (f.series == series) {
                f.curve.onAdd(() -> { });
                return true;
            }
            return false;
        });
    }

    /** FX thread: re-thins every series for a new plot width in pixels. */
    public void setResolution(double pixels) {
        if (pixels >= 1 && pixels != resolution) {
            resolution = pixels;
            feeds.forEach(Feed::rebuild);
        }
    }

    /**
     * FX thread: re-thins every series for the x range the chart shows when zoomed, {@code view}, or over its own
     * extent again when {@code view} is null (zoom reset). Nothing is done when the view is the one already shown.
     */
    public void setView(AxisScale view) {
        if (!Objects.equals(view, this.view)) {
            this.view = view;
            feeds.forEach(Feed::rebuild);
        }
    }

    /**
     * FX thread: what each frame does; a test may call it to feed without waiting for a frame.
     *
     * @return the number of points taken from the curves
     */
    public int drainNow() {
        int drained = 0;
        for (Feed feed : feeds) {
            drained += feed.drain();
        }
        return drained;
    }

    private final class Feed {
        final LiveCurve curve;
        final XYChart.Series<Number, Number> series;
        final AxisScale scale;
        /** The thinning of the points shown so far, which the points drained next go on from. */
        Thinning.Columns columns;

        Feed(LiveCurve curve, XYChart.Series<Number, Number> series, AxisScale scale) {
            this.curve = curve;
            this.series = series;
            this.scale = scale;
        }

        int drain() {
            int from = curve.size();
            int drained = curve.drain();
            if (drained == 0) {
                return 0;
            }
            List<XYChart.Data<Number, Number>> shown = series.getData();
            List<XYChart.Data<Number, Number>> added = new ArrayList<>();
            for (int i = from; i < curve.size(); i++) {
                double x = curve.x(i);
                double y = curve.y(i);
                if (!Double.isFinite(y)) {
                    continue;
                }
                if (columns.replacesLast(x) && !(added.isEmpty() && shown.isEmpty())) {
                    XYChart.Data<Number, Number> last = added.isEmpty() ? shown.get(shown.size() - 1)
                            : added.get(added.size() - 1);
                    last.setXValue(x);
                    last.setYValue(y);
                } else {
                    added.add(new XYChart.Data<>(x, y));
                }
            }
            shown.addAll(added);
            return drained;
        }

        /** Shows the curve's points so far, thinned for the view, or for its own extent when there is none. */
        void rebuild() {
            curve.drain();
            double[] xs = curve.xs();
            double[] ys = curve.ys();
            columns = new Thinning.Columns(view == null ? scale : view, resolution);
            int[] keep = Thinning.keep(xs, ys, columns);
            List<XYChart.Data<Number, Number>> data = new ArrayList<>(keep.length);
            for (int i : keep) {
                data.add(new XYChart.Data<>(xs[i], ys[i]));
            }
            series.getData().setAll(data);
        }
    }
}
