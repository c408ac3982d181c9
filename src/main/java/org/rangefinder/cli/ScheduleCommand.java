package org.rangefinder.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rangefinder.EnumIds;
import org.rangefinder.schedule.OneCycleSchedule;
import org.rangefinder.schedule.OneCycleSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    OneCycleOptions oneCycle;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|json",
            description = "csv (iteration,lr,momentum) or json.")
    String format;

    @Override
    public Integer call() {
        oneCycle.checkMomentaUsed(spec.commandLine().getParseResult(), true, !oneCycle.noCycleMomentum,
                "--no-cycle-momentum leaves the momentum column empty");
        Format chosen = EnumIds.parse(Format.class, format, "--format");
        OneCycleSettings settings = oneCycle.settings(steps);
        OneCycleSchedule schedule = OneCycleSchedule.of(settings);
        PrintWriter out = spec.commandLine().getOut();
        if (chosen == Format.JSON) {
            out.println(json(schedule));
        } else {
            out.println("iteration,lr,momentum");
            for (int i = 0; i < schedule.totalSteps(); i++) {
                out.println(i + "," + schedule.lr(i) + "," + (settings.cycleMomentum() ? schedule.momentum(i) : ""));
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
            ObjectNode row = rows.addObject().put("iteration", i).put("lr", schedule.lr(i));
            if (s.cycleMomentum()) {
                row.put("momentum", schedule.momentum(i));
            }
        }
        return root.toString();
    }
}
