package org.rangefinder.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.rangefinder.TestData;
import org.rangefinder.UserInputException;
import org.rangefinder.data.Dataset;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.engine.NewThreadEachPiece;
import org.rangefinder.engine.StopReason;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.model.Network;
import org.rangefinder.model.NetworkFactory;
import org.rangefinder.optim.Optimizer;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.schedule.OneCycleSchedule;
import org.rangefinder.schedule.OneCycleSettings;

class TrainerTest {
    private final Dataset iris = TestData.load("iris");

    /** iris has 120 training samples: 8 iterations per epoch at batch 16. */
    private TrainingConfig oneCycle(OptimizerKind optimizer, int epochs) {
        int total = epochs * 8;
        return new TrainingConfig("iris", ModelSpec.preset("mlp"), optimizer, 0.9, 1e-4, 16, epochs,
                SchedulePolicy.ONE_CYCLE, OneCycleSettings.fromBounds(total, 0.01, 0.1), null, 0, 42);
    }

    @Test
    void oneCycleRunRecordsTheScheduleItTrainsWithAndItsLossFalls() {
        TrainingConfig config = oneCycle(OptimizerKind.NESTEROV, 10);
        TrainingResult r = Trainer.train(iris, config, TrainingListener.NONE, new CancelToken()).result();
        OneCycleSchedule schedule = OneCycleSchedule.of(config.oneCycle());
        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.iterations()).hasSize(80);
        for (IterationRecord it : r.iterations()) {
            assertThat(it.lr()).isEqualTo(schedule.lr(it.iteration()));
            assertThat(it.momentum()).isEqualTo(schedule.momentum(it.iteration()));
        }
        assertThat(r.epochs()).hasSize(10);
        assertThat(r.epochs().get(9).trainLoss()).isLessThan(r.epochs().get(0).trainLoss() * 0.6);
        // chance is 1/3; seed 42 holds out a hard 30-sample split (other seeds reach 93-100%)
        assertThat(r.finalValAccuracy()).isGreaterThanOrEqualTo(0.8);
        assertThat(r.evaluations()).extracting(EvaluationRecord::iteration).containsExactly(8, 16, 24, 32, 40, 48, 56, 64, 72, 80);
    }

    @Test
    void epochTrainLossIsTheMeanOfItsIterationLosses() {
        TrainingResult r = Trainer.train(iris, oneCycle(OptimizerKind.NESTEROV, 2), TrainingListener.NONE,
                new CancelToken()).result();
        double sum = 0;
        for (int i = 8; i < 16; i++) {
            sum += r.iterations().get(i).loss();
        }
        assertThat(r.epochs().get(1).trainLoss()).isEqualTo(sum / 8);
    }

    @Test
    void evaluatesEveryKIterationsWhenAsked() {
        TrainingConfig base = oneCycle(OptimizerKind.NESTEROV, 2);
        TrainingConfig config = new TrainingConfig("iris", base.model(), base.optimizer(), 0.9, 0, 16, 2,
                SchedulePolicy.ONE_CYCLE, base.oneCycle(), null, 5, 42);
        TrainingResult r = Trainer.train(iris, config, TrainingListener.NONE, new CancelToken()).result();
        assertThat(r.evaluations()).extracting(EvaluationRecord::iteration).containsExactly(5, 8, 10, 15, 16);
    }

    /**
     * The network trained by the trainer equals, bit for bit, one trained step by step on the same batches with
     * the 1cycle values given to DL4J another way: its own {@code MapSchedule} for the learning rate (and Nesterov's
     * momentum), Adam's beta1 set before each step. A value read at the wrong step, or not read, changes the weights.
     */
    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"NESTEROV", "ADAM"})
    void theNetworkTrainsWithTheScheduleAtEveryStep(OptimizerKind optimizer) {
        TrainingConfig config = oneCycle(optimizer, 2);
        Trainer.Outcome outcome = Trainer.train(iris, config, TrainingListener.NONE, new CancelToken());
        OneCycleSchedule schedule = OneCycleSchedule.of(config.oneCycle());
        double[] lrs = schedule.lrs();
        double[] momenta = schedule.momenta();

        ISchedule lr = stepMap(lrs);
        IUpdater updater = optimizer == OptimizerKind.ADAM
                ? Adam.builder().learningRateSchedule(lr).beta1(0.9).beta2(Optimizer.ADAM_BETA2)
                        .epsilon(Optimizer.ADAM_EPSILON).build()
                : new Nesterovs(lr, stepMap(momenta));
        Network reference = NetworkFactory.build(config.model(), iris, updater, config.weightDecay(), config.seed(),
                config.batchSize());
        BatchStream batches = new BatchStream(iris.train(), iris.numClasses(), 16, config.seed(), false);
        for (int step = 0; step < 16; step++) {
            if (optimizer == OptimizerKind.ADAM) {
                reference.setAdamBeta1(momenta[step]);
            }
            reference.fit(batches.next());
        }
        assertThat(outcome.network().params().equalsWithEps(reference.params(), 0)).isTrue();
    }

    /** DL4J's own schedule of one value per iteration. */
    private static ISchedule stepMap(double[] values) {
        Map<Integer, Double> map = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(i, values[i]);
        }
        return new MapSchedule(ScheduleType.ITERATION, map);
    }

    @Test
    void constantScheduleKeepsLearningRateAndMomentumFixed() {
        TrainingConfig config = new TrainingConfig("iris", ModelSpec.preset("mlp"), OptimizerKind.NESTEROV, 0.9, 0, 16,
                1, SchedulePolicy.CONSTANT, null, 0.05, 0, 42);
        TrainingResult r = Trainer.train(iris, config, TrainingListener.NONE, new CancelToken()).result();
        assertThat(r.iterations()).allSatisfy(it -> {
            assertThat(it.lr()).isEqualTo(0.05);
            assertThat(it.momentum()).isEqualTo(0.9);
        });
    }

    /** The extents are those of the values each iteration uses, for each policy and optimizer. */
    @Test
    void theExtentsAreThoseOfTheScheduleAtEveryIteration() {
        TrainingConfig constant = new TrainingConfig("iris", ModelSpec.preset("mlp"), OptimizerKind.NESTEROV, 0.9, 0,
                16, 1, SchedulePolicy.CONSTANT, null, 0.05, 0, 42);
        TrainingConfig heldMomentum = new TrainingConfig("iris", ModelSpec.preset("mlp"), OptimizerKind.ADAM, 0.8, 0,
                16, 3, SchedulePolicy.ONE_CYCLE, OneCycleSettings.fromBounds(24, 0.01, 0.1).withCycleMomentum(false),
                null, 0, 42);
        for (TrainingConfig config : List.of(oneCycle(OptimizerKind.NESTEROV, 3), oneCycle(OptimizerKind.SGD, 3),
                oneCycle(OptimizerKind.ADAM, 3), constant, heldMomentum)) {
            int total = config.policy() == SchedulePolicy.CONSTANT ? 8 : 24;
            double[] lrs = Trainer.learningRates(config, total);
            double[] momenta = Trainer.momenta(config, total);
            assertThat(Trainer.learningRateExtent(config, total)).as("%s", config)
                    .containsExactly(Arrays.stream(lrs).min().orElseThrow(), Arrays.stream(lrs).max().orElseThrow());
            assertThat(Trainer.momentumExtent(config, total)).as("%s", config).containsExactly(
                    Arrays.stream(momenta).min().orElseThrow(), Arrays.stream(momenta).max().orElseThrow());
        }
        assertThat(Trainer.momentumExtent(oneCycle(OptimizerKind.SGD, 3), 24)).containsExactly(0, 0);
        assertThat(Trainer.momentumExtent(heldMomentum, 24)).containsExactly(0.8, 0.8);
        assertThat(Trainer.learningRateExtent(constant, 8)).containsExactly(0.05, 0.05);
    }

    /**
     * The window moves a training's steps between threads as the machine's load changes: its records are the same
     * whatever thread each step runs on, bit for bit (Adam's beta1 set before each step; evaluations every 3 steps and
     * at each epoch's end).
     */
    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"ADAM", "NESTEROV"})
    void aTrainingIsTheSameWhateverThreadEachStepRunsOn(OptimizerKind optimizer) {
        TrainingConfig config = new TrainingConfig("iris", ModelSpec.preset("mlp"), optimizer, 0.9, 1e-4, 16, 3,
                SchedulePolicy.ONE_CYCLE, OneCycleSettings.fromBounds(24, 0.01, 0.1), null, 3, 42);
        TrainingResult inline = Trainer.train(iris, config, TrainingListener.NONE, new CancelToken()).result();
        NewThreadEachPiece newThreads = new NewThreadEachPiece();
        TrainingResult moved = Trainer.train(iris, config, TrainingListener.NONE, new CancelToken(), newThreads)
                .result();
        assertThat(newThreads.threads()).as("the schedules' two, the network's, each step's, then the check of its "
                + "parameters").isEqualTo(3 + 24 + 1);
        assertThat(moved.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(moved.iterations()).isEqualTo(inline.iterations());
        assertThat(moved.evaluations()).hasSize(8 + 2) // after every third of the 24 steps, and epochs 1 and 2
                .extracting(EvaluationRecord::iteration, EvaluationRecord::valLoss, EvaluationRecord::valAccuracy)
                .containsExactlyElementsOf(inline.evaluations().stream()
                        .map(e -> tuple(e.iteration(), e.valLoss(), e.valAccuracy())).toList());
        assertThat(moved.epochs()).extracting(EpochRecord::epoch, EpochRecord::trainLoss, EpochRecord::valLoss,
                EpochRecord::valAccuracy).containsExactlyElementsOf(inline.epochs().stream()
                        .map(e -> tuple(e.epoch(), e.trainLoss(), e.valLoss(), e.valAccuracy())).toList());
    }

    @Test
    void cancellingStopsWithinOneIterationAndKeepsWhatWasRecorded() {
        CancelToken cancel = new CancelToken();
        TrainingResult r = Trainer.train(iris, oneCycle(OptimizerKind.NESTEROV, 5), new TrainingListener() {
            @Override
            public void iterationDone(IterationRecord record, int total) {
                if (record.iteration() == 11) {
                    cancel.cancel();
                }
            }
        }, cancel).result();
        assertThat(r.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(r.iterations()).hasSize(12);
        assertThat(r.epochs()).hasSize(1);
    }

    @Test
    void scheduleWhoseStepsDoNotMatchTheEpochsIsRefused() {
        TrainingConfig config = new TrainingConfig("iris", ModelSpec.preset("mlp"), OptimizerKind.NESTEROV, 0.9, 0, 16,
                2, SchedulePolicy.ONE_CYCLE, OneCycleSettings.defaults(100, 0.1), null, 0, 42);
        assertThatThrownBy(() -> Trainer.train(iris, config, TrainingListener.NONE, new CancelToken()))
                .isInstanceOf(UserInputException.class).hasMessage("the 1cycle schedule has 100 total steps, but this "
                        + "dataset at batch size 16 takes 16 in 2 epochs");
        TrainingConfig oneEpoch = new TrainingConfig("iris", ModelSpec.preset("mlp"), OptimizerKind.NESTEROV, 0.9, 0,
                16, 1, SchedulePolicy.ONE_CYCLE, OneCycleSettings.defaults(100, 0.1), null, 0, 42);
        assertThatThrownBy(() -> Trainer.learningRates(oneEpoch, 8)).hasMessage("the 1cycle schedule has 100 total "
                + "steps, but this dataset at batch size 16 takes 8 in 1 epoch");
    }

    /** The listener hears that the run started once its network is built, before the first step, and only then. */
    @Test
    void theListenerHearsTheRunStartedBeforeItsFirstStep() {
        List<String> heard = new ArrayList<>();
        Trainer.train(iris, oneCycle(OptimizerKind.NESTEROV, 1), new TrainingListener() {
            @Override
            public void started() {
                heard.add("started");
            }

            @Override
            public void iterationDone(IterationRecord record, int total) {
                heard.add("iteration " + record.iteration());
            }
        }, new CancelToken());
        assertThat(heard).startsWith("started", "iteration 0").hasSize(1 + 8).containsOnlyOnce("started");
    }

    @Test
    void savedModelLoadsBackWithTheSameParameters(@TempDir Path dir) throws Exception {
        Trainer.Outcome outcome = Trainer.train(iris, oneCycle(OptimizerKind.NESTEROV, 1), TrainingListener.NONE,
                new CancelToken());
        Path file = dir.resolve("model.zip");
        outcome.network().save(file);
        MultiLayerNetwork loaded = MultiLayerNetwork.load(file.toFile(), true);
        assertThat(loaded.params().equalsWithEps(outcome.network().params(), 0)).isTrue();
        assertThat(Files.list(dir)).containsExactly(file);
    }
}
