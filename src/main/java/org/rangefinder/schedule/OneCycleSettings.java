package org.rangefinder.schedule;

import java.util.Objects;
import org.rangefinder.Counts;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;

/**
 * The parameters of a 1cycle schedule, named and defaulted as in PyTorch's {@code OneCycleLR}. Validated on
 * construction: an instance always describes a schedule that can be computed, with at least one step in every phase.
 *
 * @param totalSteps     number of iterations {@code T} (PyTorch {@code total_steps}), at least 1
 * @param maxLr          the peak learning rate
 * @param pctStart       fraction of the cycle spent raising the LR, strictly between 0 and 1
 * @param anneal         cosine or linear annealing inside each phase
 * @param divFactor      {@code initialLr = maxLr / divFactor}, a finite number > 0
 * @param finalDivFactor {@code minLr = initialLr / finalDivFactor}, a finite number > 0
 * @param threePhase     PyTorch's {@code three_phase}: down to {@code initialLr} symmetrically, then to {@code minLr}
 * @param cycleMomentum  whether momentum moves opposite to the LR
 * @param baseMomentum   the momentum at the LR peak, in {@code [0, 1)} (checked even when not cycling, as a
 *                       hyperparameter file holds it either way); at most {@code maxMomentum} when cycling
 * @param maxMomentum    the momentum at the ends of the cycle, in {@code [0, 1)} (checked even when not cycling)
 */
