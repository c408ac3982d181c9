package org.rangefinder.ui.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.scene.chart.XYChart;

/**
 * Hands the points of {@link LiveCurve}s to chart series on the JavaFX thread, at most once per frame: an
 * {@link AnimationTimer} drains every attached curve and appends the new points to its series in one batch, thinned
 * as {@link Thinning} does (the last point of each pixel column), so a long curve never costs more than about one
 * data point per pixel. Workers only enqueue; nothing is posted to the FX thread per point.
 */
public final class LiveSeriesFeeder {

    /** Pixel columns assumed until the chart reports its width. */
    public static final double DEFAULT_RESOLUTION = 1200;

    private final List<Feed> feeds = new ArrayList<>();
    private double resolution = DEFAULT_RESOLUTION;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drainNow();
        }
    };

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** FX thread: feeds {@code series} from {@code curve} from now on (points already drained are shown too). */
    public void attach(LiveCurve curve, XYChart.Series<Number, Number> series, AxisScale scale) {
        Feed feed = new Feed(curve, series, scale);
        feeds.add(feed);
        feed.rebuild(resolution);
    }

    public void detach(XYChart.Series<Number, Number> series) {
        feeds.removeIf(f -> f.series == series);
    }

    /** FX thread: re-thins every series for a new plot width in pixels. */
    public void setResolution(double pixels) {
        if (pixels >= 1 && pixels != resolution) {
            resolution = pixels;
            feeds.forEach(f -> f.rebuild(resolution));
        }
    }

    /** FX thread: what each frame does; a test may call it to feed without waiting for a frame. */
    public void drainNow() {
        for (Feed feed : feeds) {
            feed.drain(resolution);
        }
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

        void drain(double resolution) {
            int from = curve.size();
            if (curve.drain() == 0) {
                return;
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
