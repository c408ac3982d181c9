package org.rangefinder.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.Suggestions;
import org.rangefinder.ui.rangetest.RangeTestRun;
import org.rangefinder.ui.settings.WorkbenchSettings;
import org.rangefinder.ui.theme.ThemeManager;
import org.rangefinder.ui.work.EngineStatus;
import org.rangefinder.ui.work.OtherPrograms;
import org.rangefinder.ui.work.PulseMonitor;
import org.rangefinder.ui.work.RunStatus;

/**
 * The window's share of the benchmark: opens the real workbench window and drives it through its view model as the
 * buttons do, while a {@link PulseMonitor} records how regularly the JavaFX thread ran its pulses.
 * <ul>
 *   <li>{@code fx-session}: what a user does, in one go from a fresh window: wait for the engine, run a range test on
 *   digits with the window's defaults, drag the max and min markers onto the valley (a step per frame, as a mouse
 *   drag moves them), launch 1cycle with the panel's defaults and watch it train, export the hyperparameter file.</li>
 *   <li>{@code fx-stream}: two 1000-point range tests streaming into the chart side by side, after an untimed
 *   warm-up run.</li>
 * </ul>
 * Needs a display (on a machine without one, run it under {@code xvfb-run}). The runs go to a scratch history and
 * the settings to a scratch preferences node, both removed afterwards: the user's are never touched.
 */
public final class WindowBenchmark {

    /** One stretch of a workload and how the pulses went meanwhile. */
    public record Phase(String name, double seconds, PulseMonitor.Stats pulses) {
    }

    /**
     * @param name        the workload
     * @param openSeconds from the call that opens the window to its first frame on the screen
     * @param points      range-test points the chart received
     * @param phases      its stretches, in order; the last is the whole workload
     */
    public record Result(String name, double openSeconds, int points, List<Phase> phases) {
        public Phase whole() {
            return phases.get(phases.size() - 1);
        }
    }

    private final Workbench workbench;
    private final double openSeconds;
    private final PulseMonitor monitor = new PulseMonitor();

    private WindowBenchmark(Workbench workbench, double openSeconds) {
        this.workbench = workbench;
        this.openSeconds = openSeconds;
    }

    /**
     * JavaFX's toolkit, started for the window's workloads. {@link #start()} starts it (a caller that runs other
     * work first starts it before that work, so that a machine without a display is refused at once); closing it
     * exits JavaFX if this start started it.
     */
    public static final class Toolkit implements AutoCloseable {
        private final boolean started;

        private Toolkit(boolean started) {
            this.started = started;
        }

        /**
         * Starts JavaFX when it is not running yet.
         *
         * @throws UserInputException where there is no display
         */
        public static Toolkit start() {
            WorkbenchLauncher.quietClasspathWarning();
            try {
                Platform.startup(() -> { });
                return new Toolkit(true);
            } catch (IllegalStateException alreadyRunning) {
                return new Toolkit(false);
            } catch (UnsupportedOperationException e) {
                throw new UserInputException("the window's workloads need a display (on a machine without one, run "
                        + "the bench under xvfb-run): " + e.getMessage());
            }
        }

        @Override
        public void close() {
            if (started) {
                Platform.exit();
            }
        }
    }

    /**
     * Runs the session and/or the streaming workload, each in a fresh window. Starts JavaFX when it is not running
     * yet (and then closes it afterwards).
     */
    public static List<Result> run(boolean session, boolean stream) throws Exception {
        try (Toolkit toolkit = Toolkit.start()) {
            OtherPrograms.watch(); // as the launcher does, before its window opens
            // each workload closes its window: JavaFX must not take the last one closing for the end of the
            // application
            boolean implicitExit = Platform.isImplicitExit();
            Platform.setImplicitExit(false);
            try {
                List<Result> results = new ArrayList<>();
                if (session) {
                    results.add(inFreshWindow(WindowBenchmark::session));
                }
                if (stream) {
                    results.add(inFreshWindow(w -> w.stream(2, 1000)));
                }
                return results;
            } finally {
                Platform.setImplicitExit(implicitExit);
            }
        }
    }

