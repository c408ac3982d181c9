package org.rangefinder.cli;

import java.util.function.Predicate;
import org.rangefinder.Setting;
import org.rangefinder.UserInputException;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.schedule.Anneal;
import org.rangefinder.schedule.OneCycleSettings;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The 1cycle options shared by {@code schedule} and {@code train}, named and defaulted as PyTorch's OneCycleLR
 * arguments. {@code --min-lr} is the alternative to {@code --div-factor} for a user who picked bounds on the plot:
 * {@code div_factor = max / min}.
 */
final class OneCycleOptions {

    @Option(names = "--max-lr", paramLabel = "X", description = "The peak learning rate (max_lr); required, but for "
            + "train --hyperparams, which takes the file's.")
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

    @Option(names = "--no-cycle-momentum", description = "Keep momentum fixed instead of cycling it (PyTorch's "
            + "cycle_momentum=False): train keeps the optimizer's --momentum; schedule leaves the momentum column "
            + "empty.")
    boolean noCycleMomentum;

    /** The settings for a schedule of {@code totalSteps} steps, every value checked. */
    OneCycleSettings settings(int totalSteps) {
        if (maxLr == null) {
            throw new UserInputException("--max-lr is required for a one-cycle schedule");
        }
        // every option counts as given, so no value of a base is read: PyTorch's defaults are the options' own
        return settings(totalSteps, null, option -> true);
    }

    /**
     * Refuses {@code --base-momentum} and {@code --max-momentum} given where nothing would use them, as
     * {@link DataModelOptions#checkMomentumUsed} refuses {@code --momentum}: plain SGD has no momentum, and a
     * schedule that does not cycle the momentum runs without them.
     *
     * @param parsed        the command line
     * @param takesMomentum whether the run's optimizer has a momentum
     * @param cycled        whether the schedule cycles the momentum
     * @param notCycled     why it does not, and what takes the momentum's place instead
     */
    void checkMomentaUsed(ParseResult parsed, boolean takesMomentum, boolean cycled, String notCycled) {
        for (Setting momentum : new Setting[] {Setting.BASE_MOMENTUM, Setting.MAX_MOMENTUM}) {
            String option = momentum.cliName();
            if (!parsed.hasMatchedOption(option)) {
                continue;
            }
            String value = parsed.matchedOption(option).stringValues().get(0);
            if (!takesMomentum) {
                throw OptimizerKind.noMomentumFor(momentum, value);
            }
            if (!cycled) {
                throw new UserInputException(option + " " + value + " is not used: " + notCycled);
            }
        }
    }

    /** Whether the schedule cycles the momentum: {@code --no-cycle-momentum} when given, else {@code base}'s say. */
    boolean cyclesMomentum(OneCycleSettings base, Predicate<String> given) {
        return given.test("--no-cycle-momentum") ? !noCycleMomentum : base.cycleMomentum();
    }

    /**
     * The settings of {@code base} stretched to {@code totalSteps} steps, with the options {@code given} on the
     * command line in their place; {@code --min-lr} sets {@code div_factor = max_lr / min_lr}. Only the result is
     * checked, so a short cycle that the options make valid is not refused for the base's values.
     */
    OneCycleSettings settings(int totalSteps, OneCycleSettings base, Predicate<String> given) {
        double max = maxLr != null ? maxLr : base.maxLr();
        double div = divFactor != null ? divFactor
                : base != null ? base.divFactor() : OneCycleSettings.DEFAULT_DIV_FACTOR;
        if (minLr != null) {
            if (divFactor != null) {
                throw new UserInputException("--min-lr and --div-factor both set the start of the cycle; give one, not both");
            }
            div = OneCycleSettings.divFactorFor(minLr, max);
        }
        return new OneCycleSettings(totalSteps, max,
                given.test("--pct-start") ? pctStart : base.pctStart(),
                given.test("--anneal") ? Anneal.parse(anneal) : base.anneal(),
                div,
                given.test("--final-div-factor") ? finalDivFactor : base.finalDivFactor(),
                given.test("--three-phase") ? threePhase : base.threePhase(),
                cyclesMomentum(base, given),
                given.test("--base-momentum") ? baseMomentum : base.baseMomentum(),
                given.test("--max-momentum") ? maxMomentum : base.maxMomentum());
    }
}
