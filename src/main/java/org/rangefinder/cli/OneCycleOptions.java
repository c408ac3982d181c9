package org.rangefinder.cli;

import java.util.function.Predicate;
import org.rangefinder.UserInputException;
import org.rangefinder.schedule.Anneal;
import org.rangefinder.schedule.OneCycleSettings;
import picocli.CommandLine.Option;

/**
 * The 1cycle options shared by {@code schedule} and {@code train}, named and defaulted as PyTorch's OneCycleLR
 * arguments. {@code --min-lr} is the alternative to {@code --div-factor} for a user who picked bounds on the plot:
 * {@code div_factor = max / min}.
 */
final class OneCycleOptions {
    private static final OneCycleSettings DEFAULTS = OneCycleSettings.defaults(100, 0.1);

    @Option(names = "--max-lr", paramLabel = "X", description = "Peak learning rate (max_lr).")
    Double maxLr;

    @Option(names = "--min-lr", paramLabel = "Y", description = "Initial learning rate; sets --div-factor to max/min.")
    Double minLr;

    @Option(names = "--div-factor", description = "initial lr = max_lr / div_factor (default 25).")
    Double divFactor;

    @Option(names = "--pct-start", description = "Share of the steps spent increasing the learning rate.")
    double pctStart = DEFAULTS.pctStart();

    @Option(names = "--final-div-factor", description = "final lr = initial lr / final_div_factor.")
    double finalDivFactor = DEFAULTS.finalDivFactor();

    @Option(names = "--anneal", paramLabel = "cos|linear", description = "Annealing strategy.")
    String anneal = "cos";

    @Option(names = "--three-phase", description = "Three phases: up, back down to the initial lr, then annihilation "
            + "(with --anneal linear, Smith's original shape).")
    boolean threePhase;

    @Option(names = "--base-momentum", description = "Lowest momentum, reached at the peak learning rate.")
    double baseMomentum = DEFAULTS.baseMomentum();

    @Option(names = "--max-momentum", description = "Highest momentum, at the start and the end.")
    double maxMomentum = DEFAULTS.maxMomentum();

    @Option(names = "--no-cycle-momentum", negatable = false, description = "Keep momentum fixed instead of cycling it.")
    boolean noCycleMomentum;

    /** The settings for a schedule of {@code totalSteps} steps. */
    OneCycleSettings settings(int totalSteps) {
        if (maxLr == null) {
            throw new UserInputException("--max-lr is required for a one-cycle schedule");
        }
        return settings(totalSteps, OneCycleSettings.defaults(totalSteps, maxLr), option -> true);
    }

    /**
     * The settings of {@code base} stretched to {@code totalSteps} steps, with the options {@code given} on the
     * command line in their place; {@code --min-lr} sets {@code div_factor = max_lr / min_lr}.
     */
    OneCycleSettings settings(int totalSteps, OneCycleSettings base, Predicate<String> given) {
        if (minLr != null && divFactor != null) {
            throw new UserInputException("give either --min-lr or --div-factor, not both");
        }
        double max = maxLr != null ? maxLr : base.maxLr();
        double div = minLr != null ? OneCycleSettings.fromBounds(totalSteps, minLr, max).divFactor()
                : divFactor != null ? divFactor : base.divFactor();
        return new OneCycleSettings(totalSteps, max,
                given.test("--pct-start") ? pctStart : base.pctStart(),
                given.test("--anneal") ? Anneal.parse(anneal) : base.anneal(),
                div,
                given.test("--final-div-factor") ? finalDivFactor : base.finalDivFactor(),
                given.test("--three-phase") ? threePhase : base.threePhase(),
                given.test("--no-cycle-momentum") ? !noCycleMomentum : base.cycleMomentum(),
                given.test("--base-momentum") ? baseMomentum : base.baseMomentum(),
                given.test("--max-momentum") ? maxMomentum : base.maxMomentum());
    }
}
