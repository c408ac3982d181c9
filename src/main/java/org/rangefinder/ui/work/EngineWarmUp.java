package org.rangefinder.ui.work;

import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.engine.NativeThreads;
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
 * on the engine's own low-priority thread while the user reads the window, it is not paid by the user's first run,
 * where it held the window's thread too (both read classes from the same jars). Without the iris folder (a jar moved
 * away from {@code datasets/}) only the initialisation runs.
 */
public final class EngineWarmUp {
    static final String DATASET = "iris";
    static final int RANGE_TEST_ITERATIONS = 10;

    /** What the warm-up ran: the range test's points and the training's iterations; none without the data. */
    public record Warmed(int rangeTestPoints, int trainingIterations) {
    }

    private EngineWarmUp() {
    }

    /** Initialises the engine and warms it up; runs nothing more when the warm-up data was not found. */
    public static Warmed run() {
        NativeThreads.ensureConfigured();
        Dataset iris;
        try {
            iris = Datasets.load(DATASET, DataOptions.defaults());
        } catch (UserInputException missing) {
            return new Warmed(0, 0);
        }
        // the window's defaults, so that the same optimizer's classes load
        RangeTestConfig rangeTest = RangeTestConfig.defaults(DATASET, ModelSpec.preset("mlp"))
                .withIterations(RANGE_TEST_ITERATIONS);
        int points = RangeTest.run(iris, rangeTest, RangeTestListener.NONE, new CancelToken()).points().size();
        int batchSize = 30;
        int epochs = 2;
        int steps = epochs * BatchStream.batchesPerEpoch(iris.train().size(), batchSize, false);
        TrainingConfig oneCycle = new TrainingConfig(DATASET, rangeTest.model(), rangeTest.optimizer(),
                rangeTest.momentum(), rangeTest.weightDecay(), batchSize, epochs, SchedulePolicy.ONE_CYCLE,
                OneCycleSettings.defaults(steps, 0.1), null, steps / 2, rangeTest.seed());
        int iterations = Trainer.train(iris, oneCycle, new TrainingListener() { }, new CancelToken()).result()
                .iterations().size();
        return new Warmed(points, iterations);
    }
}