public record OneCycleSettings(int totalSteps, double maxLr, double pctStart, Anneal anneal, double divFactor,
        double finalDivFactor, boolean threePhase, boolean cycleMomentum, double baseMomentum, double maxMomentum) {

    public static final double DEFAULT_PCT_START = 0.3;
    public static final double DEFAULT_DIV_FACTOR = 25;
    public static final double DEFAULT_FINAL_DIV_FACTOR = 1e4;
    public static final double DEFAULT_BASE_MOMENTUM = 0.85;
    public static final double DEFAULT_MAX_MOMENTUM = 0.95;
    /**
     * The most steps a cycle (or a training) may take: its learning rates and momenta are computed ahead, one per
     * step, and the window computes them again at each frame of a marker drag for its preview.
     */
    public static final int MAX_STEPS = 1_000_000;

    public OneCycleSettings {
        Objects.requireNonNull(anneal, "anneal");
        if (totalSteps < 1 || totalSteps > MAX_STEPS) {
            throw new SettingProblem(Setting.STEPS, "must be between 1 and %s, got %s", MAX_STEPS, totalSteps);
        }
        requireFinitePositive(Setting.MAX_LR, maxLr);
        if (!(pctStart > 0 && pctStart < 1)) {
            throw new SettingProblem(Setting.PCT_START, "must be between 0 and 1 (both excluded), got %s", pctStart);
        }
        requireFinitePositive(Setting.DIV_FACTOR, divFactor);
        requireFinitePositive(Setting.FINAL_DIV_FACTOR, finalDivFactor);
        double initialLr = maxLr / divFactor;
        double minLr = initialLr / finalDivFactor;
        if (!Double.isFinite(initialLr) || !Double.isFinite(minLr) || !(minLr > 0)) {
            throw new SettingProblem(Setting.MAX_LR, "%s, %s %s and %s %s give an initial LR of %s and a final LR of "
                    + "%s; both must be finite and > 0", maxLr, Setting.DIV_FACTOR, divFactor, Setting.FINAL_DIV_FACTOR,
                    finalDivFactor, initialLr, minLr);
        }
        // checked when they are not cycled too, as a hyperparameter file holds them either way
        if (!(maxMomentum >= 0 && maxMomentum < 1)) {
            throw new SettingProblem(Setting.MAX_MOMENTUM, "must be in [0, 1), got %s", maxMomentum);
        }
        if (!(baseMomentum >= 0 && baseMomentum < 1)) {
            throw new SettingProblem(Setting.BASE_MOMENTUM, "must be in [0, 1), got %s", baseMomentum);
        }
        if (cycleMomentum && baseMomentum > maxMomentum) {
            throw new SettingProblem(Setting.BASE_MOMENTUM, "must be in [0, %s %s], got %s", Setting.MAX_MOMENTUM,
                    maxMomentum, baseMomentum);
        }
        double[] ends = phaseEndSteps(totalSteps, pctStart, threePhase);
        for (int k = 0; k < ends.length; k++) {
            // phase 1 holds the steps 0..end; phase k > 1 the steps in (previous end, end]. A phase 1 ending exactly
            // at step 0 would divide by zero in PyTorch.
            boolean hasStep = k == 0 ? ends[0] > 0 : Math.floor(ends[k]) > Math.floor(ends[k - 1]);
            if (!hasStep) {
                throw new SettingProblem(Setting.PCT_START, "%s leaves phase %s of %s with no steps in a cycle of "
                        + "%s", pctStart, k + 1, ends.length, Counts.of(totalSteps, "step"));
            }
        }
    }

    /** PyTorch's defaults: pct_start 0.3, cosine, div 25, final div 1e4, two phases, momentum 0.95 to 0.85. */
    public static OneCycleSettings defaults(int totalSteps, double maxLr) {
        return new OneCycleSettings(totalSteps, maxLr, DEFAULT_PCT_START, Anneal.COS, DEFAULT_DIV_FACTOR,
                DEFAULT_FINAL_DIV_FACTOR, false, true, DEFAULT_BASE_MOMENTUM, DEFAULT_MAX_MOMENTUM);
    }

    /**
     * The defaults with the cycle's bounds taken from a range test: {@code maxLr} is the peak and
     * {@code divFactor = maxLr / minLr}, so that the cycle starts at {@code maxLr / divFactor}, which is
     * {@code minLr} up to rounding (exactly what PyTorch computes when given that {@code div_factor}).
     */
    public static OneCycleSettings fromBounds(int totalSteps, double minLr, double maxLr) {
        return defaults(totalSteps, maxLr).withDivFactor(divFactorFor(minLr, maxLr));
    }

    /**
     * The {@code divFactor} that starts a cycle peaking at {@code maxLr} at {@code minLr}: {@code maxLr / minLr}.
     *
     * @throws SettingProblem unless {@code 0 < minLr < maxLr}, both finite, and {@code maxLr / minLr} too
     */
    public static double divFactorFor(double minLr, double maxLr) {
        requireFinitePositive(Setting.MAX_LR, maxLr);
        requireFinitePositive(Setting.MIN_LR, minLr);
        if (!(minLr < maxLr)) {
            throw new SettingProblem(Setting.MIN_LR, "must be below %s, got %s %s and %s %s", Setting.MAX_LR,
                    Setting.MIN_LR, minLr, Setting.MAX_LR, maxLr);
        }
        double div = maxLr / minLr;
        if (Double.isInfinite(div)) {
            throw LrLadder.ratioBeyondDouble(Setting.MAX_LR, maxLr, Setting.MIN_LR, minLr);
        }
        return div;
    }

    /** The LR at step 0: {@code maxLr / divFactor}. */
    public double initialLr() {
        return maxLr / divFactor;
    }

    /** The final LR, at the last step: {@code initialLr / finalDivFactor}. */
    public double minLr() {
        return initialLr() / finalDivFactor;
    }

    /**
     * PyTorch's {@code end_step} of each phase, in PyTorch's order of operations: two phases end at
     * {@code pctStart*T - 1} and {@code T - 1}; three at {@code pctStart*T - 1}, {@code 2*pctStart*T - 2},
     * {@code T - 1}.
     */
    double[] phaseEndSteps() {
        return phaseEndSteps(totalSteps, pctStart, threePhase);
    }

    private static double[] phaseEndSteps(int totalSteps, double pctStart, boolean threePhase) {
        double first = pctStart * totalSteps - 1;
        return threePhase
                ? new double[] {first, 2 * pctStart * totalSteps - 2, totalSteps - 1}
                : new double[] {first, totalSteps - 1};
    }

    private static void requireFinitePositive(Setting setting, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new SettingProblem(setting, "must be a finite number > 0, got %s", value);
        }
    }

    public OneCycleSettings withTotalSteps(int t) {
        return new OneCycleSettings(t, maxLr, pctStart, anneal, divFactor, finalDivFactor, threePhase, cycleMomentum,
                baseMomentum, maxMomentum);
    }

    public OneCycleSettings withMaxLr(double lr) {
        return new OneCycleSettings(totalSteps, lr, pctStart, anneal, divFactor, finalDivFactor, threePhase,
                cycleMomentum, baseMomentum, maxMomentum);
    }

    public OneCycleSettings withPctStart(double pct) {
        return new OneCycleSettings(totalSteps, maxLr, pct, anneal, divFactor, finalDivFactor, threePhase,
                cycleMomentum, baseMomentum, maxMomentum);
    }

    public OneCycleSettings withAnneal(Anneal a) {
        return new OneCycleSettings(totalSteps, maxLr, pctStart, a, divFactor, finalDivFactor, threePhase,
                cycleMomentum, baseMomentum, maxMomentum);
    }

    public OneCycleSettings withDivFactor(double div) {
        return new OneCycleSettings(totalSteps, maxLr, pctStart, anneal, div, finalDivFactor, threePhase,
                cycleMomentum, baseMomentum, maxMomentum);
    }

    public OneCycleSettings withFinalDivFactor(double finalDiv) {
        return new OneCycleSettings(totalSteps, maxLr, pctStart, anneal, divFactor, finalDiv, threePhase,
                cycleMomentum, baseMomentum, maxMomentum);
    }

    public OneCycleSettings withThreePhase(boolean three) {
        return new OneCycleSettings(totalSteps, maxLr, pctStart, anneal, divFactor, finalDivFactor, three,
                cycleMomentum, baseMomentum, maxMomentum);
    }

    public OneCycleSettings withCycleMomentum(boolean cycle) {
        return new OneCycleSettings(totalSteps, maxLr, pctStart, anneal, divFactor, finalDivFactor, threePhase, cycle,
                baseMomentum, maxMomentum);
    }

    /** Both momentum bounds at once, so that moving them past each other never passes through an invalid pair. */
    public OneCycleSettings withMomenta(double base, double max) {
        return new OneCycleSettings(totalSteps, maxLr, pctStart, anneal, divFactor, finalDivFactor, threePhase,
                cycleMomentum, base, max);
    }
}
