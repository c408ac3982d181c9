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
                + "curve: a CSV with columns lr and loss (raw losses), or a Rangefinder JSON file.")
final class SuggestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "The curve file (CSV or JSON).")
    Path in;

    @Option(names = "--smoothing", defaultValue = "" + Smoothing.DEFAULT_BETA,
            description = "Beta of the bias-corrected moving average of the loss, in [0, 1).")
    double smoothing;

    @Mixin
    SuggestionChoice choice;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        SuggestionOptions options = choice.options();
        List<Curve> curves = CurveFiles.readAll(in);
        List<Suggestions> results = curves.stream()
                .map(c -> Suggestions.fromRaw(c.lrs(), c.losses(), smoothing, options)).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(results));
        } else {
            for (int r = 0; r < results.size(); r++) {
                if (results.size() > 1) {
                    out.println((r == 0 ? "" : "\n") + "run " + (r + 1) + " of " + results.size());
                }
                printTable(out, results.get(r));
            }
        }
        out.flush();
        return RangefinderCommand.OK;
    }

    private void printTable(PrintWriter out, Suggestions s) {
        out.printf("%-8s %s%n", "steep", orDash(s.steep()));
        out.printf("%-8s %s%n", "valley", orDash(s.valley()));
        out.printf("%-8s %s%n", "minimum", orDash(s.minimum()));
        out.printf("%-8s %s%n", "range", s.range() == null ? "-"
                : s.range().min() + " .. " + s.range().max() + " (" + choice.method.id() + " / " + choice.rangeFactor + ")");
        out.printf("%-8s %d%n", "points", s.points());
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
