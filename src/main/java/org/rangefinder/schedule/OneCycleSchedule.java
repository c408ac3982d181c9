package org.rangefinder.schedule;

import java.util.List;
import java.util.Objects;

/**
 * The 1cycle policy (Smith, "Super-Convergence", 2017; Smith, "A disciplined approach to neural network
 * hyper-parameters", 2018) computed exactly as PyTorch's {@code torch.optim.lr_scheduler.OneCycleLR}: {@link #lr(int)}
 * is the learning rate the optimizer uses for iteration {@code i = 0..T-1} (before the i-th
 * {@code scheduler.step()}). The arithmetic is done in PyTorch's order and cosine annealing uses the C library's
 * {@code cos}, as Python does ({@link Libm}), so the values agree bit for bit. (With Java's {@code Math.cos}, 27 of
 * 120,592 values differed from PyTorch 1.13's on glibc in the last bit.)
 *
 * <h2>Values</h2>
 * {@code initialLr = maxLr / divFactor}, {@code minLr = initialLr / finalDivFactor}. Phases, each with an end step
 * {@code e_k} (doubles, as in PyTorch) and start/end values for the LR and the momentum:
 * <pre>
 *   phase            end step e_k          LR                     momentum
 *   two-phase   1    pctStart*T - 1        initialLr -&gt; maxLr     maxMomentum -&gt; baseMomentum
 *               2    T - 1                 maxLr -&gt; minLr         baseMomentum -&gt; maxMomentum
 *   three-phase 1    pctStart*T - 1        initialLr -&gt; maxLr     maxMomentum -&gt; baseMomentum
 *               2    2*pctStart*T - 2      maxLr -&gt; initialLr     baseMomentum -&gt; maxMomentum
 *               3    T - 1                 initialLr -&gt; minLr     maxMomentum -&gt; maxMomentum
 * </pre>
 * Step {@code i} belongs to the first phase with {@code i <= e_k} (or to the last phase), whose start step {@code s}
 * is the previous phase's end ({@code 0} for the first phase). With {@code pct = (i - s) / (e_k - s)} the value is
 * <ul>
 *   <li>cosine: {@code end + (start - end)/2 * (cos(pi*pct) + 1)}</li>
 *   <li>linear: {@code (end - start)*pct + start}</li>
 * </ul>
 * Because the end steps are fractional, the peak {@code maxLr} is only reached exactly when {@code pctStart*T} is a
 * whole number; that is PyTorch's behaviour too.
 *
 * <h2>Smith's shape</h2>
 * The two-phase cosine default is fastai's variant. Smith's original 1cycle (LR linearly up, linearly down to where
 * it started, then a short annihilation to a tiny LR; momentum the mirror image of the LR, held at its maximum
 * during the annihilation) is {@code threePhase} with {@link Anneal#LINEAR}.
 */
public final class OneCycleSchedule {

    /** One phase of the cycle: its end step and the values it goes between. */
    private record Phase(double endStep, double startLr, double endLr, double startMomentum, double endMomentum) {
    }

    private final OneCycleSettings settings;
    private final List<Phase> phases;

    private OneCycleSchedule(OneCycleSettings settings) {
        this.settings = settings;
        this.phases = phases(settings);
    }

    /** The schedule of {@code s}; each value is computed when asked for (a preview asks for a few of a long cycle). */
    public static OneCycleSchedule of(OneCycleSettings s) {
        return new OneCycleSchedule(Objects.requireNonNull(s, "settings"));
    }

    private static List<Phase> phases(OneCycleSettings s) {
        double[] ends = s.phaseEndSteps();
        double initial = s.initialLr();
        double max = s.maxLr();
        double min = s.minLr();
        double base = s.baseMomentum();
        double top = s.maxMomentum();
        return s.threePhase()
                ? List.of(new Phase(ends[0], initial, max, top, base), new Phase(ends[1], max, initial, base, top),
                        new Phase(ends[2], initial, min, top, top))
                : List.of(new Phase(ends[0], initial, max, top, base), new Phase(ends[1], max, min, base, top));
    }

    public OneCycleSettings settings() {
        return settings;
    }

    public int totalSteps() {
        return settings.totalSteps();
    }

    /** The learning rate of iteration {@code i}, {@code 0 <= i < T}. */
    public double lr(int i) {
        return value(Objects.checkIndex(i, totalSteps()), false);
    }

    /**
     * The momentum (or Adam's beta1) of iteration {@code i}, {@code 0 <= i < T}.
     *
     * @throws IllegalStateException when the settings do not cycle the momentum
     */
    public double momentum(int i) {
        requireMomentum();
        return value(Objects.checkIndex(i, totalSteps()), true);
    }

    /** The learning rates of iterations {@code 0..T-1}. */
    public double[] lrs() {
        return values(false);
    }

    /**
     * The momenta of iterations {@code 0..T-1}.
     *
     * @throws IllegalStateException when the settings do not cycle the momentum
     */
    public double[] momenta() {
        requireMomentum();
        return values(true);
    }

    /** The smallest and the largest learning rate of the cycle, found without computing every step. */
    public double[] lrExtent() {
        return extent(false);
    }

    /**
     * The smallest and the largest momentum of the cycle, found without computing every step.
     *
     * @throws IllegalStateException when the settings do not cycle the momentum
     */
    public double[] momentumExtent() {
        requireMomentum();
        return extent(true);
    }

    /**
     * Step {@code i}'s value in the first phase with {@code i <= e_k} (or the last phase), {@code pct} counted from
     * the previous phase's end.
     */
    private double value(int step, boolean momentum) {
        double startStep = 0;
        for (int k = 0; k < phases.size(); k++) {
            Phase p = phases.get(k);
            if (step <= p.endStep() || k == phases.size() - 1) {
                double pct = (step - startStep) / (p.endStep() - startStep);
                return momentum ? settings.anneal().apply(p.startMomentum(), p.endMomentum(), pct)
                        : settings.anneal().apply(p.startLr(), p.endLr(), pct);
            }
            startStep = p.endStep();
        }
        throw new AssertionError("a cycle has at least one phase");
    }

    private double[] values(boolean momentum) {
        double[] values = new double[totalSteps()];
        for (int step = 0; step < values.length; step++) {
            values[step] = value(step, momentum);
        }
        return values;
    }

    /**
     * Each phase's values move one way from its first step to its last (both annealings are monotonic in
     * {@code pct}), so the extremes lie among the phases' first and last steps: 0, the steps either side of each
     * fractional end step, and {@code T - 1}.
     */
    private double[] extent(boolean momentum) {
        int last = totalSteps() - 1;
        double min = value(0, momentum);
        double max = min;
        for (Phase p : phases) {
            for (double step : new double[] {Math.floor(p.endStep()), Math.floor(p.endStep()) + 1}) {
                if (step >= 0 && step <= last) {
                    double v = value((int) step, momentum);
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        double v = value(last, momentum);
        return new double[] {Math.min(min, v), Math.max(max, v)};
    }

    private void requireMomentum() {
        if (!settings.cycleMomentum()) {
            throw new IllegalStateException("this 1cycle schedule does not cycle the momentum");
        }
    }
}
