package org.rangefinder.ui.chart;

import java.util.ArrayList;
import java.util.List;
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
 */
public final class LiveSeriesFeeder {

    /** Pixel columns assumed until the chart reports its width. */
    public static final double DEFAULT_RESOLUTION = 1200;
    /** Frames without a new point after which the timer stops. */
    static final int IDLE_FRAMES = 30;

    private final List<Feed> feeds = new ArrayList<>();
    private double resolution = DEFAULT_RESOLUTION;
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
        feed.rebuild(resolution);
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
            feeds.forEach(f -> f.rebuild(resolution));
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
            drained += feed.drain(resolution);
        }
        return drained;
    }

    private static final class Feed {
        final LiveCurve curve;
        final XYChart.Series<Number, Number> series;
        final AxisScale scale;
        long lastColumn = Long.MIN_VALUE;

        Feed(LiveCurve curve, XYChart.Series<Number, Number> series, AxisScale scale) {
            this.curve = curve;
            this.series = series;
            this.scale = scale;
        }

        int drain(double resolution) {
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
                long column = scale.column(x, resolution);
                if (column == lastColumn && !(added.isEmpty() && shown.isEmpty())) {
                    XYChart.Data<Number, Number> last = added.isEmpty() ? shown.get(shown.size() - 1)
                            : added.get(added.size() - 1);
                    last.setXValue(x);
                    last.setYValue(y);
                } else {
                    added.add(new XYChart.Data<>(x, y));
                }
                lastColumn = column;
            }
            shown.addAll(added);
            return drained;
        }

        void rebuild(double resolution) {
            curve.drain();
            double[] xs = curve.xs();
            double[] ys = curve.ys();
            int[] keep = Thinning.keep(xs, ys, scale, resolution);
            List<XYChart.Data<Number, Number>> data = new ArrayList<>(keep.length);
            for (int i : keep) {
                data.add(new XYChart.Data<>(xs[i], ys[i]));
            }
            series.getData().setAll(data);
            lastColumn = keep.length == 0 ? Long.MIN_VALUE : scale.column(xs[keep[keep.length - 1]], resolution);
        }
    }
}
