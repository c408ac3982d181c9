package org.rangefinder.hyperparams;

import org.rangefinder.TestData;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.rangetest.RangeTest;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestListener;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.rangetest.SuggestionMethod;
import org.rangefinder.train.Trainer;
import org.rangefinder.train.TrainingListener;
import org.rangefinder.train.TrainingResult;

/** Hyperparameter files made the real way: a range test on iris, then one epoch of 1cycle training under it. */
public final class TestHyperparameters {
    private static Hyperparameters nesterov;

    private TestHyperparameters() {
    }

    /**
     * Nesterov, batch 16, bounds from a 40-point range test, with the results of one epoch: written as the
     * application writes a trained run's file, its dataset section describing the data the training ran on.
     */
    public static synchronized Hyperparameters irisTrained() {
        if (nesterov == null) {
            Dataset iris = TestData.load("iris");
            Hyperparameters proposed = fromRangeTest(OptimizerKind.NESTEROV, 0.9, 1e-4);
            TrainingResult trained = Trainer.train(iris, proposed.toTrainingConfig(), TrainingListener.NONE,
                    new CancelToken()).result();
            nesterov = Hyperparameters.of(described(iris), trained.config(), proposed.lr(), proposed.rangeTest(),
                    TrainingSection.of(trained));
        }
        return nesterov;
    }

    /** A file straight from a 40-point range test on iris (batch 16, one epoch), no training yet. */
    public static Hyperparameters fromRangeTest(OptimizerKind optimizer, double momentum, double weightDecay) {
        Dataset iris = TestData.load("iris");
        RangeTestConfig config = RangeTestConfig.defaults("iris", ModelSpec.preset("mlp")).withIterations(40)
                .withBatchSize(16).withOptimizer(optimizer).withMomentum(momentum).withWeightDecay(weightDecay);
        RangeTestResult result = RangeTest.run(iris, config, RangeTestListener.NONE, new CancelToken());
        return Hyperparameters.fromRangeTest(result, SuggestionMethod.VALLEY, described(iris), 1);
    }

    /** The dataset section of bundled iris as {@link TestData} loads it. */
    private static DatasetSection described(Dataset iris) {
        return DatasetSection.of("iris", DataOptions.defaults(), iris);
    }
}
