package org.rangefinder.ui.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.SystemProperty;
import org.rangefinder.ui.history.HistoryStore;
import org.testfx.api.FxToolkit;

/**
 * The steps of the window's runs and of its engine start (on their relays' carriers) and its dataset workers run below
 * the window: Java's lowest priority, and on Linux the SCHED_IDLE policy (nice 10 where the system refuses it), as do
 * HotSpot's C2 compiler threads; the runs' own threads and the engine's, which only wait for their steps, the
 * engine's deallocator threads, the run-history thread and the files thread do not.
 * The test suite leaves background threads at normal priority ({@link BackgroundPriority#PROPERTY}, set in pom.xml);
 * these tests set it to {@code idle} for their own threads, so that they test the lowering the window gets on a
 * machine that other programs leave idle, whatever the machine running the tests is doing.
 */
class BackgroundPriorityTest {
    private SystemProperty windowDefault;

    @BeforeAll
    static void javaFx() throws Exception {
        FxToolkit.registerPrimaryStage(); // a worker hands its results to the FX thread
    }

    @BeforeEach
    void asTheWindowRuns() {
        windowDefault = SystemProperty.set(BackgroundPriority.PROPERTY, "idle");
    }

    @AfterEach
    void asTheSuiteRuns() {
        windowDefault.close();
    }

