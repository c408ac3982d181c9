package org.rangefinder.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rangefinder.rangetest.CurveFiles;
import org.rangefinder.rangetest.CurveFiles.Curve;
import org.rangefinder.rangetest.Smoothing;
import org.rangefinder.rangetest.SuggestionOptions;
import org.rangefinder.rangetest.Suggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code suggest}: learning rates read off a saved range-test curve (ours, or a CSV from PyTorch or fastai). */
@Command(name = "suggest", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Suggest learning rates (steep, valley, minimum) and a 1cycle LR range from a range-test "
                + "curve: a CSV with columns lr and loss (as fastai and pytorch-lr-finder save their histories), or "
                + "Rangefinder's CSV or JSON of a range test.")
final class SuggestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "The curve file (CSV or JSON).")
    Path in;

    @Option(names = "--smoothing", paramLabel = "BETA",
            description = "Smooth the file's loss column with this beta of the bias-corrected moving average, "
                    + "in [0, 1) (the engine's is " + Smoothing.DEFAULT_BETA + "): Rangefinder's raw losses, or a "
                    + "fastai or pytorch-lr-finder curve smoothed again. Without it, the smoothed losses are the "
                    + "file's own (Rangefinder's smoothed_loss), or else its loss column as it is: fastai and "
                    + "pytorch-lr-finder save their smoothed losses there.")
    Double smoothing;

    @Mixin
    SuggestionChoice choice;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        SuggestionOptions options = choice.options();
        OutputFiles.requireName("--in", in);
        List<Curve> curves = CurveFiles.readAll(in);
        List<Suggestions> results = curves.stream().map(c -> smoothing == null
                ? Suggestions.fromSmoothed(c.lrs(), c.smoothedLosses(), options)
                : Suggestions.fromRaw(c.lrs(), c.losses(), smoothing, options)).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(results));
        } else {
            for (int r = 0; r < results.size(); r++) {
                if (results.size() > 1) {
                    // the file's own name for the curve: a CSV's run label, a JSON run's place from 1
                    out.println((r == 0 ? "" : "\n") + curves.get(r).label());
                }
                printTable(out, results.get(r), smoothedFrom(curves.get(r)));
            }
        }
        out.flush();
        return RangefinderCommand.OK;
    }

    /** Where the smoothed losses the suggestions read came from, in words. */
    private String smoothedFrom(Curve curve) {
        if (smoothing != null) {
            return "the loss column, smoothed with beta " + smoothing;
        }
        return curve.smoothedInFile() ? "the file's smoothed losses"
                : "the loss column as it is (--smoothing BETA smooths it, for raw losses)";
    }

    private void printTable(PrintWriter out, Suggestions s, String smoothedFrom) {
        out.printf("%-8s %s%n", "steep", orDash(s.steep()));
        out.printf("%-8s %s%n", "valley", orDash(s.valley()));
        out.printf("%-8s %s%n", "minimum", orDash(s.minimum()));
        out.printf("%-8s %s%n", "range", s.range() == null ? "-"
                : s.range().min() + " .. " + s.range().max() + " (" + choice.method().id() + " / " + choice.rangeFactor + ")");
        out.printf("%-8s %d%n", "points", s.points());
        out.printf("%-8s %s%n", "losses", smoothedFrom);
        if (s.reason() != null) {
            out.printf("%-8s %s%n", "note", s.reason());
        }
    }

    private static String orDash(Double value) {
        return value == null ? "-" : value.toString();
    }

    private static String json(List<Suggestions> results) {
        ObjectMapper mapper = new ObjectMapper();
        if (results.size() == 1) {
            return runJson(mapper, results.get(0)).toString();
        }
        ObjectNode root = mapper.createObjectNode();
        ArrayNode runs = root.putArray("runs");
        results.forEach(s -> runs.add(runJson(mapper, s)));
        return root.toString();
    }

    private static ObjectNode runJson(ObjectMapper mapper, Suggestions s) {
        ObjectNode node = mapper.createObjectNode();
        node.put("steep", s.steep()).put("valley", s.valley()).put("minimum", s.minimum());
        if (s.range() == null) {
            node.putNull("range");
        } else {
            node.putObject("range").put("min", s.range().min()).put("max", s.range().max());
        }
        node.put("points", s.points());
        if (s.reason() != null) {
            node.put("reason", s.reason());
        }
        return node;
    }
}
