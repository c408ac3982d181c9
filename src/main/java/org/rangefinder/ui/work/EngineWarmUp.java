package org.rangefinder.ui.work;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.engine.StepThreads;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunSettings;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.RangeTest;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestListener;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.schedule.OneCycleSettings;
import org.rangefinder.train.SchedulePolicy;
import org.rangefinder.train.Trainer;
import org.rangefinder.train.TrainingConfig;
import org.rangefinder.train.TrainingListener;
import org.rangefinder.train.TrainingResult;

/**
 * The window's engine start: ND4J's initialisation, then a few iterations of a range test and of a 1cycle training
 * on the bundled iris data, thrown away. A JVM loads a class when it first runs it, and DL4J's first network,
 * fit, evaluation and schedule pull in thousands (about a second of class loading and first compilation). Paid here,
 * below the window while the user reads it, it is not paid by the user's first run, where it held the window's thread
 * too (both read classes from the same jars). Without the iris folder (a jar moved away from {@code datasets/}) only
 * the initialisation runs.
 *
 * <p>The calling thread conducts a {@link Relay} of its own, as a run's thread does: the heavy work runs on its
 * carrier, below the window while other programs leave cores over, and the engine's deallocator threads start on
 * the calling thread, at its priority ({@link StepThreads#initialiseEngine}).
 */
public final class EngineWarmUp {
    static final String DATASET = "iris";
    static final int RANGE_TEST_ITERATIONS = 10;

    /**
     * What the warm-up ran: the range test's points and the training's iterations, none without the data; and how
     * many runs it recorded in its throwaway run history, read back and removed (0 where that could not be written).
     */
    public record Warmed(int rangeTestPoints, int trainingIterations, int runsRecorded) {
    }

    private EngineWarmUp() {
    }

    /** Initialises the engine and warms it up on a relay of its own; nothing more when the warm-up data is missing. */
    public static Warmed run() {
        try (Relay steps = new Relay("rangefinder-engine")) {
            return run(steps);
        }
    }

    /** As {@link #run()}, the heavy work on {@code steps}. */
    static Warmed run(StepThreads steps) {
        steps.initialiseEngine();
        Dataset iris;
        try {
            iris = Datasets.load(DATASET, DataOptions.defaults());
        } catch (UserInputException missing) {
            return new Warmed(0, 0, 0);
        }
        // the window's defaults, so that the same optimizer's classes load
        RangeTestConfig rangeTest = RangeTestConfig.defaults(DATASET, ModelSpec.preset("mlp"))
                .withIterations(RANGE_TEST_ITERATIONS);
        RangeTestResult rangeTestResult = RangeTest.run(iris, rangeTest, RangeTestListener.NONE, new CancelToken(),
                steps);
        int batchSize = 30;
        int epochs = 2;
        int batches = epochs * BatchStream.batchesPerEpoch(iris.train().size(), batchSize, false);
        TrainingConfig oneCycle = new TrainingConfig(DATASET, rangeTest.model(), rangeTest.optimizer(),
                rangeTest.momentum(), rangeTest.weightDecay(), batchSize, epochs, SchedulePolicy.ONE_CYCLE,
                OneCycleSettings.defaults(batches, 0.1), null, batches / 2, rangeTest.seed());
        TrainingResult trainingResult = Trainer.train(iris, oneCycle, new TrainingListener() { }, new CancelToken(),
                steps).result();
        int recorded = steps.call(() -> recordInThrowawayHistory(rangeTest, rangeTestResult, oneCycle, trainingResult));
        int points = rangeTestResult.points().size();
        int iterations = trainingResult.iterations().size();
        return new Warmed(points, iterations, recorded);
    }

    /**
     * Records the warm-up's two runs as the window records a user's, in a run history of its own in a temporary
     * folder, lists and reads them back, and removes the folder with all it holds; how many runs it recorded, 0 where
     * any of that failed (the engine is ready all the same). The first records of a session loaded the history's
     * classes from the jars (their JSON and CSV writers and readers): 280 ms of CPU on the history's thread over a
     * window benchmark's session, in the first frames of its range test and its training, which it took from the
     * window.
     */
    static int recordInThrowawayHistory(RangeTestConfig rangeTest, RangeTestResult rangeTestResult,
                                        TrainingConfig training, TrainingResult trainingResult) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("rangefinder-warm-up");
            RunHistory history = RunHistory.open(folder);
            String test = history.start(RunKind.RANGE_TEST, DATASET, rangeTest.model(),
                    RunSettings.of(rangeTest, DataOptions.defaults())).id();
            history.finish(test, rangeTestResult);
            String train = history.start(RunKind.TRAINING, DATASET, training.model(),
                    RunSettings.of(training, DataOptions.defaults())).id();
            history.finish(train, trainingResult);
            int listed = history.list().runs().size();
            history.curve(test);
            history.iterations(train);
            return listed;
        } catch (IOException | RuntimeException failed) {
            return 0; // the real history reports its own problems; this one only saved time
        } finally {
            deleteAll(folder);
        }
    }

    /** Deletes {@code folder} and everything in it ({@link AtomicFiles#deleteFolder}), as far as it can. */
    private static void deleteAll(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            AtomicFiles.deleteFolder(folder);
        } catch (IOException | UserInputException leftBehind) {
            // files in the system's temporary folder, which it clears
        }
    }
}
