package org.rangefinder.ui.chart;

/**
 * The x extent of a curve and how it is laid out, to thin the curve before the chart draws it:
 * {@link #column} says in which of {@code resolution} pixel columns a value falls.
 *
 * @param lo  the value at the left edge
 * @param hi  the value at the right edge
 * @param log whether the axis is logarithmic ({@link LogAxis}) or linear
 */
public record AxisScale(double lo, double hi, boolean log) {

    public static AxisScale logarithmic(double lo, double hi) {
        return new AxisScale(lo, hi, true);
    }

    public static AxisScale linear(double lo, double hi) {
        return new AxisScale(lo, hi, false);
    }

    /** {@code (x - lo) / (hi - lo)}, in log10 space for a logarithmic scale; 0 when the extent is empty. */
    public double fraction(double x) {
        if (log) {
            return LogAxis.fraction(x, lo, hi);
        }
        return hi > lo ? (x - lo) / (hi - lo) : 0;
    }

    /** The pixel column of {@code x} when the extent spans {@code resolution} pixels: {@code floor(fraction * res)}. */
    public long column(double x, double resolution) {
        return (long) Math.floor(fraction(x) * resolution);
    }
}
