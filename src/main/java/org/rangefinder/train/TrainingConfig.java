package org.rangefinder.train;

import org.rangefinder.Counts;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;
import org.rangefinder.UserInputException;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.optim.Optimizer;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.schedule.OneCycleSettings;

/**
 * Every setting of one training run.
 *
 * @param dataset     bundled dataset name or path, as the user gave it
 * @param model       network architecture
 * @param optimizer   sgd, nesterov or adam
 * @param momentum    the fixed momentum (Adam: beta1) of a constant run; a 1cycle run cycles it between the
 *                    schedule's base and max momentum instead (when cycling is on). Plain SGD has none: its
 *                    momentum is 0 and its schedule cycles none (both momenta 0), so that nothing written of the
 *                    run claims one it did not use
 * @param weightDecay decoupled weight decay
 * @param batchSize   samples per iteration; an epoch is {@code ceil(trainingSamples / batchSize)} iterations
 * @param epochs      E, passes over the training data
 * @param policy      one-cycle or constant
 * @param oneCycle    the 1cycle settings (their total steps must be E times the batches per epoch); null for
 *                    a constant run
 * @param constantLr  the learning rate of a constant run
 * @param evalEvery   also evaluate on the validation set every K iterations (0 = at the end of each epoch only)
 * @param seed        seed of the initial weights and of the shuffling
 */
public record TrainingConfig(String dataset, ModelSpec model, OptimizerKind optimizer, double momentum,
                             double weightDecay, int batchSize, int epochs, SchedulePolicy policy,
                             OneCycleSettings oneCycle, Double constantLr, int evalEvery, long seed) {

    public TrainingConfig {
        if (dataset == null || dataset.isBlank()) {
            throw new SettingProblem(Setting.DATASET, "is required");
        }
        new Optimizer(optimizer, momentum, weightDecay);
        if (batchSize < 1) {
            throw new SettingProblem(Setting.BATCH_SIZE, "must be at least 1, got %s", batchSize);
        }
        if (epochs < 1) {
            throw new SettingProblem(Setting.EPOCHS, "must be at least 1, got %s", epochs);
        }
        if (evalEvery < 0) {
            throw new SettingProblem(Setting.EVAL_EVERY, "must be 0 (each epoch) or more, got %s", evalEvery);
        }
        if (policy == SchedulePolicy.ONE_CYCLE && oneCycle == null) {
            throw new UserInputException("a one-cycle run needs its schedule settings (--max-lr)");
        }
        if (optimizer == OptimizerKind.SGD) {
            momentum = 0;
            if (oneCycle != null) {
                oneCycle = oneCycle.withCycleMomentum(false).withMomenta(0, 0);
            }
        }
        if (policy == SchedulePolicy.CONSTANT) {
            if (constantLr == null) {
                throw new SettingProblem(Setting.CONSTANT_LR, "is required for a constant schedule");
            }
            if (!(constantLr > 0) || constantLr.isInfinite()) {
                throw new SettingProblem(Setting.CONSTANT_LR, "must be a number > 0 for a constant schedule, got %s",
                        constantLr);
            }
            oneCycle = null;
        } else {
            constantLr = null;
        }
    }

    public Optimizer optimizerSettings() {
        return new Optimizer(optimizer, momentum, weightDecay);
    }

    /** Iterations per epoch for a training split of {@code samples} samples (the last batch may be smaller). */
    public int stepsPerEpoch(int samples) {
        return BatchStream.batchesPerEpoch(samples, batchSize, false);
    }

    public int totalSteps(int samples) {
        return totalSteps(epochs, stepsPerEpoch(samples));
    }

    /**
     * {@code epochs * stepsPerEpoch}, refused past {@link OneCycleSettings#MAX_STEPS}: a training's learning rates
     * are computed ahead, one per step, as a cycle's are.
     */
    public static int totalSteps(int epochs, int stepsPerEpoch) {
        long total = (long) epochs * stepsPerEpoch;
        if (total > OneCycleSettings.MAX_STEPS) {
            throw new SettingProblem(Setting.EPOCHS, "%s of %s each make %s iterations; at most %s", epochs,
                    Counts.of(stepsPerEpoch, "iteration"), total, OneCycleSettings.MAX_STEPS);
        }
        return (int) total;
    }
}
