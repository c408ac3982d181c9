package org.rangefinder.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rangefinder.UserInputException;
import org.rangefinder.data.Dataset;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.model.Evaluation;
import org.rangefinder.engine.NativeThreads;
import org.rangefinder.engine.StopReason;
import org.rangefinder.model.Network;
import org.rangefinder.model.NetworkFactory;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.schedule.OneCycleSchedule;
import org.rangefinder.schedule.OneCycleSettings;
import org.rangefinder.schedule.PrecomputedSchedule;

/**
 * Trains a network for E epochs under a 1cycle or a constant schedule. The learning rate and momentum of every
 * iteration are computed before the run starts and read by the updater by iteration index; with Adam, beta1 follows
 * the momentum curve (set before each step, as DL4J cannot schedule it). The run evaluates on the validation split
 * at the end of every epoch, and every K iterations when asked; it stops early when cancelled (checked before every
 * step) or when a loss is not finite.
 */
public final class Trainer {

    /** The recorded result and the trained network (to save it; touch it only from a background thread). */
    public record Outcome(TrainingResult result, Network network) {
    }

    private Trainer() {
    }

    /** The learning rate of each of the {@code totalSteps} iterations. */
    public static double[] learningRates(TrainingConfig config, int totalSteps) {
        if (config.policy() == SchedulePolicy.CONSTANT) {
            return filled(totalSteps, config.constantLr());
        }
        return OneCycleSchedule.of(checkedSettings(config, totalSteps)).lrs();
    }

    /** The momentum (Adam: beta1) of each iteration; 0 throughout for plain SGD, which has none. */
    public static double[] momenta(TrainingConfig config, int totalSteps) {
        return cyclesMomentum(config) ? OneCycleSchedule.of(checkedSettings(config, totalSteps)).momenta()
                : filled(totalSteps, heldMomentum(config));
    }

    /** The smallest and the largest of {@link #learningRates}, found without computing each iteration's. */
    public static double[] learningRateExtent(TrainingConfig config, int totalSteps) {
        return config.policy() == SchedulePolicy.CONSTANT ? new double[] {config.constantLr(), config.constantLr()}
                : OneCycleSchedule.of(checkedSettings(config, totalSteps)).lrExtent();
    }

    /** The smallest and the largest of {@link #momenta}, found without computing each iteration's. */
    public static double[] momentumExtent(TrainingConfig config, int totalSteps) {
        return cyclesMomentum(config) ? OneCycleSchedule.of(checkedSettings(config, totalSteps)).momentumExtent()
                : new double[] {heldMomentum(config), heldMomentum(config)};
    }

    /**
     * The momentum (Adam: beta1) of iteration {@code step} of a 1cycle run with {@code optimizer}: the schedule's when
     * it cycles the momentum and the optimizer has one, else {@code momentum} held throughout, or 0 for plain SGD,
     * which has none. The rule of {@link #momenta}, one step at a time: a preview asks for a few steps of a long cycle.
     */
    public static double oneCycleMomentum(OneCycleSchedule schedule, OptimizerKind optimizer, double momentum,
                                          int step) {
        return cyclesMomentum(optimizer, schedule.settings()) ? schedule.momentum(step)
                : heldMomentum(optimizer, momentum);
    }

    private static boolean cyclesMomentum(TrainingConfig config) {
        return config.policy() == SchedulePolicy.ONE_CYCLE && cyclesMomentum(config.optimizer(), config.oneCycle());
    }

    private static boolean cyclesMomentum(OptimizerKind optimizer, OneCycleSettings cycle) {
        return optimizer.hasMomentum() && cycle.cycleMomentum();
    }

    private static double heldMomentum(TrainingConfig config) {
        return heldMomentum(config.optimizer(), config.momentum());
    }

    /** The momentum of a run that does not cycle it: the optimizer's, or 0 for plain SGD, which has none. */
    private static double heldMomentum(OptimizerKind optimizer, double momentum) {
        return optimizer.hasMomentum() ? momentum : 0;
    }

    public static Outcome train(Dataset data, TrainingConfig config, TrainingListener listener, CancelToken cancel) {
        return NativeThreads.run(() -> trainConfigured(data, config, listener, cancel));
    }

    private static Outcome trainConfigured(Dataset data, TrainingConfig config, TrainingListener listener,
                                           CancelToken cancel) {
        int stepsPerEpoch = config.stepsPerEpoch(data.train().size());
        int total = TrainingConfig.totalSteps(config.epochs(), stepsPerEpoch);
        double[] lrs = learningRates(config, total);
        double[] momenta = momenta(config, total);
        boolean adamBeta1 = config.optimizer() == OptimizerKind.ADAM;
        Network net = NetworkFactory.build(config.model(), data,
                config.optimizerSettings().updater(new PrecomputedSchedule(lrs),
                        config.optimizer() == OptimizerKind.NESTEROV ? new PrecomputedSchedule(momenta) : null),
                config.weightDecay(), config.seed(), Math.min(config.batchSize(), data.train().size()));
        BatchStream batches = new BatchStream(data.train(), data.numClasses(), config.batchSize(), config.seed(), false);

        List<IterationRecord> iterations = new ArrayList<>(total);
        List<EvaluationRecord> evaluations = new ArrayList<>();
        List<EpochRecord> epochs = new ArrayList<>();
        StopReason reason = StopReason.COMPLETED;
        long start = System.nanoTime();
        int step = 0;
        training:
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            double lossSum = 0;
            for (int b = 0; b < stepsPerEpoch; b++, step++) {
                if (cancel.isCancelled()) {
                    reason = StopReason.CANCELLED;
                    break training;
                }
                if (adamBeta1) {
                    net.setAdamBeta1(momenta[step]);
                }
                double loss = net.fit(batches.next());
                IterationRecord record = new IterationRecord(step, lrs[step], momenta[step], loss);
                iterations.add(record);
                listener.iterationDone(record, total);
                if (!Double.isFinite(loss)) {
                    reason = StopReason.NON_FINITE;
                    break training;
                }
                lossSum += loss;
                boolean epochEnd = b == stepsPerEpoch - 1;
                if (epochEnd || (config.evalEvery() > 0 && (step + 1) % config.evalEvery() == 0)) {
                    Evaluation.Result r = Evaluation.evaluate(net, data.validation(), data.numClasses(),
                            data.validation().size());
                    EvaluationRecord evaluation = new EvaluationRecord(step + 1, r.loss(), r.accuracy(), seconds(start));
                    evaluations.add(evaluation);
                    listener.evaluated(evaluation);
                    if (epochEnd) {
                        EpochRecord summary = new EpochRecord(epoch, lossSum / stepsPerEpoch, r.loss(), r.accuracy(),
                                evaluation.elapsedSeconds());
                        epochs.add(summary);
                        listener.epochDone(summary);
                    }
                }
            }
        }
        TrainingResult result = new TrainingResult(config, total, iterations, evaluations, epochs, reason,
                seconds(start));
        return new Outcome(result, net);
    }

    private static OneCycleSettings checkedSettings(TrainingConfig config, int totalSteps) {
        OneCycleSettings s = config.oneCycle();
        if (s.totalSteps() != totalSteps) {
            throw new UserInputException("the 1cycle schedule has " + s.totalSteps() + " total steps, but "
                    + config.epochs() + " epochs of this dataset at batch size " + config.batchSize() + " take "
                    + totalSteps);
        }
        return s;
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