    /** The scheduling of this JVM's threads whose Linux name starts with {@code prefix}. */
    private static List<Priority.Scheduling> threads(String prefix) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> BackgroundPriority.name(t).startsWith(prefix)).map(Priority.Scheduling::of).toList();
        }
    }

    @Test
    void theOptimisingCompilerIsLoweredOnLinuxAndTheQuickOneIsNot() throws Exception {
        int lowered = BackgroundPriority.lowerOptimisingCompiler();
        if (!Priority.LINUX) {
            assertThat(lowered).isZero();
            return;
        }
        List<Priority.Scheduling> c2 = threads(BackgroundPriority.C2_THREAD);
        assertThat(c2).as("HotSpot's C2 compiler threads").isNotEmpty()
                .allSatisfy(t -> assertThat(t.belowTheWindow()).as("%s", t).isTrue());
        assertThat(lowered).isEqualTo(c2.size());
        // the JVM may run under nice as a whole: C1 stays where this (a window's) thread is
        Priority.Scheduling window = Priority.ofCurrentThread().linux();
        assertThat(threads("C1 CompilerThre")).as("C1 stays at the window's priority").isNotEmpty()
                .allSatisfy(t -> assertThat(t).isEqualTo(window));
    }

    @Test
    void workersOfTheBoundedPoolRunBelowTheWindow() throws Exception {
        CompletableFuture<Priority> seen = new CompletableFuture<>();
        BackgroundExecutor.bounded(1).submit(Priority::ofCurrentThread, seen::complete, seen::completeExceptionally);
        Priority.assertBelowTheWindow(seen.get(10, TimeUnit.SECONDS));
    }

    /** A run's thread keeps the window's priority, conducting: its relay's carrier runs the steps below the window. */
    @Test
    void theRunsPoolKeepsTheWindowsPriorityAndItsRunsStepsGoBelowIt() throws Exception {
        Priority window = Priority.ofCurrentThread();
        CompletableFuture<List<Priority>> seen = new CompletableFuture<>();
        BackgroundExecutor.runs(1).submit(() -> {
            try (Relay steps = new Relay("test-steps")) {
                return List.of(Priority.ofCurrentThread(), steps.call(Priority::ofCurrentThread));
            }
        }, seen::complete, seen::completeExceptionally);
        List<Priority> conductorAndCarrier = seen.get(10, TimeUnit.SECONDS);
        assertThat(conductorAndCarrier.get(0)).as("the run's own thread").isEqualTo(window);
        Priority.assertBelowTheWindow(conductorAndCarrier.get(1));
        assertThat(window.java()).isGreaterThan(Thread.MIN_PRIORITY);
    }

    /** The engine's thread conducts a relay as a run's does (see {@link EngineStartTest} for the threads it starts). */
    @Test
    void theEngineThreadKeepsTheWindowsPriority() throws Exception {
        Priority window = Priority.ofCurrentThread();
        CompletableFuture<Priority> seen = new CompletableFuture<>();
        EngineStatus.ownThread().execute(() -> seen.complete(Priority.ofCurrentThread()));
        assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(window);
        assertThat(window.java()).isGreaterThan(Thread.MIN_PRIORITY);
    }

    /** Lowered, a run's first record could starve for seconds once other programs filled the cores. */
    @Test
    void theRunHistoryThreadRunsAtTheWindowsPriority(@TempDir Path folder) throws Exception {
        Priority window = Priority.ofCurrentThread();
        CompletableFuture<Priority> seen = new CompletableFuture<>();
        HistoryStore.inBackground(folder).read(history -> Priority.ofCurrentThread(), seen::complete,
                problem -> seen.completeExceptionally(new AssertionError(problem)));
        assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(window);
        assertThat(window.java()).isGreaterThan(Thread.MIN_PRIORITY);
    }

    /** The files thread is not lowered: lowered, it got no CPU under full load and the closing window gave up. */
    @Test
    void theFilesThreadRunsAtTheWindowsPriority() throws Exception {
        Priority window = Priority.ofCurrentThread();
        CompletableFuture<Priority> seen = new CompletableFuture<>();
        BackgroundExecutor.writer("test-files").submit(Priority::ofCurrentThread, seen::complete,
                seen::completeExceptionally);
        assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(window);
        assertThat(window.java()).isGreaterThan(Thread.MIN_PRIORITY);
    }

    @Test
    void threadsTheWorkerStartsInheritItsScheduling() throws Exception {
        CompletableFuture<Priority> seen = new CompletableFuture<>();
        BackgroundPriority.daemonThread(() -> {
            Thread child = new Thread(() -> seen.complete(Priority.ofCurrentThread()));
            child.start();
        }, "test-lowered").start();
        Priority child = seen.get(10, TimeUnit.SECONDS);
        Priority.assertBelowTheWindow(child); // Java and Linux threads inherit their creator's; a sweep's member threads, for one
    }

    @Test
    void withThePropertySetToNormalNothingIsLowered() throws Exception {
        Priority window = Priority.ofCurrentThread();
        try (SystemProperty normal = SystemProperty.set(BackgroundPriority.PROPERTY, "normal")) {
            assertThat(BackgroundPriority.lowerOptimisingCompiler()).isZero();
            CompletableFuture<Priority> seen = new CompletableFuture<>();
            BackgroundPriority.daemonThread(() -> seen.complete(Priority.ofCurrentThread()), "test-normal").start();
            assertThat(seen.get(10, TimeUnit.SECONDS)).as("as the thread that started it").isEqualTo(window);
        }
        // so the check above tells the two apart: a lowered worker would be at Java's lowest priority
        assertThat(window.java()).isGreaterThan(Thread.MIN_PRIORITY);
    }

    /**
     * Each task of a bounded pool starts on a thread of its own that chooses its scheduling then: a pool thread
     * lowered once could not be raised for later work (Linux lets no unprivileged thread leave SCHED_IDLE).
     */
    @Test
    void eachTaskOfTheBoundedPoolChoosesItsSchedulingAsItStarts() throws Exception {
        Priority window = Priority.ofCurrentThread();
        BackgroundExecutor pool = BackgroundExecutor.bounded(1, "test-fresh");
        CompletableFuture<Priority> lowered = new CompletableFuture<>();
        pool.submit(Priority::ofCurrentThread, lowered::complete, lowered::completeExceptionally);
        Priority.assertBelowTheWindow(lowered.get(10, TimeUnit.SECONDS));
        try (SystemProperty busyMachine = SystemProperty.set(BackgroundPriority.PROPERTY, "normal")) {
            CompletableFuture<Priority> later = new CompletableFuture<>();
            pool.submit(Priority::ofCurrentThread, later::complete, later::completeExceptionally);
            assertThat(later.get(10, TimeUnit.SECONDS)).as("as the window's threads").isEqualTo(window);
        }
        assertThat(window.java()).isGreaterThan(Thread.MIN_PRIORITY);
    }

    /** Threads are lowered while other programs leave a core and a half over, or where that cannot be told. */
    @Test
    void threadsAreLoweredOnlyWhileOtherProgramsLeaveCoresOver() {
        assertThat(BackgroundPriority.sparesCores(2.0)).isTrue();
        assertThat(BackgroundPriority.sparesCores(1.5)).isTrue();
        assertThat(BackgroundPriority.sparesCores(1.49)).isFalse();
        assertThat(BackgroundPriority.sparesCores(0.0)).isFalse();
        assertThat(BackgroundPriority.sparesCores(Double.NaN)).as("not Linux").isTrue();
    }

    @Test
    void theCallingThreadIsLeftAsItWas() throws Exception {
        Priority before = Priority.ofCurrentThread();
        CompletableFuture<Priority> seen = new CompletableFuture<>();
        BackgroundPriority.daemonThread(() -> seen.complete(Priority.ofCurrentThread()), "test-lowered").start();
        Priority.assertBelowTheWindow(seen.get(10, TimeUnit.SECONDS));
        assertThat(Priority.ofCurrentThread()).isEqualTo(before); // the window's threads stay as they are
    }
}
