package org.rangefinder.schedule;

import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;

/**
 * The learning rates of an LR range test: a ladder from {@code start} to {@code end} over {@code n} iterations, both
 * ends included. For iteration {@code i = 0..n-1}:
 * <ul>
 *   <li>exponential (pytorch-lr-finder's): {@code lr_i = start * (end/start)^(i/(n-1))}. fastai's
 *       {@code LRFinder} takes {@code i/n} for the exponent and so never reaches {@code end} (100 iterations from
 *       1e-7 to 10: its last LR is 8.32, and each of its LRs is lower than ours by {@code (end/start)^(i/(n(n-1)))},
 *       up to 1.2 times).</li>
 *   <li>linear (Smith's original test): {@code lr_i = start + (i/(n-1)) * (end - start)}</li>
 * </ul>
 * A staircase (DeepSpeed's LR range test, {@code lr_range_test_step_size}) holds each rung for {@code stepSize = K}
 * iterations, so that the loss at one LR is seen over several batches: with {@code R = ceil(n/K)} rungs, iteration
 * {@code i} uses rung {@code floor(i/K)} of the same ladder built over {@code R} rungs. {@code K = 1} is the plain
 * ladder; {@code K} must leave at least two rungs ({@code K < n}), as a ladder needs two learning rates.
 */
public final class LrLadder {
    /** The most iterations a range test may take (its learning rates are computed ahead, one per iteration). */
    public static final int MAX_ITERATIONS = 1_000_000;

    private LrLadder() {
    }

    /**
     * The LR of each iteration {@code 0..n-1}.
     *
     * @throws SettingProblem unless {@link #check} passes
     */
    public static double[] values(double start, double end, int n, LadderMode mode, int stepSize) {
        check(start, end, n, mode, stepSize);
        int rungs = (n - 1) / stepSize + 1; // ceil(n/K) without overflow
        double[] rungLrs = ladder(start, end, rungs, mode);
        double[] lrs = new double[n];
        for (int i = 0; i < n; i++) {
            lrs[i] = rungLrs[i / stepSize];
        }
        return lrs;
    }

    /**
     * Checks a ladder's settings without computing it (a form checks them at each keystroke, for each member of a
     * sweep, and a ladder may have a million rungs).
     *
     * @throws SettingProblem unless {@code 0 < start < end}, both finite and (exponential) {@code end / start} too,
     *         {@code 2 <= n <= }{@value #MAX_ITERATIONS}, {@code 1 <= stepSize < n} (two rungs at least)
     */
    public static void check(double start, double end, int n, LadderMode mode, int stepSize) {
        if (!(start > 0) || !Double.isFinite(start)) {
            throw new SettingProblem(Setting.START_LR, "must be a finite number > 0, got %s", start);
        }
        if (!(end > start) || !Double.isFinite(end)) {
            throw new SettingProblem(Setting.END_LR, "must be a finite number > %s (%s), got %s", Setting.START_LR,
                    start, end);
        }
        if (mode == LadderMode.EXP && Double.isInfinite(end / start)) {
            // the exponential ladder is start * (end/start)^(i/(n-1)), computed as written (as pytorch-lr-finder does)
            throw ratioBeyondDouble(Setting.END_LR, end, Setting.START_LR, start);
        }
        if (n < 2 || n > MAX_ITERATIONS) {
            throw new SettingProblem(Setting.ITERATIONS, "must be between 2 and %s, got %s", MAX_ITERATIONS, n);
        }
        if (stepSize < 1) {
            throw new SettingProblem(Setting.STEP_SIZE, "must be >= 1, got %s", stepSize);
        }
        if (stepSize >= n) {
            // one rung: every iteration at the start, and the end never reached
            throw new SettingProblem(Setting.STEP_SIZE, "must be below %s (%s) to leave two rungs or more, got %s",
                    Setting.ITERATIONS, n, stepSize);
        }
    }

    /**
     * The refusal of a {@code top / bottom} ratio beyond the largest double (an exponential ladder's
     * {@code end / start}, a cycle's {@code maxLr / minLr}), which no schedule can be computed from.
     */
    static SettingProblem ratioBeyondDouble(Setting top, double topValue, Setting bottom, double bottomValue) {
        return new SettingProblem(top, "%s / %s %s is beyond the largest number a double holds (%s): raise %s or "
                + "lower %s", topValue, bottom, bottomValue, Double.MAX_VALUE, bottom, top);
    }

    private static double[] ladder(double start, double end, int n, LadderMode mode) {
        double[] lrs = new double[n];
        for (int i = 0; i < n; i++) {
            double pos = (double) i / (n - 1);
            lrs[i] = switch (mode) {
                case EXP -> start * Libm.pow(end / start, pos); // the C library's pow, as Python's **
                case LINEAR -> start + pos * (end - start);
            };
        }
        return lrs;
    }
}
