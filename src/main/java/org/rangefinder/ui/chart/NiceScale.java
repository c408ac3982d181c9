package org.rangefinder.ui.chart;

/**
 * Bounds and tick spacing for a linear axis: the spacing is 1, 2, 2.5 or 5 times a power of ten, the largest that
 * gives at least {@code minTicks - 1} intervals across {@code [low, high]}, and the bounds are {@code low} and
 * {@code high} rounded out to multiples of the spacing. For counts (iterations) the spacing can be held to whole
 * numbers: 1, 2, 5, 10, 20, 25, 50, ...
 *
 * <p>A range of one value, or one no wider than {@value #EMPTY_SPAN} of its magnitude
 * ({@code high - low <= 1e-9 * max(|low|, |high|)}: values a rounding apart, as a raw loss and the smoothed one that
 * starts from it), is widened by a tenth of {@code |low|} each side (by 1 when {@code low} is 0). Kept, a range
 * 4.4e-16 wide got 17 ticks labelled with 19 characters each, and the curve on it vanished.
 *
 * @param lower    the axis lower bound
 * @param upper    the axis upper bound
 * @param tickUnit the spacing of the major ticks
 */
public record NiceScale(double lower, double upper, double tickUnit) {

    private static final double[] STEPS = {5, 2.5, 2, 1};
    /** A span at most this fraction of the bounds' magnitude is empty. */
    static final double EMPTY_SPAN = 1e-9;

    public static NiceScale of(double low, double high, int minTicks) {
        return of(low, high, minTicks, false);
    }

    /** As {@link #of(double, double, int)}, the spacing a whole number (at least 1) if {@code wholeUnits}. */
    public static NiceScale of(double low, double high, int minTicks, boolean wholeUnits) {
        if (!(high - low > EMPTY_SPAN * Math.max(Math.abs(low), Math.abs(high)))) {
            double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
            low -= pad;
            high += pad;
        }
        double rough = (high - low) / Math.max(1, minTicks - 1);
        double decade = Math.pow(10, Math.floor(Math.log10(rough)));
        double unit = decade;
        for (double step : STEPS) {
            double candidate = step * decade;
            if (candidate <= rough && (!wholeUnits || candidate == Math.rint(candidate))) {
                unit = candidate;
                break;
            }
        }
        if (wholeUnits) {
            unit = Math.max(1, unit);
        }
        return new NiceScale(Math.floor(low / unit) * unit, Math.ceil(high / unit) * unit, unit);
    }
}
