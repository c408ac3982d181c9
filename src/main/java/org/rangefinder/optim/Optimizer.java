package org.rangefinder.optim;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;

/**
 * An optimizer with its momentum and weight decay. The learning rate and the momentum are not fixed numbers
 * here: a run hands in schedules that the updater reads every iteration (calling DL4J's
 * {@code setLearningRate} per iteration would rebuild the updater, about 100 ms each time).
 *
 * <p>Weight decay is decoupled ({@link DecoupledWeightDecay}, as in AdamW): each step subtracts
 * {@code lr * weightDecay * w} of the weight before the step, beside the update, with nothing added to the loss.
 * For Adam, {@code momentum} is beta1; beta2 is 0.999, epsilon 1e-8.
 *
 * @param kind        SGD, Nesterov or Adam
 * @param momentum    Nesterov momentum or Adam beta1 when no momentum schedule is given; ignored by plain SGD
 * @param weightDecay decoupled weight-decay coefficient, at least 0
 */
public record Optimizer(OptimizerKind kind, double momentum, double weightDecay) {

    public static final double ADAM_BETA2 = 0.999;
    public static final double ADAM_EPSILON = 1e-8;

    public Optimizer {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new SettingProblem(Setting.MOMENTUM, "must be in [0, 1), got %s", momentum);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new SettingProblem(Setting.WEIGHT_DECAY, "must be a number >= 0, got %s", weightDecay);
        }
    }

    /** The default: Nesterov momentum 0.9, no weight decay. */
    public static Optimizer defaults() {
        return new Optimizer(OptimizerKind.NESTEROV, 0.9, 0);
    }

    public Optimizer withKind(OptimizerKind k) {
        return new Optimizer(k, momentum, weightDecay);
    }

    public Optimizer withMomentum(double m) {
        return new Optimizer(kind, m, weightDecay);
    }

    public Optimizer withWeightDecay(double wd) {
        return new Optimizer(kind, momentum, wd);
    }

    /**
     * The DL4J updater reading {@code lr} every iteration, and {@code momentum} too when it is not null (Nesterov
     * only: Adam's beta1 is not schedulable in DL4J, so a run that cycles it sets it on the updater itself; see
     * {@code Network#setAdamBeta1}).
     */
    public IUpdater updater(ISchedule lr, ISchedule momentumSchedule) {
        return switch (kind) {
            case SGD -> new Sgd(lr);
            case NESTEROV -> momentumSchedule == null ? new Nesterovs(lr, momentum) : new Nesterovs(lr, momentumSchedule);
            case ADAM -> Adam.builder().learningRateSchedule(lr).beta1(momentum).beta2(ADAM_BETA2)
                    .epsilon(ADAM_EPSILON).build();
        };
    }
}
