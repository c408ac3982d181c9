package org.rangefinder.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rangefinder.Counts;
import org.rangefinder.UserInputException;
import org.rangefinder.data.Dataset;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.engine.NativeThreads;
import org.rangefinder.engine.StepThreads;
import org.rangefinder.engine.StopReason;
import org.rangefinder.model.Evaluation;
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
 *
 * <p>The schedules are computed, the network is built (then the listener told that the run has started), and the
 * steps run (each recording its iteration, evaluating when due and telling the listener), on the threads of a
 * {@link StepThreads}.
 */
public final class Trainer {

    /**
     * The recorded result and the trained network (to save it; touch it only from a background thread), and whether
     * the network's parameters were all finite numbers as the run ended ({@link Network#finite}).
     */
    public record Outcome(TrainingResult result, Network network, boolean finite) {

        /**
         * Whether the network is one to keep: it took a step (one cancelled before its first is as it was built), and
         * its parameters are finite (a run stopped {@code non-finite} leaves NaNs).
         */
        public boolean trained() {
            return !result.iterations().isEmpty() && finite;
        }
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

    /** Trains on the calling thread ({@link StepThreads#INLINE}). */
    public static Outcome train(Dataset data, TrainingConfig config, TrainingListener listener, CancelToken cancel) {
        return train(data, config, listener, cancel, StepThreads.INLINE);
    }

    /**
     * Trains, the heavy work run by {@code steps}, which call the listener on their threads, one at a time.
     * {@link NativeThreads#runEnded()} follows, a failed run's too.
     */
    public static Outcome train(Dataset data, TrainingConfig config, TrainingListener listener, CancelToken cancel,
                                StepThreads steps) {
        return NativeThreads.run(() -> trainSteps(data, config, listener, cancel, steps));
    }

    private static Outcome trainSteps(Dataset data, TrainingConfig config, TrainingListener listener,
                                      CancelToken cancel, StepThreads steps) {
        int stepsPerEpoch = config.stepsPerEpoch(data.train().size());
        int total = TrainingConfig.totalSteps(config.epochs(), stepsPerEpoch);
        double[] lrs = steps.call(() -> learningRates(config, total));
        double[] momenta = steps.call(() -> momenta(config, total));
        boolean adamBeta1 = config.optimizer() == OptimizerKind.ADAM;
        BatchStream batches = new BatchStream(data.train(), data.numClasses(), config.batchSize(), config.seed(), false);
        Network net = steps.call(() -> {
            Network built = NetworkFactory.build(config.model(), data,
                    config.optimizerSettings().updater(new PrecomputedSchedule(lrs),
                            config.optimizer() == OptimizerKind.NESTEROV ? new PrecomputedSchedule(momenta) : null),
                    config.weightDecay(), config.seed(), Math.min(config.batchSize(), data.train().size()));
            listener.started();
            return built;
        });

        List<IterationRecord> iterations = new ArrayList<>(total);
        List<EvaluationRecord> evaluations = new ArrayList<>();
        List<EpochRecord> epochs = new ArrayList<>();
        long start = System.nanoTime();
        StopReason reason = steps.loop(total, cancel, step -> {
            if (adamBeta1) {
                net.setAdamBeta1(momenta[step]);
            }
            double loss = net.fit(batches.next());
            IterationRecord record = new IterationRecord(step, lrs[step], momenta[step], loss);
            iterations.add(record);
            listener.iterationDone(record, total);
            if (!Double.isFinite(loss)) {
                return StopReason.NON_FINITE;
            }
            boolean epochEnd = (step + 1) % stepsPerEpoch == 0;
            if (epochEnd || (config.evalEvery() > 0 && (step + 1) % config.evalEvery() == 0)) {
                Evaluation.Result r = Evaluation.evaluate(net, data.validation(), data.numClasses(),
                        data.validation().size());
                EvaluationRecord evaluation = new EvaluationRecord(step + 1, r.loss(), r.accuracy(), seconds(start));
                evaluations.add(evaluation);
                listener.evaluated(evaluation);
                if (epochEnd) {
                    EpochRecord summary = new EpochRecord((step + 1) / stepsPerEpoch,
                            meanLoss(iterations.subList(step + 1 - stepsPerEpoch, step + 1)), r.loss(), r.accuracy(),
                            evaluation.elapsedSeconds());
                    epochs.add(summary);
                    listener.epochDone(summary);
                }
            }
            return null;
        });
        TrainingResult result = new TrainingResult(config, total, iterations, evaluations, epochs, reason,
                seconds(start));
        return new Outcome(result, net, steps.call(net::finite));
    }

    private static OneCycleSettings checkedSettings(TrainingConfig config, int totalSteps) {
        OneCycleSettings s = config.oneCycle();
        if (s.totalSteps() != totalSteps) {
            throw new UserInputException("the 1cycle schedule has " + Counts.of(s.totalSteps(), "total step")
                    + ", but this dataset at batch size " + config.batchSize() + " takes " + totalSteps + " in "
                    + Counts.of(config.epochs(), "epoch"));
        }
        return s;
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    /** The mean loss of {@code records}, summed in their order. */
    private static double meanLoss(List<IterationRecord> records) {
        double sum = 0;
        for (IterationRecord r : records) {
            sum += r.loss();
        }
        return sum / records.size();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
