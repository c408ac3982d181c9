package org.rangefinder.ui.rangetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Datasets;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.SweepFactor;
import org.rangefinder.schedule.LadderMode;

class ExperimentViewModelTest {
    private final ExperimentViewModel vm = new ExperimentViewModel();

    @Test
    void theDefaultsAreTheEnginesDefaultsOnDigitsAndMlp() {
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.configProperty().get()).isEqualTo(RangeTestConfig.defaults("digits", ModelSpec.preset("mlp")));
        assertThat(vm.dataOptionsProperty().get()).isEqualTo(DataOptions.defaults());
        assertThat(vm.sweepProperty().get()).isNull();
    }

    @Test
    void everyFieldReachesTheConfig() {
        vm.datasetProperty().set("iris");
        vm.hiddenSizesProperty().set("32, 16");
        vm.dropoutProperty().set("0.1");
        vm.batchNormProperty().set(true);
        vm.optimizerProperty().set(OptimizerKind.ADAM);
        vm.momentumProperty().set("0.8");
        vm.weightDecayProperty().set("1e-4");
        vm.batchSizeProperty().set("16");
        vm.seedProperty().set("7");
        vm.startLrProperty().set("1e-6");
        vm.endLrProperty().set("1");
        vm.iterationsProperty().set("50");
        vm.modeProperty().set(LadderMode.LINEAR);
        vm.stepSizeProperty().set("2");
        vm.smoothingProperty().set("0.9");
        vm.divergeProperty().set("5");
        vm.valBatchesProperty().set("3");
        vm.valFractionProperty().set("0.25");
        RangeTestConfig c = vm.configProperty().get();
        assertThat(c).isEqualTo(new RangeTestConfig("iris", new ModelSpec("mlp", List.of(32, 16), 0.1, true, null, null),
                OptimizerKind.ADAM, 0.8, 1e-4, 16, 50, 1e-6, 1, LadderMode.LINEAR, 2, 0.9, 5, 3, 7));
        assertThat(vm.dataOptionsProperty().get())
                .isEqualTo(DataOptions.defaults().withValidationFraction(0.25).withSplitSeed(7));
    }

    /**
     * The window loads the dataset again whenever the data options change: a field that is not one of them, or the
     * dataset arriving, leaves them as they were (they used to be set anew at every change of any field).
     */
    @Test
    void onlyTheDataOptionsFieldsChangeTheDataOptions() {
        AtomicInteger changes = new AtomicInteger();
        vm.dataOptionsProperty().addListener(o -> changes.incrementAndGet());
        vm.momentumProperty().set("0.8");
        vm.batchSizeProperty().set("32");
        vm.loadedDatasetProperty().set(Datasets.load("digits", DataOptions.defaults()));
        assertThat(changes).hasValue(0);
        vm.seedProperty().set("7");
        assertThat(changes).hasValue(1);
        assertThat(vm.dataOptionsProperty().get()).isEqualTo(DataOptions.defaults().withSplitSeed(7));
    }

    /**
     * The image size and colours are options of an image folder alone: for another dataset they are left out of the
     * data options, and a size the folder would refuse is no problem there.
     */
    @Test
    void theImageOptionsApplyToAnImageFolderOnly(@TempDir Path tmp) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("photos").resolve("cats"));
        vm.imageSizeProperty().set("32x24");
        vm.rgbProperty().set(true);
        assertThat(vm.imageFolderProperty().get()).isFalse();
        assertThat(vm.dataOptionsProperty().get()).isEqualTo(DataOptions.defaults());

        vm.datasetProperty().set(folder.getParent().toString());
        assertThat(vm.imageFolderProperty().get()).isTrue();
        assertThat(vm.dataOptionsProperty().get())
                .isEqualTo(DataOptions.defaults().withImageSize(32, 24).withGrayscale(false));

        vm.imageSizeProperty().set("32x");
        assertThat(vm.fieldProblemsProperty().get()).containsOnlyKeys(ExperimentField.IMAGE_SIZE);
        assertThat(vm.problemProperty().get()).isEqualTo("Image size must be WIDTHxHEIGHT in pixels, such as 32x32, "
                + "or one number for a square, got '32x'");
        assertThat(vm.configProperty().get()).isNull();
        vm.imageSizeProperty().set("5000");
        assertThat(vm.problemProperty().get()).isEqualTo("Image size must be from 1x1 to 4096x4096 pixels, got "
                + "5000x5000");

        vm.datasetProperty().set("digits");
        assertThat(vm.imageFolderProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).as("not digits' option").isNull();
        assertThat(vm.dataOptionsProperty().get()).isEqualTo(DataOptions.defaults());
    }

    /**
     * The validation fraction is an option of data that holds its validation part out: MNIST validates on its test
     * set, so there the field is no data option, and a text that is no fraction is no problem.
     */
    @Test
    void theValidationFractionAppliesToDataWithoutATestSetOnly() {
        vm.valFractionProperty().set("0.3");
        assertThat(vm.testSetProperty().get()).isFalse();
        assertThat(vm.dataOptionsProperty().get()).isEqualTo(DataOptions.defaults().withValidationFraction(0.3));

        vm.datasetProperty().set("mnist");
        assertThat(vm.testSetProperty().get()).isTrue();
        assertThat(vm.dataOptionsProperty().get()).isEqualTo(DataOptions.defaults());
        vm.valFractionProperty().set("abc");
        assertThat(vm.problemProperty().get()).isNull();

        vm.datasetProperty().set("iris");
        assertThat(vm.testSetProperty().get()).isFalse();
        assertThat(vm.fieldProblemsProperty().get()).containsOnlyKeys(ExperimentField.VAL_FRACTION);
    }

    @Test
    void anEngineRefusalNamesTheFieldAndClearsTheConfig() {
        vm.batchSizeProperty().set("0");
        assertThat(vm.configProperty().get()).isNull();
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ExperimentField.BATCH_SIZE);
        assertThat(vm.problemProperty().get()).isEqualTo("Batch size must be at least 1, got 0");
        vm.batchSizeProperty().set("32");
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.configProperty().get().batchSize()).isEqualTo(32);
    }

    /**
     * Every field whose own value is refused is flagged at once, not one at a time as each is fixed; the problem line
     * names the first found, as the form checks them.
     */
    @Test
    void everyFieldRefusedOnItsOwnIsFlaggedAtOnce() {
        vm.momentumProperty().set("1.5");
        vm.weightDecayProperty().set("abc");
        vm.batchSizeProperty().set("0");
        assertThat(vm.fieldProblemsProperty().get()).containsExactly(
                entry(ExperimentField.WEIGHT_DECAY, "Weight decay: 'abc' is not a number"),
                entry(ExperimentField.MOMENTUM, "Momentum must be in [0, 1), got 1.5"),
                entry(ExperimentField.BATCH_SIZE, "Batch size must be at least 1, got 0"));
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ExperimentField.WEIGHT_DECAY);
        assertThat(vm.problemProperty().get()).isEqualTo("Weight decay: 'abc' is not a number");
        assertThat(vm.configProperty().get()).isNull();
        vm.weightDecayProperty().set("0");
        assertThat(vm.fieldProblemsProperty().get()).containsOnlyKeys(ExperimentField.MOMENTUM,
                ExperimentField.BATCH_SIZE);
        assertThat(vm.problemProperty().get()).isEqualTo("Momentum must be in [0, 1), got 1.5");
        vm.momentumProperty().set("0.9");
        vm.batchSizeProperty().set("32");
        assertThat(vm.fieldProblemsProperty().get()).isEmpty();
        assertThat(vm.problemProperty().get()).isNull();
    }

    /**
     * A field is not flagged for breaking a rule between fields against another field's default (an end LR of 1e-8
     * is fine above a start LR of 1e-9, whatever the default start LR is); a rule between fields that the values
     * typed break shows once the fields wrong on their own are fixed.
     */
    @Test
    void aRuleBetweenFieldsIsNotBrokenByAnotherFieldsDefault() {
        vm.startLrProperty().set("abc");
        vm.endLrProperty().set("1e-8");
        vm.momentumProperty().set("2");
        assertThat(vm.fieldProblemsProperty().get()).containsOnlyKeys(ExperimentField.START_LR,
                ExperimentField.MOMENTUM);
        vm.startLrProperty().set("1e-9");
        assertThat(vm.fieldProblemsProperty().get()).containsOnlyKeys(ExperimentField.MOMENTUM);
        vm.startLrProperty().set("1e-7");
        vm.momentumProperty().set("0.9");
        assertThat(vm.fieldProblemsProperty().get()).containsOnlyKeys(ExperimentField.END_LR);
        assertThat(vm.problemProperty().get()).startsWith("End LR must be a finite number > Start LR");
    }

    @Test
    void aStepSizeLeavingOneRungIsFlaggedAtItsField() {
        vm.iterationsProperty().set("20");
        vm.stepSizeProperty().set("20");
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ExperimentField.STEP_SIZE);
        assertThat(vm.problemProperty().get()).isEqualTo("Step size must be below Iterations (20) to "
                + "leave two rungs or more, got 20");
    }

    @Test
    void textThatIsNoNumberIsFlaggedAtItsField() {
        vm.momentumProperty().set("fast");
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ExperimentField.MOMENTUM);
        assertThat(vm.problemProperty().get()).isEqualTo("Momentum: 'fast' is not a number");
    }

    @Test
    void theEnginesRulesDecide() {
        vm.endLrProperty().set("1e-8");
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ExperimentField.END_LR);
        vm.endLrProperty().set("10");
        vm.momentumProperty().set("1.5");
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ExperimentField.MOMENTUM);
        assertThat(vm.problemProperty().get()).isEqualTo("Momentum must be in [0, 1), got 1.5");
        vm.momentumProperty().set("0.9");
        vm.hiddenSizesProperty().set("64, 0");
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ExperimentField.HIDDEN_SIZES);
        assertThat(vm.problemProperty().get()).as("worded as the spec file names its field")
                .isEqualTo("model spec: 'hiddenSizes[1]' must be between 1 and 4096 units, got 0");
        vm.hiddenSizesProperty().set("64");
        vm.smoothingProperty().set("1");
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ExperimentField.SMOOTHING);
        assertThat(vm.problemProperty().get()).isEqualTo("Smoothing (beta) must be in [0, 1), got 1.0");
    }

    @Test
    void aCnnOnTabularDataIsRefusedOnceTheDatasetIsLoaded() {
        vm.datasetProperty().set("iris");
        vm.modelPresetProperty().set("lenet");
        assertThat(vm.problemProperty().get()).isNull();
        vm.loadedDatasetProperty().set(Datasets.load("iris", DataOptions.defaults()));
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ExperimentField.MODEL);
        assertThat(vm.problemProperty().get()).isEqualTo("model 'lenet' is a CNN and needs image data; dataset 'iris' "
                + "is tabular (4 features): use Model mlp");
    }

    /** iris: 120 training and 30 validation samples; what the range test would refuse, the form flags first. */
    @Test
    void aBatchOrValidationTheLoadedDataLacksIsFlaggedAtItsField() {
        vm.datasetProperty().set("iris");
        vm.loadedDatasetProperty().set(Datasets.load("iris", DataOptions.defaults()));
        vm.batchSizeProperty().set("16");
        vm.valBatchesProperty().set("1");
        assertThat(vm.problemProperty().get()).isNull();
        vm.valBatchesProperty().set("2");
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ExperimentField.VAL_BATCHES);
        assertThat(vm.problemProperty().get()).isEqualTo("Validation batches 2 of Batch size 16 ask for 32 "
                + "validation samples, but 'iris' holds 30: use Validation batches 1 or fewer, or Validation batches 0 "
                + "to record the training loss");
        assertThat(vm.configProperty().get()).isNull();
        vm.valBatchesProperty().set("0");
        vm.batchSizeProperty().set("128");
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ExperimentField.BATCH_SIZE);
        assertThat(vm.problemProperty().get()).isEqualTo("Batch size 128 is larger than the 120 training "
                + "samples of the dataset: a range test takes full batches only");
        vm.batchSizeProperty().set("64");
        vm.sweepFactorProperty().set(SweepFactor.BATCH_SIZE);
        vm.sweepValuesProperty().set("32, 256");
        assertThat(vm.problemProperty().get()).as("a sweep member too").startsWith("Batch size 256 is larger");
        vm.batchSizeProperty().set("128");
        vm.sweepValuesProperty().set("16, 32");
        assertThat(vm.problemProperty().get()).as("a batch-size sweep does not run the field's own batch").isNull();
    }

    @Test
    void aDatasetThatCannotLoadIsAProblemAtTheDatasetField() {
        vm.datasetProblemProperty().set(new UserInputException("no-such.csv: file not found"));
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ExperimentField.DATASET);
        assertThat(vm.problemProperty().get()).isEqualTo("no-such.csv: file not found");
        assertThat(vm.configProperty().get()).isNull();
        assertThat(vm.dataOptionsProperty().get()).as("still known, to load again").isNotNull();
        vm.datasetProblemProperty().set(new IOException("disk on fire"));
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ExperimentField.DATASET);
        assertThat(vm.problemProperty().get()).isEqualTo("could not read or write a file: disk on fire");
    }

    /** The file's path holds "dataset" and "label", and comes first in the message: no word of it decides the field. */
    @Test
    void aLabelColumnTheFileLacksIsAProblemAtTheLabelColumnField(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("dataset-label.csv"), "a,b,y\n1,2,x\n3,4,z\n");
        vm.datasetProperty().set(file.toString());
        vm.labelColumnProperty().set("foo");
        UserInputException refusal = catchThrowableOfType(
                () -> Datasets.load(file.toString(), vm.dataOptionsProperty().get()), UserInputException.class);
        vm.datasetProblemProperty().set(refusal);
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ExperimentField.LABEL_COLUMN);
        assertThat(vm.problemProperty().get())
                .isEqualTo(file + ": label column 'foo' is not in the header line (a, b, y)");
    }

    @Test
    void aSweepIsCheckedMemberByMember() {
        vm.sweepFactorProperty().set(SweepFactor.WEIGHT_DECAY);
        vm.sweepValuesProperty().set("0, 1e-4, 1e-3");
        assertThat(vm.sweepProperty().get().values()).containsExactly("0", "1e-4", "1e-3");
        vm.sweepValuesProperty().set("0, -1");
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ExperimentField.SWEEP_VALUES);
        assertThat(vm.problemProperty().get()).isEqualTo("Sweep weight-decay=-1: Weight decay must be a number >= 0, "
                + "got -1.0");
        vm.sweepValuesProperty().set("1e-4");
        assertThat(vm.problemProperty().get()).isEqualTo("Sweep weight-decay needs at least two values, got 1");
        vm.sweepFactorProperty().set(null);
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.sweepProperty().get()).isNull();
    }

    /**
     * Plain SGD has no momentum: a momentum sweep of it ran the same range test once per value, recorded as a momentum
     * study. It is refused at the sweep values, as range-test refuses it, in the form's names.
     */
    @Test
    void aMomentumSweepOfPlainSgdIsRefusedAtTheSweepValues() {
        vm.optimizerProperty().set(OptimizerKind.SGD);
        vm.sweepFactorProperty().set(SweepFactor.MOMENTUM);
        vm.sweepValuesProperty().set("0.5, 0.9");
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ExperimentField.SWEEP_VALUES);
        assertThat(vm.problemProperty().get()).isEqualTo("Sweep momentum=0.5,0.9 is not used: plain SGD (Optimizer "
                + "sgd) has no momentum; use Optimizer nesterov or adam for one");
        assertThat(vm.fieldProblemsProperty().get()).containsOnlyKeys(ExperimentField.SWEEP_VALUES);
        assertThat(vm.configProperty().get()).isNull();
        assertThat(vm.sweepProperty().get()).isNull();
        vm.optimizerProperty().set(OptimizerKind.NESTEROV);
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.sweepProperty().get().members(vm.configProperty().get()).stream()
                .map(RangeTestConfig::momentum).toList()).containsExactly(0.5, 0.9);
    }

    /**
     * Plain SGD has no momentum, and its Momentum field is disabled: the field is not read (a value typed before
     * switching to SGD kept Run disabled with a problem at a field that could not be edited), and the test runs with
     * the default momentum in its place, as range-test --optimizer sgd does. A sweep of optimizers reads it again: its
     * Nesterov and Adam members take it.
     */
    @Test
    void theMomentumFieldIsNotReadForPlainSgd() {
        vm.momentumProperty().set("1.5");
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ExperimentField.MOMENTUM);
        vm.optimizerProperty().set(OptimizerKind.SGD);
        assertThat(vm.momentumUsedProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.fieldProblemsProperty().get()).isEmpty();
        assertThat(vm.configProperty().get())
                .isEqualTo(RangeTestConfig.defaults("digits", ModelSpec.preset("mlp")).withOptimizer(OptimizerKind.SGD));

        vm.sweepFactorProperty().set(SweepFactor.OPTIMIZER);
        vm.sweepValuesProperty().set("sgd, adam");
        assertThat(vm.momentumUsedProperty().get()).isTrue();
        assertThat(vm.problemProperty().get()).isEqualTo("Momentum must be in [0, 1), got 1.5");
        vm.momentumProperty().set("0.8");
        assertThat(vm.sweepProperty().get().members(vm.configProperty().get()).get(1).momentum()).isEqualTo(0.8);
        vm.sweepFactorProperty().set(null);
        vm.optimizerProperty().set(OptimizerKind.NESTEROV);
        assertThat(vm.momentumUsedProperty().get()).isTrue();
        assertThat(vm.configProperty().get().momentum()).isEqualTo(0.8);
    }

    /**
     * The label column is an option of a table file alone, as range-test --label is: for a bundled set or an image
     * folder it is left out of the data options whatever the field holds (it was recorded with the run and exported,
     * and a label column remembered from a CSV file held for digits).
     */
    @Test
    void theLabelColumnAppliesToATableFileOnly(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("flowers.csv"), "a,b,y\n1,2,x\n3,4,z\n");
        Path folder = Files.createDirectories(tmp.resolve("photos").resolve("cats")).getParent();
        vm.datasetProperty().set(file.toString());
        vm.labelColumnProperty().set(" a ");
        assertThat(vm.tableProperty().get()).isTrue();
        assertThat(vm.dataOptionsProperty().get()).isEqualTo(DataOptions.defaults().withLabelColumn("a"));

        for (String other : List.of("iris", "digits", folder.toString())) {
            vm.datasetProperty().set(other);
            assertThat(vm.tableProperty().get()).as(other).isFalse();
            assertThat(vm.dataOptionsProperty().get().labelColumn()).as(other).isNull();
            assertThat(vm.problemProperty().get()).as(other).isNull();
        }
        vm.datasetProperty().set("iris");
        assertThat(vm.dataOptionsProperty().get()).isEqualTo(DataOptions.defaults());
        assertThat(vm.labelColumnProperty().get()).as("kept for the next table").isEqualTo(" a ");
        vm.datasetProperty().set(file.toString());
        assertThat(vm.dataOptionsProperty().get().labelColumn()).isEqualTo("a");
    }
}
