package org.rangefinder.ui.chart;

/**
 * The x extent of a curve, or of the part of it a zoom shows, and how it is laid out, to thin the curve before the
 * chart draws it ({@link Thinning}): a value falls in pixel column {@code floor(fraction * resolution)} of
 * {@code resolution}.
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
}
