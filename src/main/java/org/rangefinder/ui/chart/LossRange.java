package org.rangefinder.ui.chart;

import org.rangefinder.rangetest.RangeTestConfig;

/**
 * The y range in which a range-test curve is worth looking at: without its diverged tail. Users want to see the
 * valley, not the last spike to 1e29 that stopped the test.
 *
 * <p>For a curve {@code y_0..y_{n-1}} (cut at its first non-finite value), with {@code m} the index of its lowest
 * value, the tail starts at the first {@code j > m} where {@code y_j > y_0}: the loss has climbed back above where
 * it started. A curve whose lowest value lies among its first tenth ({@code m < n/10}, integer division: the points
 * fastai's suggestions skip; a loss that only rises, as from a start LR too high, after at most a dip of noise) has
 * no valley to climb back from: its tail starts where the range test's own stop would have ended it with its default
 * divergence factor ({@link RangeTestConfig#DEFAULT_DIVERGE_FACTOR}, 4), at the first {@code j > m} where
 * {@code y_j > 4 * y_m} ({@code y_m > 0}; none for a lowest value at or below 0). Cut at the first {@code y_j > y_0},
 * such a curve kept its first point or two, and the axis fitted to them showed the rest of the curve off its edge.
 * A curve of fewer than ten points has no first tenth, too few points to tell a rise from noise: it is cut above
 * {@code y_0} (fitted to its points instead, the axis changed at almost each point as a run started, and the window
 * painted the whole plot again each time). The range spans the lowest and highest of {@code y_0..y_{j-1}} (the whole
 * curve when there is no such {@code j}).
 *
 * <p>A raw curve, drawn beside its smoothed one, is fitted by the same rule on its own values: its noise dips below
 * the smoothed curve, and those dips are in the range; its tail starts where a raw loss first climbs back above the
 * raw start after the lowest raw loss, which is where the raw curve diverged (a few points before the smoothed one,
 * which lags it).
 */
public final class LossRange {

    private LossRange() {
    }

    /** {@code {low, high}} of the curve without its tail, or null when it has no finite value. */
    public static double[] withoutDivergedTail(double[] ys) {
        int n = 0;
        while (n < ys.length && Double.isFinite(ys[n])) {
            n++;
        }
        if (n == 0) {
            return null;
        }
        int lowest = 0;
        for (int i = 1; i < n; i++) {
            if (ys[i] < ys[lowest]) {
                lowest = i;
            }
        }
        double above = lowest >= n / 10 ? ys[0] : divergedAbove(ys[lowest]);
        int end = n;
        for (int j = lowest + 1; j < n; j++) {
            if (ys[j] > above) {
                end = j;
                break;
            }
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < end; i++) {
            low = Math.min(low, ys[i]);
            high = Math.max(high, ys[i]);
        }
        return new double[] {low, high};
    }

    /** The loss above which a curve whose lowest is {@code lowest} has diverged: {@code 4 * lowest}, none if <= 0. */
    private static double divergedAbove(double lowest) {
        return lowest > 0 ? RangeTestConfig.DEFAULT_DIVERGE_FACTOR * lowest : Double.POSITIVE_INFINITY;
    }

    /**
     * {@code range} with {@code fraction} of its span added on each side, but not below 0 when the range does not
     * reach below it: a loss such as cross-entropy is never negative, and an axis running to -0.25 under a curve that
     * touches 0 shows losses no run can have.
     */
    public static double[] padded(double[] range, double fraction) {
        double pad = fraction * (range[1] - range[0]);
        double low = range[0] - pad;
        return new double[] {range[0] >= 0 ? Math.max(0, low) : low, range[1] + pad};
    }

    /** The union of two ranges, either of which may be null. */
    public static double[] union(double[] a, double[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])};
    }
}
