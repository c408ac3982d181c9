package org.rangefinder.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.ui.rangetest.RangeTestRun;
import org.rangefinder.ui.settings.WorkbenchSettings;
import org.rangefinder.ui.theme.ThemeManager;
import org.rangefinder.ui.work.EngineStatus;
import org.rangefinder.ui.work.PulseMonitor;

/**
 * The window's share of the benchmark: opens the real workbench window, runs range tests through its view model as
 * the Run button does, and measures the longest gap between JavaFX pulses while their curves stream into the chart.
 * Needs a display (on a machine without one, run it under {@code xvfb-run}).
 */
public final class StreamingBenchmark {

    /**
     * @param runs               range tests run side by side
     * @param points             points they recorded, all together
     * @param seconds            from the first Run to the last run's end
     * @param pulses             pulses the FX thread ran meanwhile
     * @param longestPulseGapMs  the longest time between two of them
     * @param fxCpuInLongestGapMs CPU time the FX thread used within that gap (the rest it waited for a core)
     * @param longestFxWorkMs    the most CPU time the FX thread used between any two pulses
     */
    public record Result(int runs, int points, double seconds, int pulses, double longestPulseGapMs,
                         double fxCpuInLongestGapMs, double longestFxWorkMs) {
    }

    private StreamingBenchmark() {
    }

    /** Streams {@code runs} range tests of {@code iterations} points (digits, mlp, no divergence stop). */
    public static Result run(int runs, int iterations) throws Exception {
        WorkbenchLauncher.quietClasspathWarning();
        try {
            Platform.startup(() -> { });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            throw new UserInputException("the fx-stream workload needs a display (on a machine without one, run "
                    + "the bench under xvfb-run): " + e.getMessage());
        }
        Preferences prefs = Preferences.userRoot().node("org/rangefinder/bench-" + UUID.randomUUID());
        // the benchmark's runs are not the user's: they go to a scratch history, deleted afterwards
        Path history = Files.createTempDirectory("rangefinder-bench-history");
        try {
            PulseMonitor monitor = new PulseMonitor();
            CompletableFuture<Workbench> opened = new CompletableFuture<>();
            Platform.runLater(() -> opened.complete(Workbench.open(new Stage(), new WorkbenchSettings(prefs),
                    new ThemeManager(ThemeManager.locateFolder()), null, history)));
            Workbench workbench = opened.get(60, TimeUnit.SECONDS);
            // measure the streaming, not the window's first layout or the engine's start-up
            while (onFx(() -> workbench.viewModel().engine().stateProperty().get() == EngineStatus.State.LOADING)) {
                Thread.sleep(50);
            }
            Thread.sleep(1000);
            RangeTestConfig config = RangeTestConfig.defaults("digits", ModelSpec.preset("mlp"))
                    .withIterations(iterations).withDivergeFactor(0);
            // warm-up, untimed: the first run loads the classes of the chart, the runs list and DL4J (half a second
            // of class loading, once per session), which is not what streaming costs
            RangeTestRun warmUp = onFx(() -> workbench.viewModel().runs().start(config.withIterations(20),
                    DataOptions.defaults()));
            while (onFx(() -> warmUp.statusProperty().get().isActive())) {
                Thread.sleep(50);
            }
            CompletableFuture<RangeTestRun[]> started = new CompletableFuture<>();
            long start = System.nanoTime();
            Platform.runLater(() -> {
                monitor.start();
                RangeTestRun[] all = new RangeTestRun[runs];
                for (int i = 0; i < runs; i++) {
                    all[i] = workbench.viewModel().runs().start(config.withSeed(config.seed() + i),
                            DataOptions.defaults());
                }
                started.complete(all);
            });
            RangeTestRun[] all = started.get(60, TimeUnit.SECONDS);
            while (onFx(() -> Arrays.stream(all).anyMatch(r -> r.statusProperty().get().isActive()))) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return onFx(() -> {
                monitor.stop();
                int points = Arrays.stream(all).mapToInt(r -> r.points().size()).sum();
                workbench.scene().getWindow().hide();
                return new Result(runs, points, seconds, monitor.pulses(), monitor.longestGapMillis(),
                        monitor.cpuInLongestGapMillis(), monitor.longestCpuMillis());
            });
        } finally {
            prefs.removeNode();
            deleteTree(history);
            Platform.exit();
        }
    }

    /** Best effort: a history write still under way may hold on to a file; the folder is in the temp dir. */
    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("rangefinder: could not remove the benchmark's scratch history " + folder);
        }
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
