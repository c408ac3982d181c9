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
import org.rangefinder.ui.WindowBenchmark;
import org.rangefinder.ui.work.PulseMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench}: the speed benchmark (compare with PyTorch using src/bench/compare.py). */
@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Time fixed, seeded workloads after a warm-up: iterations, seconds, iterations per second, peak memory.")
final class BenchCommand implements Callable<Integer> {
    static final String FX_SESSION = "fx-session";
    static final String FX_STREAM = "fx-stream";

    @Spec
    CommandSpec spec;

    @Option(names = "--workload", paramLabel = "NAME", description = "Run only these workloads: rt-digits-mlp, "
            + "rt-mnist-lenet, sweep-digits-mlp, epoch-fashion-lenet (default: these four); or the window's (they "
            + "need a display): " + FX_SESSION + ", a user's session from range test to export, and " + FX_STREAM
            + ", two long range tests streaming into the chart; both report the gaps between the window's frames.")
    List<String> workloads;

    @Option(names = "--repeats", description = "Timed runs per workload; the median is reported.")
    int repeats = 3;

    @Option(names = "--threads", showDefaultValue = Help.Visibility.NEVER, description = "Threads for the sweep's "
            + "members, each member on one (default: one per core).")
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Option(names = "--json", description = "Print {\"workloads\": [...]} as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (repeats < 1) {
            throw new UserInputException("--repeats must be at least 1, got " + repeats);
        }
        if (threads < 1) {
            throw new UserInputException("--threads must be at least 1, got " + threads);
        }
        boolean fxSession = workloads != null && workloads.contains(FX_SESSION);
        boolean fxStream = workloads != null && workloads.contains(FX_STREAM);
        List<Workload> chosen = workloads == null ? List.of(Workload.values())
                : workloads.stream().filter(w -> !w.equals(FX_SESSION) && !w.equals(FX_STREAM))
                        .map(BenchCommand::engineWorkload).toList();
        // JavaFX starts before the engine's workloads: a machine without a display is refused at once, not after
        // minutes of them
        try (WindowBenchmark.Toolkit toolkit = fxSession || fxStream ? WindowBenchmark.Toolkit.start() : null) {
            run(chosen, fxSession, fxStream);
        }
        return RangefinderCommand.OK;
    }

    /** Runs the engine's workloads, then the window's, and prints what they measured. */
    private void run(List<Workload> chosen, boolean fxSession, boolean fxStream) throws Exception {
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
        List<WindowBenchmark.Result> window = fxSession || fxStream ? WindowBenchmark.run(fxSession, fxStream)
                : List.of();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("workloads", results);
            if (!window.isEmpty()) {
                report.put("window", window);
            }
            out.println(Json.toString(report));
        } else {
            window.forEach(r -> printWindow(out, r));
        }
    }

    private static Workload engineWorkload(String name) {
        if (!Workload.names().contains(name.trim())) {
            throw new UserInputException("unknown workload '" + name + "' (expected one of "
                    + String.join(", ", Workload.names()) + ", " + FX_SESSION + ", " + FX_STREAM + ")");
        }
        return Workload.parse(name);
    }

    /**
     * A line per phase: the frames, the longest gap between two and what the FX thread did in it, the FX thread's and
     * the renderer's work per frame, the stutters; then what each stutter was made of.
     */
    private static void printWindow(PrintWriter out, WindowBenchmark.Result result) {
        out.printf(Locale.ROOT, "%n%s: window open to its first frame in %.2f s; %d range-test points drawn; a stutter "
                + "is a gap over %.0f ms between frames%n", result.name(), result.openSeconds(), result.points(),
                PulseMonitor.STUTTER_MS);
        out.printf(Locale.ROOT, "%-36s %8s %7s %15s %14s %13s %12s %15s %9s%n", "phase", "seconds", "frames",
                "longest gap ms", "FX busy in it", "longest FX ms", "FX ms/frame", "paint ms/frame", "stutters");
        for (WindowBenchmark.Phase p : result.phases()) {
            PulseMonitor.Stats s = p.pulses();
            out.printf(Locale.ROOT, "%-36s %8.2f %7d %15.1f %14.1f %13.1f %12.1f %15.1f %9d%n", p.name(),
                    p.seconds(), s.pulses(), s.longestGapMs(), s.fxCpuInLongestGapMs(), s.longestFxWorkMs(),
                    s.meanFxWorkMs(), s.meanPaintMs(), s.stutters());
        }
        // the last phase is the whole workload, which holds the others' stutters
        for (WindowBenchmark.Phase p : result.phases().subList(0, Math.max(1, result.phases().size() - 1))) {
            for (PulseMonitor.Stutter st : p.pulses().stutterGaps()) {
                out.printf(Locale.ROOT, "stutter in %s: %.0f ms = FX work %.0f + waiting for a core %s + garbage "
                        + "collection %.0f + blocked %.0f (the renderer painted %.0f)%n", p.name(), st.gapMs(),
                        st.fxMs(), Double.isNaN(st.waitMs()) ? "(unknown)" : String.format(Locale.ROOT, "%.0f",
                                st.waitMs()), st.gcMs(), st.restMs(), st.paintMs());
            }
        }
        out.flush();
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }
}
