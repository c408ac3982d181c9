package org.rangefinder.rangetest;

import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;
import org.rangefinder.UserInputException;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.optim.Optimizer;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.schedule.LadderMode;
import org.rangefinder.schedule.LrLadder;

/**
 * Every setting of one LR range test. The compact constructor checks each value and refuses a bad one with a
 * {@link SettingProblem} naming its {@link Setting}, so the window and the CLI refuse the same things, each face
 * naming the values its own way (the message names the command-line options).
 *
 * @param dataset           bundled dataset name or path, as the user gave it
 * @param model             network architecture
 * @param optimizer         sgd, nesterov or adam
 * @param momentum          Nesterov momentum or Adam beta1
 * @param weightDecay       decoupled weight decay
 * @param batchSize         samples per iteration
 * @param iterations        N, the number of learning rates tried
 * @param startLr           first learning rate
 * @param endLr             last learning rate
 * @param mode              exponential or linear ladder
 * @param stepSize          iterations each rung of a staircase ladder is held (1 = a new lr every iteration)
 * @param smoothing         beta of the bias-corrected exponential moving average
 * @param divergeFactor     stop once the smoothed loss exceeds this factor times its minimum (0 = never)
 * @param validationBatches record the mean loss over this many fixed validation batches instead of the
 *                          training loss (0 = training loss)
 * @param seed              seed of the initial weights and of the shuffling
 */
public record RangeTestConfig(String dataset, ModelSpec model, OptimizerKind optimizer, double momentum,
                              double weightDecay, int batchSize, int iterations, double startLr, double endLr,
                              LadderMode mode, int stepSize, double smoothing, double divergeFactor,
                              int validationBatches, long seed) {

    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final int DEFAULT_ITERATIONS = 100;
    public static final double DEFAULT_START_LR = 1e-7;
    public static final double DEFAULT_END_LR = 10;
    public static final double DEFAULT_DIVERGE_FACTOR = 4;
    public static final long DEFAULT_SEED = 42;

    public RangeTestConfig {
        if (dataset == null || dataset.isBlank()) {
            throw new SettingProblem(Setting.DATASET, "is required");
        }
        if (model == null || optimizer == null || mode == null) {
            throw new UserInputException("--model, --optimizer and --mode are required");
        }
        new Optimizer(optimizer, momentum, weightDecay);
        if (batchSize < 1) {
            throw new SettingProblem(Setting.BATCH_SIZE, "must be at least 1, got %s", batchSize);
        }
        LrLadder.check(startLr, endLr, iterations, mode, stepSize);
        org.rangefinder.rangetest.Smoothing.checkBeta(smoothing);
        if (!(divergeFactor == 0 || divergeFactor > 1) || Double.isInfinite(divergeFactor)) {
            throw new SettingProblem(Setting.DIVERGE, "must be 0 (off) or a factor above 1, got %s", divergeFactor);
        }
        if (validationBatches < 0) {
            throw new SettingProblem(Setting.VAL_BATCHES, "must be 0 (training loss) or more, got %s",
                    validationBatches);
        }
    }

    /** The defaults of the CLI and the window, on a dataset and a model. */
    public static RangeTestConfig defaults(String dataset, ModelSpec model) {
        Optimizer o = Optimizer.defaults();
        return new RangeTestConfig(dataset, model, o.kind(), o.momentum(), o.weightDecay(), DEFAULT_BATCH_SIZE,
                DEFAULT_ITERATIONS, DEFAULT_START_LR, DEFAULT_END_LR, LadderMode.EXP, 1, Smoothing.DEFAULT_BETA,
                DEFAULT_DIVERGE_FACTOR, 0, DEFAULT_SEED);
    }

    public Optimizer optimizerSettings() {
        return new Optimizer(optimizer, momentum, weightDecay);
    }

    /** The learning rate of each iteration. */
    public double[] ladder() {
        return LrLadder.values(startLr, endLr, iterations, mode, stepSize);
    }

    public RangeTestConfig withOptimizer(OptimizerKind value) {
        return new RangeTestConfig(dataset, model, value, momentum, weightDecay, batchSize, iterations, startLr, endLr,
                mode, stepSize, smoothing, divergeFactor, validationBatches, seed);
    }

    public RangeTestConfig withMomentum(double value) {
        return new RangeTestConfig(dataset, model, optimizer, value, weightDecay, batchSize, iterations, startLr, endLr,
                mode, stepSize, smoothing, divergeFactor, validationBatches, seed);
    }

    public RangeTestConfig withWeightDecay(double value) {
        return new RangeTestConfig(dataset, model, optimizer, momentum, value, batchSize, iterations, startLr, endLr,
                mode, stepSize, smoothing, divergeFactor, validationBatches, seed);
    }

    public RangeTestConfig withBatchSize(int value) {
        return new RangeTestConfig(dataset, model, optimizer, momentum, weightDecay, value, iterations, startLr, endLr,
                mode, stepSize, smoothing, divergeFactor, validationBatches, seed);
    }

    public RangeTestConfig withSeed(long value) {
        return new RangeTestConfig(dataset, model, optimizer, momentum, weightDecay, batchSize, iterations, startLr,
                endLr, mode, stepSize, smoothing, divergeFactor, validationBatches, value);
    }

    public RangeTestConfig withIterations(int value) {
        return new RangeTestConfig(dataset, model, optimizer, momentum, weightDecay, batchSize, value, startLr, endLr,
                mode, stepSize, smoothing, divergeFactor, validationBatches, seed);
    }

    public RangeTestConfig withLrs(double start, double end) {
        return new RangeTestConfig(dataset, model, optimizer, momentum, weightDecay, batchSize, iterations, start, end,
                mode, stepSize, smoothing, divergeFactor, validationBatches, seed);
    }

    public RangeTestConfig withDivergeFactor(double value) {
        return new RangeTestConfig(dataset, model, optimizer, momentum, weightDecay, batchSize, iterations, startLr,
                endLr, mode, stepSize, smoothing, value, validationBatches, seed);
    }

    public RangeTestConfig withValidationBatches(int value) {
        return new RangeTestConfig(dataset, model, optimizer, momentum, weightDecay, batchSize, iterations, startLr,
                endLr, mode, stepSize, smoothing, divergeFactor, value, seed);
    }
}
