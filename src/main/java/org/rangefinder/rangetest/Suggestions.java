package org.rangefinder.rangetest;

import java.util.ArrayList;
import java.util.List;

import java.util.Objects;
import org.rangefinder.Counts;

/**
 * Learning rates read off a range-test curve, the fastai way. All are computed on the smoothed loss {@code s}, cut
 * at its first non-finite value ({@code points = n} values left), within the window {@code [lo, hi)} of
 * {@link SuggestionOptions} ({@code lo = n/10}, {@code hi = n - 5} by default). Indices below are window positions.
 * <ul>
 *   <li>{@code steep}: {@code lr_i} at the first {@code i} minimising the slope
 *       {@code (s_{i+1} - s_i) / (ln lr_{i+1} - ln lr_i)} over the consecutive pairs of the window. A pair whose two
 *       learning rates are equal (a staircase ladder holds each rung for several iterations) has no slope and is
 *       skipped; if every pair is such, {@code steep} is null.</li>
 *   <li>{@code valley} (fastai's default): {@code lds_i} is the length of the longest strictly decreasing
 *       subsequence of {@code s} ending at {@code i}. Scanning {@code i = 1..m-1} and, inside, {@code j = 0..i-1},
 *       {@code lds_i} becomes {@code lds_j + 1} when {@code s_i < s_j} and that is longer; after each {@code j}, if
 *       {@code lds_i > lds_maxEnd} then {@code maxEnd = i} and {@code maxStart = maxEnd - lds_maxEnd} (so
 *       {@code maxEnd} is the first end of a longest run and {@code maxStart} one before its first point). With
 *       {@code sec = (maxEnd - maxStart)/3} the suggestion is {@code lr} at
 *       {@code maxStart + floor(sec) + floor(sec/2)}. This mirrors fastai's loop statement for statement so that
 *       the numbers agree, including a quirk: when the longest decreasing run has two points and ends at window
 *       position 1, the index is -1, which Python reads as the last point of the window, and so do we.</li>
 *   <li>{@code minimum}: {@code lr} at the first lowest {@code s} in the window, divided by 10.</li>
 *   <li>{@code range}: {@code max} is the suggestion of {@link SuggestionOptions#rangeMethod()}, {@code min} is
 *       {@code max / rangeFactor}; null when that suggestion is.</li>
 * </ul>
 * With fewer than {@value #MIN_POINTS} points, or a window of fewer than two points, there are no suggestions.
 *
 * @param reason why one or more suggestions are missing; null when all exist
 */
public record Suggestions(Double steep, Double valley, Double minimum, LrRange range, int points, String reason) {

    /** The fewest finite points a curve needs before anything is suggested. */
    public static final int MIN_POINTS = 10;

    /** Suggestions from a curve of learning rates and already smoothed losses, point for point. */
    public static Suggestions fromSmoothed(double[] lrs, double[] smoothed, SuggestionOptions o) {
        Objects.requireNonNull(o, "options");
        if (lrs.length != smoothed.length) {
            throw new IllegalArgumentException(lrs.length + " learning rates but " + smoothed.length + " losses");
        }
        int n = 0;
        while (n < smoothed.length && Double.isFinite(smoothed[n])) {
            n++;
        }
        if (n < MIN_POINTS) {
            String where = n < smoothed.length ? " before the first non-finite loss" : "";
            return none(n, "only " + Counts.of(n, "point") + where + "; need at least " + MIN_POINTS);
        }
        int lo = n / o.skipStartDivisor();
        int hi = n - o.skipEnd();
        if (hi - lo < 2) {
            return none(n, "the window [" + lo + ", " + hi + ") of the " + n + " points holds fewer than 2 points");
        }
        for (int i = lo; i < hi; i++) {
            if (!(lrs[i] > 0) || !Double.isFinite(lrs[i])) {
                throw new IllegalArgumentException("learning rate " + i + " is " + lrs[i] + "; must be finite and > 0");
            }
        }
        int steepAt = steepIndex(lrs, smoothed, lo, hi);
        Double steep = steepAt < 0 ? null : lrs[steepAt];
        double valley = lrs[valleyIndex(smoothed, lo, hi)];
        double minimum = lrs[minimumIndex(smoothed, lo, hi)] / 10;
        Double top = switch (o.rangeMethod()) {
            case STEEP -> steep;
            case VALLEY -> valley;
            case MINIMUM -> minimum;
        };
        double bottom = top == null ? Double.NaN : top / o.rangeFactor();
        // a bottom that underflows (to 0 or a subnormal) is no learning rate to start a cycle at
        LrRange range = bottom >= Double.MIN_NORMAL ? new LrRange(bottom, top) : null;
        List<String> reasons = new ArrayList<>();
        if (steep == null) {
            reasons.add("no two consecutive points in the window [" + lo + ", " + hi + ") have different learning "
                    + "rates, so there is no slope for steep");
        }
        if (top != null && range == null) {
            reasons.add("--range-factor " + o.rangeFactor() + " puts the bottom of the range at " + top + " / "
                    + o.rangeFactor() + " = " + bottom + ", below the smallest normal number (" + Double.MIN_NORMAL
                    + "), so there is no range: use a smaller --range-factor");
        }
        return new Suggestions(steep, valley, minimum, range, n, reasons.isEmpty() ? null : String.join("; ", reasons));
    }

