package org.rangefinder.rangetest;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import org.nd4j.linalg.learning.config.IUpdater;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;
import org.rangefinder.data.Dataset;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.engine.NativeThreads;
import org.rangefinder.engine.StepThreads;
import org.rangefinder.engine.StopReason;
import org.rangefinder.model.Evaluation;
import org.rangefinder.model.Network;
import org.rangefinder.model.NetworkFactory;
import org.rangefinder.schedule.PrecomputedSchedule;

/**
 * The LR range test (Smith, "A disciplined approach to neural network hyper-parameters", section 3): train for N
 * iterations while the learning rate climbs the ladder {@code lr_0 .. lr_{N-1}}, recording the loss of each step.
 *
 * <p>Each test builds its network from the seed, so every test under the same settings starts from the same
 * weights and optimizer state and leaves nothing behind: running it twice gives the same curve. The learning rate
 * reaches the updater through a precomputed schedule indexed by iteration.
 *
 * <p>Per iteration t = 1, 2, ...: one step on a shuffled training batch at {@code lr_{t-1}}; the recorded loss
 * {@code L_t} is that batch's loss (or, in validation mode, the mean loss over K fixed validation batches after the
 * step); the smoothed loss {@code s_t} is the bias-corrected EMA of {@link Smoothing}. The test stops early when
 * {@code L_t} is not finite ({@code non-finite}, the point is kept as it was), when {@code s_t > factor *
 * min(s_1..s_t)} ({@code diverged}, factor 0 turns this off), or when cancelled (checked before every step).
 *
 * <p>The network is built, and the steps run (each recording its point and telling the listener), on the threads
 * of a {@link StepThreads}.
 */
public final class RangeTest {

    private RangeTest() {
    }

    /** Runs the test on the calling thread ({@link StepThreads#INLINE}). */
    public static RangeTestResult run(Dataset data, RangeTestConfig config, RangeTestListener listener,
                                      CancelToken cancel) {
        return run(data, config, listener, cancel, StepThreads.INLINE);
    }

    /**
     * Runs the test, its network built and its steps run by {@code steps}, which call the listener on their threads,
     * one at a time. {@link NativeThreads#runEnded()} follows, a failed test's too.
     */
    public static RangeTestResult run(Dataset data, RangeTestConfig config, RangeTestListener listener,
                                      CancelToken cancel, StepThreads steps) {
        return NativeThreads.run(() -> runSteps(data, config, listener, cancel, steps));
    }

    private static RangeTestResult runSteps(Dataset data, RangeTestConfig config, RangeTestListener listener,
                                            CancelToken cancel, StepThreads steps) {
        double[] ladder = config.ladder();
        int validationSamples = checkFits(config, data);
        // the batches first: a batch larger than the data is refused before the network is built
        BatchStream batches = new BatchStream(data.train(), data.numClasses(), config.batchSize(), config.seed(), true);
        Network net = steps.call(() -> NetworkFactory.build(config.model(), data, updater(config, ladder),
                config.weightDecay(), config.seed(), config.batchSize()));

        List<CurvePoint> points = new ArrayList<>(ladder.length);
        Smoothing.Ema ema = new Smoothing.Ema(config.smoothing());
        DoubleSummaryStatistics smoothedSoFar = new DoubleSummaryStatistics();
        long start = System.nanoTime();
        StopReason reason = steps.loop(ladder.length, cancel, i -> {
            double loss = net.fit(batches.next());
            if (validationSamples > 0) {
                loss = Evaluation.evaluate(net, data.validation(), data.numClasses(), validationSamples).loss();
            }
            double smoothed = ema.add(loss);
            CurvePoint point = new CurvePoint(i, ladder[i], loss, smoothed);
            points.add(point);
            listener.pointRecorded(point);
            if (!Double.isFinite(loss)) {
                return StopReason.NON_FINITE;
            }
            smoothedSoFar.accept(smoothed);
            if (config.divergeFactor() > 0 && smoothed > config.divergeFactor() * smoothedSoFar.getMin()) {
                return StopReason.DIVERGED;
            }
            return null;
        });
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] lrs = points.stream().mapToDouble(CurvePoint::lr).toArray();
        double[] smoothed = points.stream().mapToDouble(CurvePoint::smoothedLoss).toArray();
        return new RangeTestResult(config, points, reason, elapsed,
                Suggestions.fromSmoothed(lrs, smoothed, SuggestionOptions.defaults()));
    }

    /** The updater of a test: its optimizer, its learning rate the ladder's {@code lr_t} at iteration t. */
    private static IUpdater updater(RangeTestConfig config, double[] ladder) {
        return config.optimizerSettings().updater(new PrecomputedSchedule(ladder), null);
    }

    /**
     * Refuses a test that cannot run on {@code data}, with the message the run would fail with: a model that cannot
     * take the data ({@link NetworkFactory#checkCompatible}), or a batch or validation the data lacks
     * ({@link #checkFits}). The window checks its form with this, for each test a sweep would run, before it offers
     * Run; the command line before anything runs or is recorded, and {@link #checkMemory} then.
     */
    public static void checkRunnable(RangeTestConfig config, Dataset data) {
        NetworkFactory.checkCompatible(config.model(), data);
        checkFits(config, data);
    }

    /**
     * Refuses a test whose network would not fit this machine's memory while it trains, with the message its build
     * would fail with ({@link NetworkFactory#checkBuildable}), before anything is allocated. The command line checks
     * each test a sweep would run with this, so that a member too large is refused before any other has run. It is
     * not part of {@link #checkRunnable}: it loads ND4J (1.5-2 s the first time), which the window's form check,
     * on the window's own thread, must not. Each test is checked alone, as its build checks it: members side by side
     * on several workers need that memory each, and their sum is not checked (the machine's memory is shared with
     * whatever else runs, which no check here sees; fewer workers need less).
     */
    public static void checkMemory(RangeTestConfig config, Dataset data) {
        NetworkFactory.checkBuildable(config.model(), data, updater(config, config.ladder()), config.batchSize());
    }

    /**
     * Refuses a test the data cannot hold: a batch larger than the training part (a range test takes full batches
     * only), or K validation batches of the batch size beyond the validation part (K x B counted in long: an int
     * product could wrap to a negative count, which read as no validation at all).
     *
     * @return the validation samples whose mean loss each step records (0: the training loss)
     */
    public static int checkFits(RangeTestConfig config, Dataset data) {
        BatchStream.requireFullBatch(data.train().size(), config.batchSize());
        long wanted = (long) config.validationBatches() * config.batchSize();
        int held = data.validation().size();
        if (wanted > held) {
            // fewer batches of this size, else these batches smaller, else one batch of at most what is held
            int most = held / config.batchSize();
            int largest = held / config.validationBatches();
            // by position: 1-4 what is asked, 5-6 what the data holds, 7 the setting refused, 8-9 the values that fit
            String advice = most > 0 ? "use %7$s %8$s or fewer" : largest > 0 ? "use %2$s %9$s or less"
                    : "use %7$s 1 with %2$s %6$s or less";
            throw new SettingProblem(Setting.VAL_BATCHES, "%1$s of %2$s %3$s ask for %4$s validation samples, but "
                    + "'%5$s' holds %6$s: " + advice + ", or %7$s 0 to record the training loss",
                    config.validationBatches(), Setting.BATCH_SIZE, config.batchSize(), wanted, data.name(), held,
                    Setting.VAL_BATCHES, most, largest);
        }
        return (int) wanted;
    }
}
