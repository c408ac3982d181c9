package org.rangefinder.ui.chart;

import java.util.Arrays;

/**
 * Reduces a curve to about one point per pixel column: of each run of consecutive points that fall in the same
 * column, only the last is kept. Drawing more points than pixels shows nothing more and costs layout time
 * (JavaFX's LineChart lays out every data point). Points with a non-finite y are dropped first: they cannot be drawn.
 *
 * <p>Thinned for a zoomed view ({@code scale} a part of the curve's extent), the points left of the view count as one
 * column and those right of it as another; of a run of them that follows a point, its first is kept as well as its
 * last, so that the lines into and out of the view are drawn as the whole curve would draw them. For a curve whose x
 * grows (a ladder of learning rates) that is the point just left of the view, the one just right of it and the last
 * point so far: the rest of the curve outside the view costs nothing to draw.
 */
public final class Thinning {

    private Thinning() {
    }

    /** Indices of the points to draw, ascending. */
    public static int[] keep(double[] xs, double[] ys, AxisScale scale, double resolution) {
        return keep(xs, ys, new Columns(scale, resolution));
    }

    /** Indices of the points to draw, ascending, as {@code columns} thins them; it goes on from the last one. */
    static int[] keep(double[] xs, double[] ys, Columns columns) {
        int[] kept = new int[xs.length];
        int n = 0;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(ys[i])) {
                continue;
            }
            if (columns.replacesLast(xs[i]) && n > 0) {
                kept[n - 1] = i;
            } else {
                kept[n++] = i;
            }
        }
        return Arrays.copyOf(kept, n);
    }

    /**
     * Thins finite points one at a time, in their order: says of each whether it replaces the last point kept or is
     * one more. A live feed keeps one, so that the points arriving later are thinned as the ones before.
     */
    static final class Columns {
        private static final long NONE = Long.MIN_VALUE;
        private static final long LEFT = -1;
        private static final long RIGHT = Long.MAX_VALUE;

        private final AxisScale scale;
        private final double resolution;
        private long last = NONE;
        /** Points in the run of {@link #last}'s column so far. */
        private int run;
        /** Whether a point came before that run: its first point is kept when the run is outside the view. */
        private boolean afterAnother;

        Columns(AxisScale scale, double resolution) {
            this.scale = scale;
            this.resolution = resolution;
        }

        /** Whether the point at {@code x} replaces the last point kept; false: it is kept as one more. */
        boolean replacesLast(double x) {
            long column = column(x);
            if (column != last) {
                afterAnother = last != NONE;
                last = column;
                run = 1;
                return false;
            }
            run++;
            boolean outside = column == LEFT || column == RIGHT;
            return !(outside && afterAnother && run == 2);
        }

        /** {@link AxisScale#column}, {@link #LEFT} or {@link #RIGHT} for a point outside the scale's extent. */
        private long column(double x) {
            double f = scale.fraction(x);
            if (f < 0) {
                return LEFT;
            }
            if (f > 1) {
                return RIGHT;
            }
            return (long) Math.floor(f * resolution);
        }
    }
}
