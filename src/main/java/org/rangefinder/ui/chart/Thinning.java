package org.rangefinder.ui.chart;

import java.util.Arrays;

/**
 * Reduces a curve to about one point per pixel column: of each run of consecutive points that fall in the same
 * column, only the last is kept. Drawing more points than pixels shows nothing more and costs layout time
 * (JavaFX's LineChart lays out every data point). Points with a non-finite y are dropped first: they cannot be drawn.
 */
public final class Thinning {

    private Thinning() {
    }

    /** Indices of the points to draw, ascending. */
    public static int[] keep(double[] xs, double[] ys, AxisScale scale, double resolution) {
        int[] kept = new int[xs.length];
        int n = 0;
        long lastColumn = Long.MIN_VALUE;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(ys[i])) {
                continue;
            }
            long column = scale.column(xs[i], resolution);
            if (n > 0 && column == lastColumn) {
                kept[n - 1] = i;
            } else {
                kept[n++] = i;
            }
            lastColumn = column;
        }
        return Arrays.copyOf(kept, n);
    }
}