    private interface Workload {
        Result run(WindowBenchmark bench) throws Exception;
    }

    private static Result inFreshWindow(Workload workload) throws Exception {
        Preferences prefs = Preferences.userRoot().node("org/rangefinder/bench-" + UUID.randomUUID());
        Path history = Files.createTempDirectory("rangefinder-bench-history");
        Workbench workbench = null;
        try {
            PulseMonitor.loadLibraries();
            long opening = System.nanoTime();
            workbench = onFx(() -> Workbench.open(new Stage(), new WorkbenchSettings(prefs),
                    new ThemeManager(ThemeManager.locateFolder()), null, history));
            // a pulse waits for the previous frame's painting: two pulses after the window's first one, its first
            // frame is on the screen
            afterPulses(3);
            double openSeconds = (System.nanoTime() - opening) / 1e9;
            return workload.run(new WindowBenchmark(workbench, openSeconds));
        } finally {
            if (workbench != null) {
                Workbench opened = workbench;
                // the window stops its runs and writes what they left as it hides
                onFx(() -> {
                    opened.scene().getWindow().hide();
                    return null;
                });
            }
            prefs.removeNode();
            deleteTree(history);
        }
    }

    private WorkbenchViewModel vm() {
        return workbench.viewModel();
    }

    private Result session() throws Exception {
        Path exported = Files.createTempFile("rangefinder-bench", ".json");
        Files.delete(exported);
        try {
            List<Phase> phases = new ArrayList<>();
            // from the window's first painted frame on, every pulse counts
            onFx(() -> {
                monitor.start();
                return null;
            });
            long start = System.nanoTime();
            phases.add(phase("engine and dataset loading", () -> onFx(() ->
                    vm().engine().stateProperty().get() != EngineStatus.State.LOADING
                            && vm().experiment().loadedDatasetProperty().get() != null)));
            check(onFx(() -> vm().engine().stateProperty().get() == EngineStatus.State.READY),
                    onFx(() -> vm().engine().messageProperty().get()));

            RangeTestRun run = onFx(() -> {
                workbench.view().run();
                return vm().runs().runs().get(vm().runs().runs().size() - 1);
            });
            phases.add(phase("range test on digits", () -> onFx(() -> !run.state().statusProperty().get().isActive())));
            Suggestions suggestions = onFx(() -> run.suggestionsProperty().get());
            check(onFx(() -> run.state().statusProperty().get()) != RunStatus.FAILED && suggestions != null
                    && suggestions.valley() != null, "the range test ended without a valley");

            double valley = suggestions.valley();
            phases.add(phase("drag max and min onto the valley", () -> {
                drag(true, valley * 4, valley, 60);
                drag(false, valley / 40, valley / 10, 60);
                return true;
            }));

            onFx(() -> {
                workbench.view().launch();
                return null;
            });
            phases.add(phase("1cycle training", () -> onFx(() -> !vm().oneCycle().trainingProperty().get())));
            check(onFx(() -> !vm().oneCycle().runs().isEmpty() && vm().oneCycle().runs().stream()
                    .allMatch(r -> r.state().statusProperty().get() == RunStatus.FINISHED)),
                    "the 1cycle run did not finish: " + onFx(() -> vm().oneCycle().problemProperty().get()));

            AtomicReference<String> failure = new AtomicReference<>();
            onFx(() -> {
                vm().exportHyperparameters(exported, failure::set);
                return null;
            });
            phases.add(phase("export hyperparameters", () -> Files.exists(exported) || failure.get() != null));
            check(failure.get() == null, "the export failed: " + failure.get());
            settle();
            PulseMonitor.Stats all = onFx(() -> {
                monitor.stop();
                return monitor.stats();
            });
            phases.add(new Phase("whole session", (System.nanoTime() - start) / 1e9, all));
            return new Result("fx-session", openSeconds, onFx(() -> run.points().size()), phases);
        } finally {
            Files.deleteIfExists(exported);
        }
    }

