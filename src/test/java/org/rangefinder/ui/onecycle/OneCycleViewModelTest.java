package org.rangefinder.ui.onecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.TestData;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.engine.StopReason;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunRecord;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.rangetest.SweepFactor;
import org.rangefinder.schedule.Anneal;
import org.rangefinder.schedule.OneCycleSchedule;
import org.rangefinder.schedule.OneCycleSettings;
import org.rangefinder.train.SchedulePolicy;
import org.rangefinder.train.Trainer;
import org.rangefinder.train.TrainingConfig;
import org.rangefinder.ui.Direct;
import org.rangefinder.ui.data.DatasetCache;
import org.rangefinder.ui.history.HistoryStore;
import org.rangefinder.ui.rangetest.ExperimentField;
import org.rangefinder.ui.rangetest.ExperimentViewModel;
import org.rangefinder.ui.rangetest.LrBoundsViewModel;
import org.rangefinder.ui.work.RunStatus;

class OneCycleViewModelTest {
    private final LrBoundsViewModel bounds = new LrBoundsViewModel();
    private final ExperimentViewModel experiment = new ExperimentViewModel();
    private OneCycleViewModel vm;

    @TempDir
    Path historyFolder;

    @TempDir
    Path models;

    @BeforeEach
    void iris() {
        experiment.datasetProperty().set("iris");
        vm = new OneCycleViewModel(bounds, experiment.sharedProperty(), experiment.sharedProblemProperty(),
                experiment.dataOptionsProperty(), Direct.executor(), new DatasetCache(),
                new HistoryStore(historyFolder, Direct.executor()));
        vm.trainSamplesProperty().set(120);
    }

    @Test
    void theScheduleRunsBetweenTheBoundsForEpochsTimesBatchesSteps() {
        bounds.minProperty().set(0.004);
        bounds.maxProperty().set(0.08);
        vm.epochsProperty().set("3");
        vm.batchSizeProperty().set("16");
        // 3 epochs x ceil(120 / 16) = 3 x 8 = 24 steps
        OneCycleSettings expected = OneCycleSettings.fromBounds(24, 0.004, 0.08);
        assertThat(vm.settingsProperty().get()).isEqualTo(expected);
        assertThat(vm.previewProperty().get().lrs()).containsExactly(OneCycleSchedule.of(expected).lrs());
        assertThat(vm.previewProperty().get().momenta()).containsExactly(OneCycleSchedule.of(expected).momenta());
        TrainingConfig c = vm.configProperty().get();
        assertThat(c.policy()).isEqualTo(SchedulePolicy.ONE_CYCLE);
        assertThat(c.dataset()).isEqualTo("iris");
        assertThat(c.epochs()).isEqualTo(3);
        assertThat(c.oneCycle()).isEqualTo(expected);
    }

    @Test
    void everyScheduleFieldReachesTheSettings() {
        vm.pctStartProperty().set("0.25");
        vm.annealProperty().set(Anneal.LINEAR);
        vm.threePhaseProperty().set(true);
        vm.finalDivFactorProperty().set("100");
        vm.baseMomentumProperty().set("0.8");
        vm.maxMomentumProperty().set("0.9");
        OneCycleSettings s = vm.settingsProperty().get();
        assertThat(s).isEqualTo(new OneCycleSettings(10, 1e-2, 0.25, Anneal.LINEAR, 1e-2 / 1e-3, 100, true, true, 0.8,
                0.9));
    }

    /**
     * A long cycle is previewed at 400 steps spread from its first to its last, each with its exact values: a drag
     * recomputes the preview at every frame, and a million-step cycle computed whole took up to 0.8 s of it.
     */
    @Test
    void aLongCycleIsPreviewedAtFourHundredStepsWithTheirExactValues() {
        vm.batchSizeProperty().set("1");
        vm.epochsProperty().set("100"); // 100 x 120 = 12,000 steps
        OneCycleSettings s = vm.settingsProperty().get();
        assertThat(s.totalSteps()).isEqualTo(12_000);
        SchedulePreview preview = vm.previewProperty().get();
        assertThat(preview.steps()).hasSize(400).startsWith(0, 30, 60).endsWith(11_969, 11_999).isSorted()
                .doesNotHaveDuplicates();
        OneCycleSchedule schedule = OneCycleSchedule.of(s);
        for (int k = 0; k < 400; k++) {
            assertThat(preview.lrs()[k]).isEqualTo(schedule.lr(preview.steps()[k]));
            assertThat(preview.momenta()[k]).isEqualTo(schedule.momentum(preview.steps()[k]));
        }
        assertThat(SchedulePreview.steps(400)).hasSize(400).startsWith(0, 1).endsWith(398, 399);
        assertThat(SchedulePreview.steps(3)).containsExactly(0, 1, 2);
    }