    /** The learning rate a method suggests; null when the curve gave none. */
    public Double lr(SuggestionMethod method) {
        return switch (method) {
            case STEEP -> steep;
            case VALLEY -> valley;
            case MINIMUM -> minimum;
        };
    }

    /** Suggestions from raw losses, smoothed first with {@link Smoothing#smooth(double[], double)}. */
    public static Suggestions fromRaw(double[] lrs, double[] rawLosses, double beta, SuggestionOptions o) {
        return fromSmoothed(lrs, Smoothing.smooth(rawLosses, beta), o);
    }

    private static Suggestions none(int points, String reason) {
        return new Suggestions(null, null, null, null, points, reason);
    }

    /** The first {@code i} of the steepest descending pair (i, i+1), or -1 when no pair has a slope. */
    private static int steepIndex(double[] lrs, double[] s, int lo, int hi) {
        int best = -1;
        double bestSlope = Double.POSITIVE_INFINITY;
        for (int i = lo; i + 1 < hi; i++) {
            double run = Math.log(lrs[i + 1]) - Math.log(lrs[i]);
            if (run == 0) {
                continue;
            }
            double slope = (s[i + 1] - s[i]) / run;
            if (best < 0 || slope < bestSlope) {
                best = i;
                bestSlope = slope;
            }
        }
        return best;
    }

    /**
     * fastai's {@code valley}, on the window {@code s[lo..hi)}; returns an index into {@code s}.
     *
     * <p>fastai's double loop is quadratic (a million-point curve: minutes). Its outcome is reached here in
     * {@code O(m log m)}: {@code lds_i} is found by binary search over the smallest last value of a strictly
     * decreasing subsequence of each length seen so far (patience sorting), and the loop's state after its end is
     * this. Its record {@code lds_maxEnd} only grows, and {@code lds_i} can exceed the record of the points before
     * {@code i} by one at most, so whenever {@code maxEnd} moves to {@code i}, {@code lds_i} is already final:
     * {@code maxEnd} is the first {@code i} with the largest {@code lds_i} and {@code maxStart = maxEnd - lds_maxEnd}.
     * When no two points decrease, the record never moves and both stay 0. ({@code SuggestionsTest} checks this
     * against the loop itself on random curves with ties.)
     */
    private static int valleyIndex(double[] s, int lo, int hi) {
        int m = hi - lo;
        // tails[k]: the largest last value of a strictly decreasing subsequence of length k + 1 so far
        double[] tails = new double[m];
        int longest = 0;
        int maxStart = 0;
        int maxEnd = 0;
        for (int i = 0; i < m; i++) {
            double v = s[lo + i];
            // the first k whose tail is not above v: v extends the subsequence of length k (tails[k - 1] > v)
            int low = 0;
            int high = longest;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (tails[mid] > v) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            tails[low] = v;
            int lds = low + 1;
            if (lds > longest) {
                longest = lds;
                if (lds > 1) {
                    maxEnd = i;
                    maxStart = i - lds;
                }
            }
        }
        double sections = (maxEnd - maxStart) / 3.0;
        int idx = maxStart + (int) sections + (int) (sections / 2);
        return lo + (idx < 0 ? idx + m : idx);
    }

    /** The first index of the lowest value in {@code s[lo..hi)}. */
    private static int minimumIndex(double[] s, int lo, int hi) {
        int best = lo;
        for (int i = lo + 1; i < hi; i++) {
            if (s[i] < s[best]) {
                best = i;
            }
        }
        return best;
    }
}
