package org.rangefinder.ui.work;

import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.engine.StepThreads;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.RangeTest;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestListener;
import org.rangefinder.schedule.OneCycleSettings;
import org.rangefinder.train.SchedulePolicy;
import org.rangefinder.train.Trainer;
import org.rangefinder.train.TrainingConfig;
import org.rangefinder.train.TrainingListener;

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

    /** What the warm-up ran: the range test's points and the training's iterations; none without the data. */
    public record Warmed(int rangeTestPoints, int trainingIterations) {
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
            return new Warmed(0, 0);
        }
        // the window's defaults, so that the same optimizer's classes load
        RangeTestConfig rangeTest = RangeTestConfig.defaults(DATASET, ModelSpec.preset("mlp"))
                .withIterations(RANGE_TEST_ITERATIONS);
        int points = RangeTest.run(iris, rangeTest, RangeTestListener.NONE, new CancelToken(), steps).points().size();
        int batchSize = 30;
        int epochs = 2;
        int batches = epochs * BatchStream.batchesPerEpoch(iris.train().size(), batchSize, false);
        TrainingConfig oneCycle = new TrainingConfig(DATASET, rangeTest.model(), rangeTest.optimizer(),
                rangeTest.momentum(), rangeTest.weightDecay(), batchSize, epochs, SchedulePolicy.ONE_CYCLE,
                OneCycleSettings.defaults(batches, 0.1), null, batches / 2, rangeTest.seed());
        int iterations = Trainer.train(iris, oneCycle, new TrainingListener() { }, new CancelToken(), steps).result()
                .iterations().size();
        return new Warmed(points, iterations);
    }
}