    @Test
    void thePreviewFollowsTheBounds() {
        bounds.maxProperty().set(0.05);
        assertThat(vm.previewProperty().get().lrs())
                .containsExactly(OneCycleSchedule.of(OneCycleSettings.fromBounds(10, 1e-3, 0.05)).lrs());
        bounds.minProperty().set(0.1);
        assertThat(vm.previewProperty().get()).isNull();
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(OneCycleField.BOUNDS);
        assertThat(vm.problemProperty().get()).isEqualTo("LR bounds: max LR must be above min LR");
    }

    @Test
    void anEngineRefusalNamesTheField() {
        vm.pctStartProperty().set("1.5");
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(OneCycleField.PCT_START);
        assertThat(vm.problemProperty().get()).isEqualTo("pct_start must be between 0 and 1 (both excluded), got 1.5");
        assertThat(vm.configProperty().get()).isNull();
        vm.pctStartProperty().set("0.3");
        vm.epochsProperty().set("0");
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(OneCycleField.EPOCHS);
        assertThat(vm.problemProperty().get()).isEqualTo("Epochs must be at least 1, got 0");
    }

    /**
     * A short cycle is refused or taken by the pct_start the field holds, as train --pct-start takes it: 120 samples
     * in batches of 40 are 3 steps, which 0.3 leaves phase 1 without and 0.5 does not.
     */
    @Test
    void aShortCycleIsCheckedWithThePctStartOfTheField() {
        vm.epochsProperty().set("1");
        vm.batchSizeProperty().set("40");
        assertThat(vm.problemProperty().get()).isEqualTo("pct_start 0.3 leaves phase 1 of 2 with no steps in a cycle "
                + "of 3 steps");
        vm.pctStartProperty().set("0.5");
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.settingsProperty().get().totalSteps()).isEqualTo(3);
        assertThat(vm.settingsProperty().get().pctStart()).isEqualTo(0.5);
        assertThat(vm.configProperty().get()).isNotNull();
    }

    /** Every field refused on its own is flagged at once, the problem line naming the first. */
    @Test
    void everyFieldRefusedOnItsOwnIsFlaggedAtOnce() {
        vm.maxMomentumProperty().set("1.5");
        vm.weightDecayProperty().set("abc");
        vm.batchSizeProperty().set("0");
        assertThat(vm.fieldProblemsProperty().get()).containsExactly(
                entry(OneCycleField.WEIGHT_DECAY, "Weight decay: 'abc' is not a number"),
                entry(OneCycleField.BATCH_SIZE, "Batch size must be at least 1, got 0"),
                entry(OneCycleField.MAX_MOMENTUM, "Max momentum must be in [0, 1), got 1.5"));
        assertThat(vm.problemProperty().get()).isEqualTo("Weight decay: 'abc' is not a number");
        assertThat(vm.configProperty().get()).isNull();
        vm.weightDecayProperty().set("0");
        vm.batchSizeProperty().set("16");
        vm.maxMomentumProperty().set("0.95");
        assertThat(vm.fieldProblemsProperty().get()).isEmpty();
        assertThat(vm.configProperty().get()).isNotNull();
    }

    /**
     * Unticking "Cycle momentum" reaches the launch settings, and the preview keeps the optimizer's momentum (the
     * schedule has none to give, and asking it threw out of the listener, leaving the cycled settings to launch).
     * Momenta not cycled are still exported: the form refuses what the hyperparameter file would (it took 1.2).
     */
    @Test
    void aMomentumNotCycledIsKeptAndStillChecked() {
        vm.cycleMomentumProperty().set(false);
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.configProperty().get().oneCycle().cycleMomentum()).isFalse();
        assertThat(vm.previewProperty().get().momenta()).containsOnly(experiment.configProperty().get().momentum());
        vm.maxMomentumProperty().set("1.2");
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(OneCycleField.MAX_MOMENTUM);
        assertThat(vm.configProperty().get()).isNull();
        vm.maxMomentumProperty().set("0.95");
        assertThat(vm.problemProperty().get()).isNull();
    }

    /**
     * The preview draws the momentum the run will use, decided by the trainer's one rule: none for plain SGD (it drew
     * the cycled 0.95 down to 0.85 and back, while the run trains with 0), the optimizer's own when not cycled.
     */
    @Test
    void thePreviewDrawsTheMomentaTheRunUses() {
        for (OptimizerKind optimizer : OptimizerKind.values()) {
            for (boolean cycled : new boolean[] {true, false}) {
                experiment.optimizerProperty().set(optimizer);
                vm.cycleMomentumProperty().set(cycled);
                TrainingConfig run = vm.configProperty().get();
                double[] used = Trainer.momenta(run, run.totalSteps(120));
                SchedulePreview preview = vm.previewProperty().get();
                assertThat(preview.momenta()).as("%s, cycled %s", optimizer, cycled).hasSize(preview.steps().length);
                for (int k = 0; k < preview.steps().length; k++) {
                    assertThat(preview.momenta()[k]).as("%s, cycled %s, step %d", optimizer, cycled, k)
                            .isEqualTo(used[preview.steps()[k]]);
                }
            }
        }
        experiment.optimizerProperty().set(OptimizerKind.SGD);
        vm.cycleMomentumProperty().set(true);
        assertThat(vm.previewProperty().get().momenta()).containsOnly(0.0);
    }

    /** A cycle's values are computed at each keystroke, for the preview: too many steps is a problem at the field. */
    @Test
    void epochsThatMakeMoreStepsThanACycleMayTakeAreRefusedAtTheField() {
        vm.batchSizeProperty().set("16"); // iris: 8 steps per epoch
        vm.epochsProperty().set("125000");
        assertThat(vm.invalidFieldProperty().get()).isNull();
        assertThat(vm.settingsProperty().get().totalSteps()).isEqualTo(1_000_000);
        vm.epochsProperty().set("125001");
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(OneCycleField.EPOCHS);
        assertThat(vm.problemProperty().get())
                .isEqualTo("Epochs 125001 of 8 iterations each make 1000008 iterations; at most 1000000");
        vm.epochsProperty().set("2000000000"); // past an int's range once multiplied
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(OneCycleField.EPOCHS);
        assertThat(vm.previewProperty().get()).isNull();
    }

    /**
     * A problem of a setting the run shares with the experiment panel (dataset, model, optimizer, momentum, seed)
     * stops Launch, with its reason, but not the preview.
     */
    @Test
    void aProblemOfASharedSettingStopsLaunchButNotThePreview() {
        experiment.momentumProperty().set("1.5");
        assertThat(vm.configProperty().get()).isNull();
        assertThat(vm.previewProperty().get()).isNotNull();
        assertThat(vm.problemProperty().get()).isEqualTo("Experiment: Momentum must be in [0, 1), got 1.5");
        experiment.momentumProperty().set("0.9");
        experiment.seedProperty().set("x");
        assertThat(vm.problemProperty().get()).isEqualTo("Experiment: Seed: 'x' is not a whole number");
        experiment.seedProperty().set("7");
        experiment.loadedDatasetProperty().set(TestData.load("iris"));
        experiment.modelPresetProperty().set("lenet");
        assertThat(vm.problemProperty().get()).isEqualTo("Experiment: model 'lenet' is a CNN and needs image data; "
                + "dataset 'iris' is tabular (4 features): use Model mlp");
        experiment.modelPresetProperty().set("mlp");
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.configProperty().get().seed()).isEqualTo(7);
    }

    /**
     * The settings of the range test alone do not hold Launch back, the 1cycle run uses none of them: a bad number of
     * iterations, a batch size the data lacks (the 1cycle panel has its own), a sweep without its values.
     */
    @Test
    void aProblemOfTheRangeTestsOwnSettingsDoesNotStopLaunch() {
        experiment.loadedDatasetProperty().set(TestData.load("iris"));
        experiment.optimizerProperty().set(OptimizerKind.ADAM);
        experiment.momentumProperty().set("0.8");
        experiment.iterationsProperty().set("abc");
        experiment.batchSizeProperty().set("500");
        experiment.smoothingProperty().set("1");
        experiment.weightDecayProperty().set("-1");
        experiment.sweepFactorProperty().set(SweepFactor.WEIGHT_DECAY);
        assertThat(experiment.configProperty().get()).isNull();
        assertThat(experiment.fieldProblemsProperty().get()).containsOnlyKeys(ExperimentField.WEIGHT_DECAY,
                ExperimentField.ITERATIONS, ExperimentField.SMOOTHING, ExperimentField.SWEEP_VALUES);
        assertThat(vm.problemProperty().get()).isNull();
        TrainingConfig run = vm.configProperty().get();
        assertThat(run.dataset()).isEqualTo("iris");
        assertThat(run.model()).isEqualTo(ModelSpec.preset("mlp"));
        assertThat(run.optimizer()).isEqualTo(OptimizerKind.ADAM);
        assertThat(run.momentum()).isEqualTo(0.8);
        assertThat(run.seed()).isEqualTo(42);
        assertThat(run.batchSize()).isEqualTo(64);
        assertThat(run.weightDecay()).isEqualTo(0);
    }

    /**
     * Plain SGD uses no momentum: the Momentum field, which a range test's sweep of optimizers reads for its members,
     * neither holds Launch back nor changes the training. A momentum of 1.5 held Launch back, and 0.5 went into the
     * training's settings, with Vary optimizer chosen alone.
     */
    @Test
    void theMomentumASweepOfOptimizersReadsDoesNotReachAPlainSgdTraining() {
        experiment.loadedDatasetProperty().set(TestData.load("iris"));
        experiment.optimizerProperty().set(OptimizerKind.SGD);
        TrainingConfig sgd = vm.configProperty().get();
        experiment.sweepFactorProperty().set(SweepFactor.OPTIMIZER);
        experiment.momentumProperty().set("1.5");
        assertThat(experiment.fieldProblemsProperty().get()).containsKey(ExperimentField.MOMENTUM);
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.configProperty().get()).isEqualTo(sgd);
        experiment.momentumProperty().set("0.5");
        assertThat(vm.configProperty().get()).isEqualTo(sgd);
    }

    @Test
    void nothingIsComputedBeforeTheDatasetIsLoaded() {
        vm.trainSamplesProperty().set(0);
        assertThat(vm.previewProperty().get()).isNull();
        assertThat(vm.problemProperty().get()).isEqualTo("waiting for the dataset to load");
    }

    @Test
    void launchTrainsTheCycleAndTheBaselineAtTheSameBudget() {
        vm.epochsProperty().set("1");
        vm.batchSizeProperty().set("16");
        vm.baselineProperty().set(true);
        vm.baselineLrProperty().set("0.003");
        assertThat(vm.baselineConfigProperty().get().constantLr()).isEqualTo(0.003);
        vm.launch();
        assertThat(vm.runs()).hasSize(2);
        TrainingRun cycle = vm.runs().get(0);
        TrainingRun constant = vm.runs().get(1);
        assertThat(cycle.state().statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(cycle.state().stopReasonProperty().get()).isEqualTo(StopReason.COMPLETED);
        assertThat(cycle.totalIterations()).isEqualTo(8);
        assertThat(cycle.lrCurve().drain()).isEqualTo(8);
        assertThat(cycle.lrCurve().ys()).containsExactly(OneCycleSchedule.of(cycle.config().oneCycle()).lrs());
        // the extents the charts hold from the launch on are those of what the runs then recorded
        assertThat(cycle.lrExtent()).containsExactly(Arrays.stream(cycle.lrCurve().ys()).min().orElseThrow(),
                Arrays.stream(cycle.lrCurve().ys()).max().orElseThrow());
        assertThat(cycle.momentumCurve().drain()).isEqualTo(8);
        assertThat(cycle.momentumExtent()).containsExactly(
                Arrays.stream(cycle.momentumCurve().ys()).min().orElseThrow(),
                Arrays.stream(cycle.momentumCurve().ys()).max().orElseThrow());
        assertThat(cycle.momentumExtent()[0]).isLessThan(cycle.momentumExtent()[1]);
        assertThat(constant.lrExtent()).containsExactly(0.003, 0.003);
        assertThat(constant.momentumExtent()).containsExactly(constant.config().momentum(), constant.config().momentum());
        assertThat(cycle.valAccuracyCurve().drain()).isEqualTo(1);
        assertThat(cycle.accuracyProperty().get()).isEqualTo(cycle.resultProperty().get().finalValAccuracy());
        assertThat(constant.config().policy()).isEqualTo(SchedulePolicy.CONSTANT);
        assertThat(constant.config().constantLr()).isEqualTo(0.003);
        assertThat(constant.config().epochs()).isEqualTo(1);
        assertThat(constant.resultProperty().get().iterations()).hasSize(8);
        assertThat(cycle.canSave()).isTrue();
        assertThat(vm.trainingProperty().get()).isFalse();
    }

    @Test
    void aLaunchedRunIsRecordedInTheHistoryWithItsFinalAccuracy() {
        vm.epochsProperty().set("1");
        vm.batchSizeProperty().set("16");
        vm.launch();

        TrainingRun cycle = vm.runs().get(0);
        List<RunRecord> recorded = RunHistory.open(historyFolder).list().runs();
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).kind()).isEqualTo(RunKind.TRAINING);
        assertThat(recorded.get(0).stopReason()).isEqualTo(StopReason.COMPLETED.id());
        assertThat(recorded.get(0).results().get("finalValAccuracy"))
                .isEqualTo(cycle.resultProperty().get().finalValAccuracy());
        assertThat(RunHistory.open(historyFolder).iterations(recorded.get(0).id()))
                .isEqualTo(cycle.resultProperty().get().iterations());
    }

    /**
     * What a new launch would lose: the networks of the last launch's runs never saved, since it replaces those runs.
     * Nothing before a launch; a network saved is no longer named.
     */
    @Test
    void aNewLaunchWouldLoseTheLastLaunchsNetworksNeverSaved() throws Exception {
        assertThat(vm.unsavedModels()).isEmpty();
        vm.epochsProperty().set("1");
        vm.batchSizeProperty().set("16");
        vm.baselineProperty().set(true);
        vm.launch();
        List<TrainingRun> first = List.copyOf(vm.runs());
        assertThat(vm.unsavedModels()).containsExactlyElementsOf(first);

        Path saved = vm.saving(first.get(0), models.resolve("1cycle.zip")).call();
        assertThat(saved).exists();
        assertThat(vm.unsavedModels()).containsExactly(first.get(1));

        vm.launch();
        assertThat(vm.runs()).hasSize(2).doesNotContainAnyElementsOf(first);
        assertThat(vm.unsavedModels()).containsExactlyElementsOf(vm.runs());
    }

    /**
     * A run that stopped non-finite left NaNs in its network, and one cancelled before its first step its random
     * initial weights: Quit and the next Launch asked to save them, and Save model offered them. Neither counts as a
     * trained network now; the baseline beside the run that blew up does.
     */
    @Test
    void aNetworkThatBlewUpOrTookNoStepIsNotOneToSave() {
        bounds.minProperty().set(1e5);
        bounds.maxProperty().set(1e6);
        vm.epochsProperty().set("2");
        vm.batchSizeProperty().set("16");
        vm.baselineProperty().set(true);
        vm.baselineLrProperty().set("0.003");
        vm.launch();
        TrainingRun cycle = vm.runs().get(0);
        TrainingRun constant = vm.runs().get(1);
        assertThat(cycle.state().stopReasonProperty().get()).isEqualTo(StopReason.NON_FINITE);
        assertThat(cycle.canSave()).isFalse();
        assertThat(constant.state().stopReasonProperty().get()).isEqualTo(StopReason.COMPLETED);
        assertThat(constant.canSave()).isTrue();
        assertThat(vm.unsavedModels()).containsExactly(constant);

        TrainingConfig config = constant.config();
        TrainingRun untrained = new TrainingRun("1cycle", config, constant.totalIterations(), 0, Runnable::run);
        CancelToken cancelled = new CancelToken();
        cancelled.cancel();
        untrained.finished(Trainer.train(TestData.load("iris"), config, untrained, cancelled));
        assertThat(untrained.resultProperty().get().stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(untrained.resultProperty().get().iterations()).isEmpty();
        assertThat(untrained.canSave()).isFalse();
        assertThat(untrained.unsaved()).isFalse();
    }

    /**
     * While the last launch's networks are written before the next launch, launching does nothing (a second Launch
     * launched again); released, whether they were written or not, it launches.
     */
    @Test
    void aLaunchHeldForTheNetworksToBeSavedDoesNothingUntilReleased() {
        vm.epochsProperty().set("1");
        vm.batchSizeProperty().set("16");
        vm.launch();
        TrainingRun first = vm.runs().get(0);

        vm.holdLaunch();
        assertThat(vm.launchHeldProperty().get()).isTrue();
        vm.launch();
        assertThat(vm.runs()).containsExactly(first);

        vm.releaseLaunch();
        assertThat(vm.launchHeldProperty().get()).isFalse();
        vm.launch();
        assertThat(vm.runs()).hasSize(1).doesNotContain(first);
    }
}
