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
    private final double[] lrs;
    /** Null when the momentum is not cycled. */
    private final double[] momenta;

    private OneCycleSchedule(OneCycleSettings settings, double[] lrs, double[] momenta) {
        this.settings = settings;
        this.lrs = lrs;
        this.momenta = momenta;
    }

    public static OneCycleSchedule of(OneCycleSettings s) {
        Objects.requireNonNull(s, "settings");
        List<Phase> phases = phases(s);
        int total = s.totalSteps();
        double[] lrs = new double[total];
        double[] momenta = s.cycleMomentum() ? new double[total] : null;
        for (int step = 0; step < total; step++) {
            double startStep = 0;
            for (int k = 0; k < phases.size(); k++) {
                Phase p = phases.get(k);
                if (step <= p.endStep() || k == phases.size() - 1) {
                    double pct = (step - startStep) / (p.endStep() - startStep);
                    lrs[step] = s.anneal().apply(p.startLr(), p.endLr(), pct);
                    if (momenta != null) {
                        momenta[step] = s.anneal().apply(p.startMomentum(), p.endMomentum(), pct);
                    }
                    break;
                }
                startStep = p.endStep();
            }
        }
        return new OneCycleSchedule(s, lrs, momenta);
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
        return lrs.length;
    }

    /** The learning rate of iteration {@code i}, {@code 0 <= i < T}. */
    public double lr(int i) {
        return lrs[Objects.checkIndex(i, lrs.length)];
    }

    /**
     * The momentum (or Adam's beta1) of iteration {@code i}, {@code 0 <= i < T}.
     *
     * @throws IllegalStateException when the settings do not cycle the momentum
     */
    public double momentum(int i) {
        return momentaOrThrow()[Objects.checkIndex(i, lrs.length)];
    }

    /** The learning rates of iterations {@code 0..T-1} (a copy). */
    public double[] lrs() {
        return lrs.clone();
    }

    /**
     * The momenta of iterations {@code 0..T-1} (a copy).
     *
     * @throws IllegalStateException when the settings do not cycle the momentum
     */
    public double[] momenta() {
        return momentaOrThrow().clone();
    }

    private double[] momentaOrThrow() {
        if (momenta == null) {
            throw new IllegalStateException("this 1cycle schedule does not cycle the momentum");
        }
        return momenta;
    }
}
