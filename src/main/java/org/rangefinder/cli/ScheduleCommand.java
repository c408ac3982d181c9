package org.rangefinder.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rangefinder.UserInputException;
import org.rangefinder.schedule.Anneal;
import org.rangefinder.schedule.OneCycleSchedule;
import org.rangefinder.schedule.OneCycleSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schedule}: prints a 1cycle schedule, one row per iteration, with the numbers PyTorch's {@code OneCycleLR}
 * gives. Doubles are printed with {@link Double#toString(double)}, which reads back to the same double, so a user can
 * compare them with Python's {@code repr} after parsing.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Print a 1cycle schedule (learning rate and momentum for each iteration), computed exactly as "
                + "PyTorch's torch.optim.lr_scheduler.OneCycleLR. Smith's original shape is --three-phase "
                + "--anneal linear.")
final class ScheduleCommand implements Callable<Integer> {

    enum Format { CSV, JSON }

    @Spec
    CommandSpec spec;

    @Option(names = "--steps", required = true, description = "Total number of iterations T.")
    Integer steps;

    @Option(names = "--max-lr", required = true, description = "The peak learning rate.")
    Double maxLr;

    @Option(names = "--pct-start", defaultValue = "" + OneCycleSettings.DEFAULT_PCT_START,
            description = "Fraction of the cycle spent raising the LR, strictly between 0 and 1.")
    double pctStart;

    @Option(names = "--div-factor", defaultValue = "" + OneCycleSettings.DEFAULT_DIV_FACTOR,
            description = "The cycle starts at max-lr / div-factor.")
    double divFactor;

    @Option(names = "--min-lr", description = "The LR the cycle starts at; instead of --div-factor "
            + "(div-factor = max-lr / min-lr).")
    Double minLr;

    @Option(names = "--final-div-factor", defaultValue = "" + OneCycleSettings.DEFAULT_FINAL_DIV_FACTOR,
            description = "The cycle ends at (max-lr / div-factor) / final-div-factor.")
    double finalDivFactor;

    @Option(names = "--anneal", defaultValue = "cos", description = "cos or linear annealing within each phase.")
    Anneal anneal;

    @Option(names = "--three-phase", description = "Back down to the start LR symmetrically, then annihilate to the "
            + "final LR (PyTorch's three_phase).")
    boolean threePhase;

    @Option(names = "--base-momentum", defaultValue = "" + OneCycleSettings.DEFAULT_BASE_MOMENTUM,
            description = "Momentum at the LR peak.")
    double baseMomentum;

    @Option(names = "--max-momentum", defaultValue = "" + OneCycleSettings.DEFAULT_MAX_MOMENTUM,
            description = "Momentum at the start and end of the cycle.")
    double maxMomentum;

    @Option(names = "--format", defaultValue = "csv", description = "csv (iteration,lr,momentum) or json.")
    Format format;

    @Override
    public Integer call() {
        double div = divFactor;
        if (minLr != null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--div-factor")) {
                throw new UserInputException("--min-lr and --div-factor both set the start of the cycle; give one");
            }
            div = OneCycleSettings.divFactorFor(minLr, maxLr);
        }
        OneCycleSettings settings = new OneCycleSettings(steps, maxLr, pctStart, anneal, div, finalDivFactor,
                threePhase, true, baseMomentum, maxMomentum);
        OneCycleSchedule schedule = OneCycleSchedule.of(settings);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.JSON) {
            out.println(json(schedule));
        } else {
            out.println("iteration,lr,momentum");
            for (int i = 0; i < schedule.totalSteps(); i++) {
                out.println(i + "," + schedule.lr(i) + "," + schedule.momentum(i));
            }
        }
        out.flush();
        return RangefinderCommand.OK;
    }

    private static String json(OneCycleSchedule schedule) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        OneCycleSettings s = schedule.settings();
        root.putObject("settings")
                .put("totalSteps", s.totalSteps())
                .put("maxLr", s.maxLr())
                .put("pctStart", s.pctStart())
                .put("anneal", s.anneal().id())
                .put("divFactor", s.divFactor())
                .put("finalDivFactor", s.finalDivFactor())
                .put("threePhase", s.threePhase())
                .put("cycleMomentum", s.cycleMomentum())
                .put("baseMomentum", s.baseMomentum())
                .put("maxMomentum", s.maxMomentum())
                .put("initialLr", s.initialLr())
                .put("minLr", s.minLr());
        ArrayNode rows = root.putArray("iterations");
        for (int i = 0; i < schedule.totalSteps(); i++) {
            rows.addObject().put("iteration", i).put("lr", schedule.lr(i)).put("momentum", schedule.momentum(i));
        }
        return root.toString();
    }
}
