package org.rangefinder.ui.chart;

/**
 * Bounds and tick spacing for a linear axis that is not auto-ranged: the spacing is 1, 2, 2.5 or 5 times a power of
 * ten, the largest that gives at least {@code minTicks - 1} intervals across {@code [low, high]}, and the bounds are
 * {@code low} and {@code high} rounded out to multiples of the spacing.
 *
 * @param lower    the axis lower bound
 * @param upper    the axis upper bound
 * @param tickUnit the spacing of the major ticks
 */
public record NiceScale(double lower, double upper, double tickUnit) {

    private static final double[] STEPS = {5, 2.5, 2, 1};

    public static NiceScale of(double low, double high, int minTicks) {
        if (!(high > low)) {
            double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
            low -= pad;
            high += pad;
        }
        double rough = (high - low) / Math.max(1, minTicks - 1);
        double decade = Math.pow(10, Math.floor(Math.log10(rough)));
        double unit = decade;
        for (double step : STEPS) {
            if (step * decade <= rough) {
                unit = step * decade;
                break;
            }
        }
        return new NiceScale(Math.floor(low / unit) * unit, Math.ceil(high / unit) * unit, unit);
    }
}