    private Result stream(int runs, int iterations) throws Exception {
        // measure the streaming, not the window's first layout or the engine's start-up
        waitFor(() -> onFx(() -> vm().engine().stateProperty().get() != EngineStatus.State.LOADING));
        Thread.sleep(1000);
        RangeTestConfig config = RangeTestConfig.defaults("digits", ModelSpec.preset("mlp"))
                .withIterations(iterations).withDivergeFactor(0);
        // warm-up, untimed: the first streaming run of a process still compiles the chart's code
        RangeTestRun warmUp = onFx(() -> vm().runs().start(config.withIterations(20), DataOptions.defaults()));
        waitFor(() -> onFx(() -> !warmUp.state().statusProperty().get().isActive()));
        RangeTestRun[] all = onFx(() -> {
            monitor.start();
            RangeTestRun[] started = new RangeTestRun[runs];
            for (int i = 0; i < runs; i++) {
                started[i] = vm().runs().start(config.withSeed(config.seed() + i), DataOptions.defaults());
            }
            return started;
        });
        long start = System.nanoTime();
        waitFor(() -> onFx(() -> Arrays.stream(all).noneMatch(r -> r.state().statusProperty().get().isActive())));
        double seconds = (System.nanoTime() - start) / 1e9;
        return onFx(() -> {
            monitor.stop();
            for (RangeTestRun r : all) {
                check(r.state().statusProperty().get() != RunStatus.FAILED, "run " + r.name() + " failed: "
                        + r.state().failureProperty().get());
            }
            int points = Arrays.stream(all).mapToInt(r -> r.points().size()).sum();
            return new Result("fx-stream", openSeconds, points, List.of(new Phase(runs + " range tests of " + iterations
                    + " points side by side", seconds, monitor.stats())));
        });
    }

    /** Waits for {@code done} and names the pulses recorded meanwhile. */
    private Phase phase(String name, Callable<Boolean> done) throws Exception {
        int from = onFx(monitor::pulses);
        long start = System.nanoTime();
        waitFor(done);
        double seconds = (System.nanoTime() - start) / 1e9;
        int to = onFx(monitor::pulses);
        return new Phase(name, seconds, onFx(() -> monitor.stats(from, to)));
    }

    /**
     * Moves a bound from {@code from} to {@code to} in {@code frames} geometric steps, one per pulse, as a mouse drag
     * of its marker does (the marker and the bound are bound both ways).
     */
    private void drag(boolean max, double from, double to, int frames) throws Exception {
        onFrames(frames + 1, frame -> (max ? vm().bounds().maxProperty() : vm().bounds().minProperty())
                .set(from * Math.pow(to / from, (double) frame / frames)));
    }

    /** Returns after the FX thread has run {@code count} more pulses. */
    private static void afterPulses(int count) throws Exception {
        onFrames(count, frame -> { });
    }

    /** Runs {@code each} on the FX thread in each of the next {@code count} pulses (0, 1, ...), then returns. */
    private static void onFrames(int count, IntConsumer each) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> new AnimationTimer() {
            private int frame;

            @Override
            public void handle(long now) {
                each.accept(frame);
                if (++frame == count) {
                    stop();
                    done.complete(null);
                }
            }
        }.start());
        done.get(60, TimeUnit.SECONDS);
    }

    /** Lets the last results reach the window: a few more pulses. */
    private static void settle() throws InterruptedException {
        Thread.sleep(300);
    }

    private static void waitFor(Callable<Boolean> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!done.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the window benchmark waited more than 10 minutes");
            }
            Thread.sleep(20);
        }
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }

    /** Best effort: a history write still under way may hold on to a file; the folder is in the temp dir. */
    private static void deleteTree(Path folder) {
        try {
            AtomicFiles.deleteFolder(folder);
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
