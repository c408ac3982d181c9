package org.rangefinder.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rangefinder.UserInputException;
import org.rangefinder.bench.Benchmark;
import org.rangefinder.bench.Measurement;
import org.rangefinder.bench.Workload;
import org.rangefinder.files.Json;
import org.rangefinder.ui.StreamingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench}: the speed benchmark (compare with PyTorch using src/bench/compare.py). */
@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Time fixed, seeded workloads after a warm-up: iterations, seconds, iterations per second, peak memory.")
final class BenchCommand implements Callable<Integer> {
    static final String FX_STREAM = "fx-stream";

    @Spec
    CommandSpec spec;

    @Option(names = "--workload", paramLabel = "NAME", description = "Run only these workloads: rt-digits-mlp, "
            + "rt-mnist-lenet, sweep-digits-mlp, epoch-fashion-lenet (default: these four), or " + FX_STREAM
            + ": the longest stall of the window's FX thread while range tests stream into its chart (needs a display).")
    List<String> workloads;

    @Option(names = "--repeats", description = "Timed runs per workload; the median is reported.")
    int repeats = 3;

    @Option(names = "--threads", description = "Threads for the sweep's members (each member on one).")
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Option(names = "--json", description = "Print {\"workloads\": [...]} as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (repeats < 1 || threads < 1) {
            throw new UserInputException("--repeats and --threads must be at least 1");
        }
        boolean fxStream = workloads != null && workloads.contains(FX_STREAM);
        List<Workload> chosen = workloads == null ? List.of(Workload.values())
                : workloads.stream().filter(w -> !w.equals(FX_STREAM)).map(Workload::parse).toList();
        PrintWriter out = spec.commandLine().getOut();
        Benchmark benchmark = new Benchmark(repeats, threads);
        List<Measurement> results = new ArrayList<>();
        if (!json && !chosen.isEmpty()) {
            out.printf(Locale.ROOT, "%-20s %10s %9s %10s %10s %10s %10s%n", "workload", "iterations", "seconds", "it/s",
                    "heap MB", "native MB", "RSS MB");
        }
        for (Workload w : chosen) {
            Measurement m = benchmark.run(w);
            results.add(m);
            if (!json) {
                out.printf(Locale.ROOT, "%-20s %10d %9.3f %10.1f %10.1f %10.1f %10.1f%n", m.name(), m.iterations(),
                        m.seconds(), m.iterationsPerSecond(), mb(m.peakHeapBytes()), mb(m.peakOffHeapBytes()),
                        mb(m.peakRssBytes()));
                out.flush();
            }
        }
        StreamingBenchmark.Result stream = fxStream ? StreamingBenchmark.run(2, 1000) : null;
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("workloads", results);
            if (stream != null) {
                report.put(FX_STREAM, stream);
            }
            out.println(Json.toString(report));
        } else if (stream != null) {
            out.printf(Locale.ROOT, "%s: %d range tests streaming %d points into the window's chart in %.1f s; "
                    + "%d FX pulses, longest gap between two %.1f ms (FX thread busy %.1f ms of it); longest FX work "
                    + "between two pulses %.1f ms%n", FX_STREAM, stream.runs(), stream.points(), stream.seconds(),
                    stream.pulses(), stream.longestPulseGapMs(), stream.fxCpuInLongestGapMs(), stream.longestFxWorkMs());
        }
        return RangefinderCommand.OK;
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }
}
