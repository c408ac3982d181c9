package org.rangefinder.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rangefinder.data.DatasetInfo;
import org.rangefinder.data.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datasets}: lists the bundled datasets. */
@Command(name = "datasets", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "List the bundled datasets: name, kind, sizes, input shape, classes.")
final class DatasetsCommand implements Callable<Integer> {

    private static final String[] HEADINGS = {"name", "kind", "train", "validation", "shape", "classes",
        "class names"};
    /** Columns holding numbers, aligned right. */
    private static final boolean[] NUMERIC = {false, false, true, true, false, true, false};

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        List<DatasetInfo> infos = Datasets.BUNDLED.stream().map(Datasets::describe).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(infos));
        } else {
            printTable(infos, out);
        }
        return RangefinderCommand.OK;
    }

    private static String json(List<DatasetInfo> infos) throws JsonProcessingException {
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (DatasetInfo info : infos) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", info.name());
            entry.put("kind", kind(info));
            entry.put("trainSize", info.trainSize());
            entry.put("validationSize", info.validationSize());
            entry.put("sampleShape", info.sampleShape());
            entry.put("numClasses", info.numClasses());
            entry.put("classNames", info.classNames());
            datasets.add(entry);
        }
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("datasets", datasets));
    }

    private static void printTable(List<DatasetInfo> infos, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (DatasetInfo info : infos) {
            rows.add(new String[] {info.name(), kind(info), Integer.toString(info.trainSize()),
                Integer.toString(info.validationSize()), info.shapeText(), Integer.toString(info.numClasses()),
                String.join(", ", info.classNames())});
        }
        TextTable.print(out, rows, NUMERIC);
    }

    private static String kind(DatasetInfo info) {
        return info.kind().name().toLowerCase(Locale.ROOT);
    }
}
