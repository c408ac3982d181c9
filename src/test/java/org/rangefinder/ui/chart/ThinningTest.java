package org.rangefinder.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThinningTest {

    @Test
    void keepsTheLastPointOfEachPixelColumn() {
        // linear 0..10 over 5 pixels: columns floor(x / 2) = 0,0,1,1,2,2,3,3,4,4,5
        double[] xs = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] ys = new double[xs.length];
        assertThat(Thinning.keep(xs, ys, AxisScale.linear(0, 10), 5)).containsExactly(1, 3, 5, 7, 9, 10);
    }

    @Test
    void dropsNonFinitePoints() {
        double[] xs = {0, 1, 2, 3};
        double[] ys = {1, Double.NaN, 2, Double.POSITIVE_INFINITY};
        assertThat(Thinning.keep(xs, ys, AxisScale.linear(0, 3), 100)).containsExactly(0, 2);
    }

    @Test
    void thinsALogLadderToAboutOnePointPerPixel() {
        int n = 10_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = 1e-7 * Math.pow(1e8, i / (n - 1.0));
            ys[i] = i;
        }
        int[] kept = Thinning.keep(xs, ys, AxisScale.logarithmic(1e-7, 10), 800);
        assertThat(kept.length).isBetween(799, 801);
        assertThat(kept[kept.length - 1]).isEqualTo(n - 1);
    }

    @Test
    void feedingInBatchesKeepsTheSamePointsAsThinningAtOnce() {
        double[] xs = new double[300];
        double[] ys = new double[300];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i;
            ys[i] = i % 7 == 0 ? Double.NaN : Math.sin(i);
        }
        AxisScale scale = AxisScale.linear(0, 299);
        var series = new javafx.scene.chart.XYChart.Series<Number, Number>();
        LiveCurve curve = new LiveCurve();
        LiveSeriesFeeder feeder = new LiveSeriesFeeder();
        feeder.setResolution(40);
        feeder.attach(curve, series, scale);
        for (int i = 0; i < xs.length; i++) {
            curve.add(xs[i], ys[i]);
            if (i % 13 == 0) {
                feeder.drainNow();
            }
        }
        feeder.drainNow();
        int[] kept = Thinning.keep(xs, ys, scale, 40);
        assertThat(series.getData()).hasSize(kept.length);
        for (int k = 0; k < kept.length; k++) {
            assertThat(series.getData().get(k).getXValue().doubleValue()).isEqualTo(xs[kept[k]]);
        }
    }

    @Test
    void forAZoomedViewThePointsOutsideItAreThoseThatDrawTheLinesToItsEdges() {
        // linear view 5..15 over 5 pixels: columns floor((x - 5) / 2) for 5..15; 0..4 left of it, 16..20 right
        double[] xs = IntStream.rangeClosed(0, 20).asDoubleStream().toArray();
        double[] ys = new double[xs.length];
        // left: the last (4), none before it; in view: the last of each column; right: its first (16) and, as the
        // curve may come back, its last (20)
        assertThat(Thinning.keep(xs, ys, AxisScale.linear(5, 15), 5)).containsExactly(4, 6, 8, 10, 12, 14, 15, 16, 20);
        // a curve that leaves the view and comes back: 10 -> 30 .. 32 (right of it) -> 10 -> 0 (left of it)
        double[] back = {0, 10, 30, 31, 32, 10, 0};
        assertThat(Thinning.keep(back, new double[back.length], AxisScale.linear(5, 15), 5))
                .containsExactly(0, 1, 2, 4, 5, 6);
    }

    @Test
    void feedingAZoomedViewInBatchesKeepsTheSamePointsAsThinningAtOnce() {
        double[] xs = new double[300];
        double[] ys = new double[300];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i;
            ys[i] = i % 7 == 0 ? Double.NaN : Math.sin(i);
        }
        AxisScale view = AxisScale.linear(100, 160);
        var series = new javafx.scene.chart.XYChart.Series<Number, Number>();
        LiveCurve curve = new LiveCurve();
        LiveSeriesFeeder feeder = new LiveSeriesFeeder();
        feeder.setResolution(40);
        feeder.attach(curve, series, AxisScale.linear(0, 299));
        for (int i = 0; i < xs.length; i++) {
            curve.add(xs[i], ys[i]);
            if (i == 120) {
                feeder.setView(view); // zoomed while the curve grows
            } else if (i % 13 == 0) {
                feeder.drainNow();
            }
        }
        feeder.drainNow();
        int[] kept = Thinning.keep(xs, ys, view, 40);
        // 99 left of the view; 38 in it (1.5 points a column, some of them not finite), 160 on its right edge; 162
        // (161 is not finite) and the last, 299, right of it
        assertThat(kept).hasSize(41).startsWith(99, 101, 102, 104).endsWith(159, 160, 162, 299);
        assertThat(series.getData().stream().map(d -> d.getXValue().doubleValue()))
                .containsExactlyElementsOf(IntStream.of(kept).mapToObj(k -> xs[k]).toList());

        feeder.setView(null); // the zoom reset: thinned over the whole extent again
        assertThat(series.getData()).hasSize(Thinning.keep(xs, ys, AxisScale.linear(0, 299), 40).length);
    }

    @Test
    void pointsOfferedBetweenTwoFramesReachTheSeriesInOneChange() {
        var series = new javafx.scene.chart.XYChart.Series<Number, Number>();
        LiveCurve curve = new LiveCurve();
        LiveSeriesFeeder feeder = new LiveSeriesFeeder();
        feeder.attach(curve, series, AxisScale.linear(0, 499));
        int[] changes = {0};
        series.getData().addListener((javafx.collections.ListChangeListener<Object>) c -> changes[0]++);
        for (int i = 0; i < 500; i++) {
            curve.add(i, i);
        }
        feeder.drainNow();
        assertThat(changes[0]).isEqualTo(1);
        assertThat(series.getData()).hasSize(500);
    }
}
