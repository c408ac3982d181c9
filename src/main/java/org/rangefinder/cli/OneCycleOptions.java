package org.rangefinder.cli;

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

    @Option(names = "--max-lr", paramLabel = "X", description = "The peak learning rate (max_lr).")
    Double maxLr;

    @Option(names = "--min-lr", paramLabel = "Y", description = "The LR the cycle starts at; instead of --div-factor "
            + "(div-factor = max-lr / min-lr).")
    Double minLr;

    @Option(names = "--div-factor", description = {"The cycle starts at max-lr / div-factor.",
            "  Default: " + OneCycleSettings.DEFAULT_DIV_FACTOR})
    Double divFactor;

    @Option(names = "--pct-start", description = "Fraction of the cycle spent raising the LR, strictly between 0 and 1.")
    double pctStart = OneCycleSettings.DEFAULT_PCT_START;

    @Option(names = "--final-div-factor", description = "The cycle ends at (max-lr / div-factor) / final-div-factor.")
    double finalDivFactor = OneCycleSettings.DEFAULT_FINAL_DIV_FACTOR;

    @Option(names = "--anneal", paramLabel = "cos|linear", description = "Annealing within each phase.")
    String anneal = "cos";

    @Option(names = "--three-phase", description = "Back down to the start LR symmetrically, then annihilate to the final "
            + "LR (PyTorch's three_phase; with --anneal linear, Smith's original shape).")
    boolean threePhase;

    @Option(names = "--base-momentum", description = "Momentum at the LR peak.")
    double baseMomentum = OneCycleSettings.DEFAULT_BASE_MOMENTUM;

    @Option(names = "--max-momentum", description = "Momentum at the start and end of the cycle.")
    double maxMomentum = OneCycleSettings.DEFAULT_MAX_MOMENTUM;

    @Option(names = "--no-cycle-momentum", description = "Keep momentum fixed (the optimizer's --momentum) instead of "
            + "cycling it (PyTorch's cycle_momentum=False).")
    boolean noCycleMomentum;

    /** The settings for a schedule of {@code totalSteps} steps, every value checked. */
    OneCycleSettings settings(int totalSteps) {
        if (maxLr == null) {
            throw new UserInputException("--max-lr is required for a one-cycle schedule");
        }
        double div = divFactor != null ? divFactor : OneCycleSettings.DEFAULT_DIV_FACTOR;
        if (minLr != null) {
            if (divFactor != null) {
                throw new UserInputException("--min-lr and --div-factor both set the start of the cycle; give one, not both");
            }
            div = OneCycleSettings.divFactorFor(minLr, maxLr);
        }
        return new OneCycleSettings(totalSteps, maxLr, pctStart, Anneal.parse(anneal), div, finalDivFactor, threePhase,
                !noCycleMomentum, baseMomentum, maxMomentum);
    }
}
