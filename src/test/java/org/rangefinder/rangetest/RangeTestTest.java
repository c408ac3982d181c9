package org.rangefinder.rangetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.rangefinder.UserInputException;
import org.rangefinder.TestData;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Split;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.engine.NewThreadEachPiece;
import org.rangefinder.engine.StopReason;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.model.Network;
import org.rangefinder.model.NetworkFactory;
import org.rangefinder.optim.OptimizerKind;

class RangeTestTest {
    private final Dataset iris = TestData.load("iris");

    private RangeTestConfig irisConfig(int iterations) {
        return RangeTestConfig.defaults("iris", ModelSpec.preset("mlp")).withIterations(iterations).withBatchSize(16);
    }

    @Test
    void sameSettingsTwiceGiveIdenticalCurves() {
        RangeTestConfig config = irisConfig(40);
        RangeTestResult first = RangeTest.run(iris, config, RangeTestListener.NONE, new CancelToken());
        RangeTestResult second = RangeTest.run(iris, config, RangeTestListener.NONE, new CancelToken());
        assertThat(first.points()).hasSize(second.points().size());
        assertThat(first.losses()).containsExactly(second.losses());
        assertThat(first.smoothedLosses()).containsExactly(second.smoothedLosses());
    }

    @Test
    void recordedLearningRatesAreTheLadderAndSmoothedLossesTheBiasCorrectedEma() {
        RangeTestConfig config = irisConfig(30).withDivergeFactor(0);
        RangeTestResult r = RangeTest.run(iris, config, RangeTestListener.NONE, new CancelToken());
        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.lrs()).containsExactly(config.ladder());
        assertThat(r.points().get(0).lr()).isEqualTo(1e-7);
        assertThat(r.points().get(29).lr()).isEqualTo(10.0);
        // s_1 = (1-b)L_1 / (1-b) = L_1; s_2 = (b(1-b)L_1 + (1-b)L_2) / (1-b^2)
        double l1 = r.losses()[0];
        double l2 = r.losses()[1];
        double b = 0.98;
        assertThat(r.smoothedLosses()[0]).isEqualTo(l1);
        assertThat(r.smoothedLosses()[1]).isCloseTo((b * (1 - b) * l1 + (1 - b) * l2) / (1 - b * b),
                org.assertj.core.data.Offset.offset(1e-15));
        assertThat(r.smoothedLosses()).containsExactly(Smoothing.smooth(r.losses(), b));
    }

    /**
     * Step i trains at the ladder's lr_i: the losses equal, bit for bit, those of a network that DL4J's own schedule
     * of one value per iteration (the ladder) drives over the same batches. A ladder shifted by one step, or any other
     * learning rate, gives other losses.
     */
    @Test
    void eachStepTrainsAtItsRungOfTheLadder() {
        RangeTestConfig config = irisConfig(20).withLrs(1e-3, 1).withDivergeFactor(0);
        RangeTestResult r = RangeTest.run(iris, config, RangeTestListener.NONE, new CancelToken());
        double[] ladder = config.ladder();
        Network reference = referenceNetwork(config);
        BatchStream batches = new BatchStream(iris.train(), iris.numClasses(), config.batchSize(), config.seed(), true);
        double[] losses = new double[ladder.length];
        for (int i = 0; i < ladder.length; i++) {
            losses[i] = reference.fit(batches.next());
        }
        assertThat(r.losses()).containsExactly(losses);
    }

    /**
     * A network of a Nesterov test's settings that DL4J's own schedule of one value per iteration (the ladder)
     * drives: the range test's network, built apart from it.
     */
    private Network referenceNetwork(RangeTestConfig config) {
        assertThat(config.optimizer()).isEqualTo(OptimizerKind.NESTEROV);
        double[] ladder = config.ladder();
        Map<Integer, Double> byIteration = new HashMap<>();
        for (int i = 0; i < ladder.length; i++) {
            byIteration.put(i, ladder[i]);
        }
        return NetworkFactory.build(config.model(), iris,
                new Nesterovs(new MapSchedule(ScheduleType.ITERATION, byIteration), config.momentum()),
                config.weightDecay(), config.seed(), config.batchSize());
    }

    @Test
    void tinyLearningRatesBarelyMoveTheLossAndItFallsBeforeItDiverges() {
        RangeTestResult r = RangeTest.run(iris, irisConfig(100), RangeTestListener.NONE, new CancelToken());
        double first = r.smoothedLosses()[0];
        // iris has 3 classes: an untrained softmax starts near ln 3
        assertThat(first).isBetween(0.6, 2.5);
        double best = java.util.Arrays.stream(r.smoothedLosses()).filter(Double::isFinite).min().orElseThrow();
        assertThat(best).isLessThan(first * 0.7);
        assertThat(r.suggestions().reason()).isNull();
        assertThat(r.suggestions().valley()).isBetween(1e-4, 10.0);
    }

    @Test
    void rangeTestStopsWhenSmoothedLossExceedsFourTimesTheBest() {
        RangeTestConfig config = irisConfig(100).withLrs(1e-3, 1e6);
        RangeTestResult r = RangeTest.run(iris, config, RangeTestListener.NONE, new CancelToken());
        assertThat(r.stopReason()).isEqualTo(StopReason.DIVERGED);
        assertThat(r.points().size()).isLessThan(100);
        double[] s = r.smoothedLosses();
        double minBeforeLast = java.util.Arrays.stream(s).min().orElseThrow();
        assertThat(s[s.length - 1]).isGreaterThan(4 * minBeforeLast);
        for (int t = 0; t < s.length - 1; t++) {
            double minSoFar = java.util.Arrays.stream(s, 0, t + 1).min().orElseThrow();
            assertThat(s[t]).isLessThanOrEqualTo(4 * minSoFar);
        }
    }

    @Test
    void nonFiniteLossStopsTheTestAndIsRecordedAsItWas() {
        RangeTestConfig config = irisConfig(200).withLrs(1e-2, 1e30).withDivergeFactor(0);
        RangeTestResult r = RangeTest.run(iris, config, RangeTestListener.NONE, new CancelToken());
        assertThat(r.stopReason()).isEqualTo(StopReason.NON_FINITE);
        double last = r.losses()[r.losses().length - 1];
        assertThat(Double.isFinite(last)).isFalse();
        for (int i = 0; i < r.losses().length - 1; i++) {
            assertThat(Double.isFinite(r.losses()[i])).isTrue();
        }
    }

    @Test
    void cancellingTakesEffectBeforeTheNextIterationAndKeepsThePartialCurve() {
        CancelToken cancel = new CancelToken();
        RangeTestResult r = RangeTest.run(iris, irisConfig(100), p -> {
            if (p.iteration() == 9) {
                cancel.cancel();
            }
        }, cancel);
        assertThat(r.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(r.points()).hasSize(10);
    }

    /**
     * The window moves a test's steps between threads as the machine's load changes: a curve is the same whatever
     * thread each step runs on, bit for bit, a convolutional network's too (whose oneDNN sums a thread's OpenMP
     * setting splits), its validation losses too.
     */
    @Test
    void aCurveIsTheSameWhateverThreadEachStepRunsOn() {
        Dataset digits = TestData.load("digits");
        RangeTestConfig lenet = RangeTestConfig.defaults("digits", ModelSpec.preset("lenet")).withIterations(12)
                .withBatchSize(32).withValidationBatches(2);
        for (var run : List.of(Map.entry(iris, irisConfig(60)), Map.entry(digits, lenet))) {
            RangeTestResult inline = RangeTest.run(run.getKey(), run.getValue(), RangeTestListener.NONE,
                    new CancelToken());
            NewThreadEachPiece newThreads = new NewThreadEachPiece();
            RangeTestResult moved = RangeTest.run(run.getKey(), run.getValue(), RangeTestListener.NONE,
                    new CancelToken(), newThreads);
            assertThat(newThreads.threads()).as("the network's, then each step's").isEqualTo(1 + inline.points().size());
            assertThat(moved.stopReason()).isEqualTo(inline.stopReason());
            assertThat(moved.losses()).containsExactly(inline.losses());
            assertThat(moved.smoothedLosses()).containsExactly(inline.smoothedLosses());
        }
    }

    @Test
    void validationModeRecordsTheMeanLossOverFixedValidationBatches() {
        RangeTestConfig config = irisConfig(20).withValidationBatches(1);
        RangeTestResult first = RangeTest.run(iris, config, RangeTestListener.NONE, new CancelToken());
        RangeTestResult training = RangeTest.run(iris, irisConfig(20), RangeTestListener.NONE, new CancelToken());
        RangeTestResult again = RangeTest.run(iris, config, RangeTestListener.NONE, new CancelToken());
        assertThat(first.losses()).containsExactly(again.losses());
        assertThat(first.losses()).isNotEqualTo(training.losses());
        // at lr 1e-7 the weights barely move: consecutive validation losses on the same batch agree closely,
        // which training-batch losses (a new batch every step) do not
        assertThat(Math.abs(first.losses()[1] - first.losses()[0])).isLessThan(1e-4);
        assertThat(Math.abs(training.losses()[1] - training.losses()[0])).isGreaterThan(1e-4);
    }

    /**
     * In validation mode the loss of point i is {@code -mean ln p_y} over the first K x B samples of the validation
     * split (its K fixed batches of B, as it holds them), of the network after step i. Here K = 2, B = 8: 16 of iris's
     * 30. The reference network is trained as in {@link #eachStepTrainsAtItsRungOfTheLadder}, and after each step its
     * probabilities for those 16 rows, computed at once, give the loss by hand: the same floats, each ln taken in
     * double and summed in the rows' order, then divided by 16, as the range test does, so the two agree bit for bit
     * (no probability is below Evaluation's clip at 1e-10, which would otherwise stand in for it). A loss of the
     * network before its step, or over all 30 rows, is another number.
     */
    @Test
    void validationModeRecordsTheLossOfTheFirstKBatchesAfterEachStep() {
        RangeTestConfig config = irisConfig(12).withBatchSize(8).withValidationBatches(2).withLrs(1e-3, 0.1)
                .withDivergeFactor(0);
        RangeTestResult r = RangeTest.run(iris, config, RangeTestListener.NONE, new CancelToken());
        Network reference = referenceNetwork(config);
        BatchStream batches = new BatchStream(iris.train(), iris.numClasses(), config.batchSize(), config.seed(), true);
        Split validation = iris.validation();
        int rows = 16;
        int d = validation.featureLength();
        INDArray x = Nd4j.create(Arrays.copyOf(validation.features(), rows * d), new long[] {rows, d},
                DataType.FLOAT);
        double[] losses = new double[config.iterations()];
        for (int i = 0; i < losses.length; i++) {
            reference.fit(batches.next());
            float[] p = reference.output(x).data().asFloat();
            double sum = 0;
            for (int row = 0; row < rows; row++) {
                float py = p[row * iris.numClasses() + validation.labels()[row]];
                assertThat(py).isGreaterThan(1e-10f);
                sum -= Math.log(py);
            }
            losses[i] = sum / rows;
        }
        assertThat(r.losses()).containsExactly(losses);
    }

    /** iris holds 30 validation samples: 2 batches of 16 are more, and 2^30 of 2 wrapped to a negative int. */
    @Test
    void moreValidationBatchesThanTheValidationPartHoldsAreRefused() {
        assertThatThrownBy(() -> RangeTest.run(iris, irisConfig(20).withValidationBatches(2), RangeTestListener.NONE,
                new CancelToken())).isInstanceOf(UserInputException.class).hasMessage("--val-batches 2 of --batch-size "
                + "16 ask for 32 validation samples, but 'iris' holds 30: use --val-batches 1 or fewer, or "
                + "--val-batches 0 to record the training loss");
        assertThatThrownBy(() -> RangeTest.run(iris, irisConfig(20).withBatchSize(2).withValidationBatches(1 << 30),
                RangeTestListener.NONE, new CancelToken())).isInstanceOf(UserInputException.class)
                .hasMessageContaining("ask for 2147483648 validation samples");
        assertThatThrownBy(() -> RangeTest.run(iris, irisConfig(20).withBatchSize(64).withValidationBatches(1),
                RangeTestListener.NONE, new CancelToken())).isInstanceOf(UserInputException.class)
                .hasMessageEndingWith("use --batch-size 30 or less, or --val-batches 0 to record the training loss");
    }

    /**
     * Each member of a sweep runs with its own value of the factor (its config is the base with that value set here,
     * by hand, not by the sweep) and gives its solo run's curve bit for bit, on two workers side by side; members of
     * different values give different curves.
     */
    @Test
    void sweepMembersEqualTheirSoloRunsBitForBit() {
        RangeTestConfig base = irisConfig(30);
        assertMembersAreTheirSoloRuns(base, "weight-decay=0,1e-3,1e-1",
                base.withWeightDecay(0), base.withWeightDecay(1e-3), base.withWeightDecay(1e-1));
        assertMembersAreTheirSoloRuns(base, "momentum=0.5,0.9", base.withMomentum(0.5), base.withMomentum(0.9));
        assertMembersAreTheirSoloRuns(base, "optimizer=sgd,adam", base.withOptimizer(OptimizerKind.SGD),
                base.withOptimizer(OptimizerKind.ADAM));
        assertMembersAreTheirSoloRuns(base, "batch-size=8,32", base.withBatchSize(8), base.withBatchSize(32));
    }

    private void assertMembersAreTheirSoloRuns(RangeTestConfig base, String sweep, RangeTestConfig... solos) {
        SweepResult family = SweepRunner.run(iris, base, Sweep.parse(sweep), 2, (m, p) -> { }, new CancelToken());
        assertThat(family.members()).as(sweep).hasSize(solos.length);
        for (int i = 0; i < solos.length; i++) {
            RangeTestResult member = family.members().get(i);
            RangeTestResult solo = RangeTest.run(iris, solos[i], RangeTestListener.NONE, new CancelToken());
            assertThat(member.config()).as("%s member %d", sweep, i).isEqualTo(solos[i]);
            assertThat(member.losses()).as("%s member %d", sweep, i).containsExactly(solo.losses());
        }
        assertThat(family.members().get(0).losses()).as(sweep)
                .isNotEqualTo(family.members().get(solos.length - 1).losses());
        assertThat(family.seedSummary()).isNull();
    }

    @Test
    void seedFamilyReportsMeanCurveWithBandAndMedianSuggestions() {
        // seeds whose steep, valley and minimum suggestions are three different values each
        SweepResult family = SweepRunner.run(iris, irisConfig(40), Sweep.parse("seed=1,5,12"), 2, (m, p) -> { },
                new CancelToken());
        SweepResult.SeedSummary summary = family.seedSummary();
        int length = family.members().stream().mapToInt(m -> m.points().size()).min().orElseThrow();
        assertThat(summary.meanSmoothedLoss()).hasSize(length);
        for (int i = 0; i < length; i++) {
            double a = family.members().get(0).smoothedLosses()[i];
            double b = family.members().get(1).smoothedLosses()[i];
            double c = family.members().get(2).smoothedLosses()[i];
            assertThat(summary.meanSmoothedLoss()[i]).isEqualTo((a + b + c) / 3);
            assertThat(summary.minSmoothedLoss()[i]).isEqualTo(Math.min(a, Math.min(b, c)));
            assertThat(summary.maxSmoothedLoss()[i]).isEqualTo(Math.max(a, Math.max(b, c)));
        }
        // the median of three is the middle one of the members' own suggestions, sorted by hand here
        double[] steeps = sortedSuggestions(family, Suggestions::steep);
        double[] valleys = sortedSuggestions(family, Suggestions::valley);
        double[] minima = sortedSuggestions(family, Suggestions::minimum);
        assertThat(summary.medianSteep()).isEqualTo(steeps[1]);
        assertThat(summary.median(SuggestionMethod.STEEP)).isEqualTo(steeps[1]);
        assertThat(summary.medianValley()).isEqualTo(valleys[1]);
        assertThat(summary.median(SuggestionMethod.VALLEY)).isEqualTo(valleys[1]);
        assertThat(summary.medianMinimum()).isEqualTo(minima[1]);
        assertThat(summary.median(SuggestionMethod.MINIMUM)).isEqualTo(minima[1]);
    }

    /** What each member suggests, in rising order; three different values, so the median is the middle one. */
    private static double[] sortedSuggestions(SweepResult family, Function<Suggestions, Double> which) {
        double[] sorted = family.members().stream().mapToDouble(m -> which.apply(m.suggestions())).sorted().toArray();
        assertThat(sorted).doesNotHaveDuplicates();
        return sorted;
    }

    /**
     * Seeds 1 and 3 of a ladder to 1e8 stop non-finite, after 26 and 27 points (the last one's losses NaN), seeds 2
     * and 4 complete their 40: the summary ends with seed 1's last finite point, at 25, its band that of all four.
     */
    @Test
    void seedSummaryOfMembersStoppedNonFiniteEndsBeforeTheirFirstNaN() {
        SweepResult family = SweepRunner.run(iris, irisConfig(40).withLrs(1e-7, 1e8).withDivergeFactor(0),
                Sweep.parse("seed=1,2,3,4"), 2, (m, p) -> { }, new CancelToken());
        assertThat(family.members()).extracting(m -> m.points().size()).containsExactly(26, 40, 27, 40);
        assertThat(family.members().get(0).smoothedLosses()[25]).isNaN();
        SweepResult.SeedSummary summary = family.seedSummary();
        assertThat(summary.lrs()).containsExactly(java.util.Arrays.copyOf(family.members().get(1).lrs(), 25));
        for (int i = 0; i < 25; i++) {
            int at = i;
            double[] s = family.members().stream().mapToDouble(m -> m.smoothedLosses()[at]).toArray();
            assertThat(summary.meanSmoothedLoss()[i]).isEqualTo((s[0] + s[1] + s[2] + s[3]) / 4);
            assertThat(summary.minSmoothedLoss()[i]).isEqualTo(Math.min(Math.min(s[0], s[1]), Math.min(s[2], s[3])));
            assertThat(summary.maxSmoothedLoss()[i]).isEqualTo(Math.max(Math.max(s[0], s[1]), Math.max(s[2], s[3])));
        }
    }

    /** Two seed summaries are equal when every field is: the band and the medians count, not the mean curve alone. */
    @Test
    void seedSummariesAreEqualOnlyWhenEveryFieldIs() {
        SweepResult.SeedSummary s = SweepRunner.run(iris, irisConfig(40), Sweep.parse("seed=1,2"), 2, (m, p) -> { },
                new CancelToken()).seedSummary();
        SweepResult.SeedSummary same = new SweepResult.SeedSummary(s.lrs().clone(), s.meanSmoothedLoss().clone(),
                s.minSmoothedLoss().clone(), s.maxSmoothedLoss().clone(), s.medianSteep(), s.medianValley(),
                s.medianMinimum());
        assertThat(same).isEqualTo(s).hasSameHashCodeAs(s);
        double[] lower = s.minSmoothedLoss().clone();
        lower[0] /= 2;
        double[] higher = s.maxSmoothedLoss().clone();
        higher[0] *= 2;
        assertThat(List.of(
                new SweepResult.SeedSummary(s.lrs(), s.meanSmoothedLoss(), lower, s.maxSmoothedLoss(), s.medianSteep(),
                        s.medianValley(), s.medianMinimum()),
                new SweepResult.SeedSummary(s.lrs(), s.meanSmoothedLoss(), s.minSmoothedLoss(), higher, s.medianSteep(),
                        s.medianValley(), s.medianMinimum()),
                new SweepResult.SeedSummary(s.lrs(), s.meanSmoothedLoss(), s.minSmoothedLoss(), s.maxSmoothedLoss(),
                        null, s.medianValley(), s.medianMinimum()),
                new SweepResult.SeedSummary(s.lrs(), s.meanSmoothedLoss(), s.minSmoothedLoss(), s.maxSmoothedLoss(),
                        s.medianSteep(), s.medianValley() * 2, s.medianMinimum()),
                new SweepResult.SeedSummary(s.lrs(), s.meanSmoothedLoss(), s.minSmoothedLoss(), s.maxSmoothedLoss(),
                        s.medianSteep(), s.medianValley(), s.medianMinimum() * 2)))
                .allSatisfy(other -> assertThat(other).isNotEqualTo(s));
    }
}
