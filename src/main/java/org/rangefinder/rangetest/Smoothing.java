package org.rangefinder.rangetest;

import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;

/**
 * The bias-corrected exponential moving average of the loss used by fastai's LR finder: with {@code v_0 = 0},
 * <pre>
 *   v_t = beta * v_{t-1} + (1 - beta) * L_t
 *   s_t = v_t / (1 - beta^t)          t = 1, 2, ...
 * </pre>
 * Dividing by {@code 1 - beta^t} removes the pull towards the zero start, so {@code s_1 = L_1}. A non-finite loss
 * makes every later value non-finite, which is what tells the suggestions where the curve ends.
 */
public final class Smoothing {

    public static final double DEFAULT_BETA = 0.98;

    private Smoothing() {
    }

    /**
     * Checks a smoothing factor.
     *
     * @throws SettingProblem unless {@code 0 <= beta < 1}
     */
    public static void checkBeta(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new SettingProblem(Setting.SMOOTHING, "must be in [0, 1), got %s", beta);
        }
    }

    /** The smoothed curve {@code s_1..s_n} of the raw losses {@code L_1..L_n}. */
    public static double[] smooth(double[] raw, double beta) {
        Ema ema = new Ema(beta);
        double[] smoothed = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            smoothed[i] = ema.add(raw[i]);
        }
        return smoothed;
    }

    /** The running average, one loss at a time (a range test smooths as it goes to decide when to stop). */
    public static final class Ema {
        private final double beta;
        private double v;
        private int t;

        /** @throws SettingProblem unless {@code 0 <= beta < 1} */
        public Ema(double beta) {
            checkBeta(beta);
            this.beta = beta;
        }

        /** Adds {@code L_t} and returns {@code s_t}. */
        public double add(double loss) {
            t++;
            v = beta * v + (1 - beta) * loss;
            return v / (1 - Math.pow(beta, t));
        }
    }
}
