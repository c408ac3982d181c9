package org.rangefinder.ui.rangetest;

import static org.rangefinder.ui.form.FieldText.decimal;
import static org.rangefinder.ui.form.FieldText.whole;
import static org.rangefinder.ui.form.FieldText.wholeLong;
import static org.rangefinder.ui.form.FieldText.wholes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.model.NetworkFactory;
import org.rangefinder.optim.Optimizer;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.rangetest.RangeTest;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.Smoothing;
import org.rangefinder.rangetest.Sweep;
import org.rangefinder.rangetest.SweepFactor;
import org.rangefinder.schedule.LadderMode;
import org.rangefinder.ui.form.FieldProblem;
import org.rangefinder.ui.form.FieldText;
import org.rangefinder.ui.form.FormTexts;
import org.rangefinder.ui.work.Problems;

/**
 * The experiment panel's state: what to train on, what to train, how to optimise, and the range-test settings, as
 * the user typed them. On every change it builds the engine's own {@link RangeTestConfig}, {@link ModelSpec},
 * {@link DataOptions} and {@link Sweep}, whose constructors decide what is valid; a refusal becomes {@link #problem}
 * and {@link #invalidField}, and {@link #config} is null until the form is valid again. So nothing reaches the engine
 * that it would refuse, and the rules live in one place. Every field whose own value is refused is flagged at once
 * ({@link #fieldProblems}, found by {@link FormTexts#problems}). The settings a 1cycle run shares
 * ({@link #sharedProperty()}) are checked apart: a range-test setting refused does not keep them from a 1cycle run.
 */
public final class ExperimentViewModel {

    private final StringProperty dataset = new SimpleStringProperty(this, "dataset", "digits");
    private final StringProperty labelColumn = new SimpleStringProperty(this, "labelColumn", "");
    private final StringProperty imageSize = new SimpleStringProperty(this, "imageSize",
            DataOptions.defaults().imageSizeText());
    private final BooleanProperty rgb = new SimpleBooleanProperty(this, "rgb", !DataOptions.defaults().grayscale());
    private final ReadOnlyBooleanWrapper table = new ReadOnlyBooleanWrapper(this, "table");
    private final ReadOnlyBooleanWrapper imageFolder = new ReadOnlyBooleanWrapper(this, "imageFolder");
    private final ReadOnlyBooleanWrapper testSet = new ReadOnlyBooleanWrapper(this, "testSet");
    private final StringProperty valFraction = new SimpleStringProperty(this, "valFraction",
            FieldText.of(DataOptions.defaults().validationFraction()));
    private final StringProperty modelPreset = new SimpleStringProperty(this, "modelPreset", "mlp");
    private final StringProperty hiddenSizes = new SimpleStringProperty(this, "hiddenSizes",
            ModelSpec.preset("mlp").hiddenSizes().stream().map(String::valueOf).collect(Collectors.joining(", ")));
    private final StringProperty dropout = new SimpleStringProperty(this, "dropout", "0");
    private final BooleanProperty batchNorm = new SimpleBooleanProperty(this, "batchNorm", false);
    private final StringProperty blocks = new SimpleStringProperty(this, "blocks",
            String.valueOf(ModelSpec.preset("resnet").blocks()));
    private final StringProperty channels = new SimpleStringProperty(this, "channels",
            String.valueOf(ModelSpec.preset("resnet").channels()));
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(this, "optimizer",
            Optimizer.defaults().kind());
    private final StringProperty momentum = new SimpleStringProperty(this, "momentum",
            FieldText.of(Optimizer.defaults().momentum()));
    private final ReadOnlyBooleanWrapper momentumUsed = new ReadOnlyBooleanWrapper(this, "momentumUsed");
    private final StringProperty weightDecay = new SimpleStringProperty(this, "weightDecay",
            FieldText.of(Optimizer.defaults().weightDecay()));
    private final StringProperty batchSize = new SimpleStringProperty(this, "batchSize",
            String.valueOf(RangeTestConfig.DEFAULT_BATCH_SIZE));
    private final StringProperty seed = new SimpleStringProperty(this, "seed",
            String.valueOf(RangeTestConfig.DEFAULT_SEED));
    private final StringProperty startLr = new SimpleStringProperty(this, "startLr",
            FieldText.of(RangeTestConfig.DEFAULT_START_LR));
    private final StringProperty endLr = new SimpleStringProperty(this, "endLr",
            FieldText.of(RangeTestConfig.DEFAULT_END_LR));
    private final StringProperty iterations = new SimpleStringProperty(this, "iterations",
            String.valueOf(RangeTestConfig.DEFAULT_ITERATIONS));
    private final ObjectProperty<LadderMode> mode = new SimpleObjectProperty<>(this, "mode", LadderMode.EXP);
    private final StringProperty stepSize = new SimpleStringProperty(this, "stepSize", "1");
    private final StringProperty smoothing = new SimpleStringProperty(this, "smoothing",
            FieldText.of(Smoothing.DEFAULT_BETA));
    private final StringProperty diverge = new SimpleStringProperty(this, "diverge",
            FieldText.of(RangeTestConfig.DEFAULT_DIVERGE_FACTOR));
    private final StringProperty valBatches = new SimpleStringProperty(this, "valBatches", "0");
    private final ObjectProperty<SweepFactor> sweepFactor = new SimpleObjectProperty<>(this, "sweepFactor");
    private final StringProperty sweepValues = new SimpleStringProperty(this, "sweepValues", "");

    private final ObjectProperty<Dataset> loadedDataset = new SimpleObjectProperty<>(this, "loadedDataset");
    private final ObjectProperty<Throwable> datasetProblem = new SimpleObjectProperty<>(this, "datasetProblem");

    private final ReadOnlyObjectWrapper<RangeTestConfig> config = new ReadOnlyObjectWrapper<>(this, "config");
    private final ReadOnlyObjectWrapper<SharedSettings> shared = new ReadOnlyObjectWrapper<>(this, "shared");
    private final ReadOnlyStringWrapper sharedProblem = new ReadOnlyStringWrapper(this, "sharedProblem");
    private final ReadOnlyObjectWrapper<Sweep> sweep = new ReadOnlyObjectWrapper<>(this, "sweep");
    private final ReadOnlyObjectWrapper<DataOptions> dataOptions = new ReadOnlyObjectWrapper<>(this, "dataOptions");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<ExperimentField> invalidField = new ReadOnlyObjectWrapper<>(this, "invalidField");

    private final FormTexts<ExperimentField> texts = new FormTexts<>(ExperimentField.class, textFields());
    private final ReadOnlyObjectWrapper<Map<ExperimentField, String>> fieldProblems = new ReadOnlyObjectWrapper<>(this,
            "fieldProblems", Map.of());

    public ExperimentViewModel() {
        // first, so that the checks that follow a change of dataset read them: the label column applies to a table
        // file only, the image options to an image folder only, the validation fraction to data without a test set of
        // its own
        table.set(isTable(dataset.get()));
        imageFolder.set(isImageFolder(dataset.get()));
        testSet.set(hasTestSet(dataset.get()));
        dataset.addListener((o, old, name) -> {
            table.set(isTable(name));
            imageFolder.set(isImageFolder(name));
            testSet.set(hasTestSet(name));
        });
        // used by an optimizer that has a momentum, and by a sweep of optimizers, whose Nesterov and Adam members
        // take it
        momentumUsed.bind(optimizer.isNotEqualTo(OptimizerKind.SGD).or(sweepFactor.isEqualTo(SweepFactor.OPTIMIZER)));
        List<ObservableValue<?>> inputs = new ArrayList<>(texts.properties());
        inputs.addAll(List.of(dataset, table, imageFolder, testSet, rgb, modelPreset, batchNorm, momentumUsed, optimizer,
                mode, sweepFactor, loadedDataset, datasetProblem));
        // change listeners, not invalidation listeners: validate() may return before reading every input
        inputs.forEach(p -> p.addListener((o, old, v) -> validate()));
        validate();
    }

    private Map<ExperimentField, StringProperty> textFields() {
        Map<ExperimentField, StringProperty> fields = new EnumMap<>(ExperimentField.class);
        fields.put(ExperimentField.LABEL_COLUMN, labelColumn);
        fields.put(ExperimentField.IMAGE_SIZE, imageSize);
        fields.put(ExperimentField.VAL_FRACTION, valFraction);
        fields.put(ExperimentField.HIDDEN_SIZES, hiddenSizes);
        fields.put(ExperimentField.DROPOUT, dropout);
        fields.put(ExperimentField.BLOCKS, blocks);
        fields.put(ExperimentField.CHANNELS, channels);
        fields.put(ExperimentField.MOMENTUM, momentum);
        fields.put(ExperimentField.WEIGHT_DECAY, weightDecay);
        fields.put(ExperimentField.BATCH_SIZE, batchSize);
        fields.put(ExperimentField.SEED, seed);
        fields.put(ExperimentField.START_LR, startLr);
        fields.put(ExperimentField.END_LR, endLr);
        fields.put(ExperimentField.ITERATIONS, iterations);
        fields.put(ExperimentField.STEP_SIZE, stepSize);
        fields.put(ExperimentField.SMOOTHING, smoothing);
        fields.put(ExperimentField.DIVERGE, diverge);
        fields.put(ExperimentField.VAL_BATCHES, valBatches);
        fields.put(ExperimentField.SWEEP_VALUES, sweepValues);
        return fields;
    }

    /** What the form builds when it is valid. */
    private record Checked(RangeTestConfig config, Sweep sweep) {
    }

    private void validate() {
        try {
            DataOptions options = dataOptions(texts::typed);
            if (!options.equals(dataOptions.get())) { // an equal set is no change: the dataset is not loaded again
                dataOptions.set(options);
            }
        } catch (FieldProblem p) {
            // the data options keep their last valid value, and the check below finds the problem again
        }
        try {
            shared.set(checkShared(texts::typed));
            sharedProblem.set(null);
        } catch (FieldProblem p) {
            // the problem first: whoever reads it once the settings are gone finds this one, not the last
            sharedProblem.set(p.getMessage());
            shared.set(null);
        }
        Checked checked = null;
        FieldProblem found = null;
        try {
            checked = check(texts::typed);
        } catch (FieldProblem p) {
            found = p;
        }
        config.set(checked == null ? null : checked.config());
        sweep.set(checked == null ? null : checked.sweep());
        var atFault = texts.problems(found, this::check);
        if (!atFault.equals(fieldProblems.get())) { // the same fields at fault: the flags stay as they are
            fieldProblems.set(atFault);
        }
        invalidField.set(found == null ? null : (ExperimentField) found.field());
        problem.set(found == null ? null : found.getMessage());
    }

    /**
     * The form's check, reading each field's text through {@code text}: builds what the form holds, or throws the
     * first problem. Changes nothing: it is run again to find every field at fault.
     */
    private Checked check(Function<ExperimentField, String> text) {
        ExperimentField[] fields = ExperimentField.values();
        SharedSettings base = readShared(text, momentumUsed.get());
        Dataset data = loadedDataset.get();
        RangeTestConfig c = rangeTestConfig(text, base);
        Sweep family = sweepFactor.get() == null ? null : FieldText.check(fields, () -> {
            Sweep s = Sweep.parse(sweepFactor.get().id() + "=" + text.apply(ExperimentField.SWEEP_VALUES));
            s.members(c);
            return s;
        });
        if (data != null) {
            // what the engine would refuse at run time, in each test that runs: a model that cannot take the
            // data, a batch or validation the data lacks (a sweep runs its members, not the fields' own values)
            List<RangeTestConfig> tests = family == null ? List.of(c) : family.members(c);
            FieldText.check(fields, () -> {
                tests.forEach(t -> RangeTest.checkRunnable(t, data));
                return tests;
            });
        }
        return new Checked(c, family);
    }

    /**
     * The check of the settings a 1cycle run shares, apart from the range test's own: builds them, the momentum in
     * range and the model one the loaded data fits, or throws the first problem. Changes nothing.
     */
    private SharedSettings checkShared(Function<ExperimentField, String> text) {
        ExperimentField[] fields = ExperimentField.values();
        // the 1cycle run's own optimizer alone decides whether the Momentum field is read: a range test's sweep of
        // optimizers, which reads it for its members, does not
        SharedSettings s = readShared(text, optimizer.get().hasMomentum());
        // the momentum as the optimizer takes it (its weight decay is the 1cycle panel's own, not this form's)
        FieldText.check(fields, () -> new Optimizer(s.optimizer(), s.momentum(), Optimizer.defaults().weightDecay()));
        Dataset data = loadedDataset.get();
        if (data != null) {
            FieldText.check(fields, () -> {
                NetworkFactory.checkCompatible(s.model(), data);
                return s;
            });
        }
        return s;
    }

    /**
     * The shared settings as the fields give them, each text read, the values not yet judged together: the seed, the
     * data options and whether the data loaded with them, the model, the optimizer and its momentum ({@link #momentum},
     * the field read where {@code momentumRead}). Throws the first problem.
     */
    private SharedSettings readShared(Function<ExperimentField, String> text, boolean momentumRead) {
        long seedValue = wholeLong(ExperimentField.SEED, text.apply(ExperimentField.SEED));
        dataOptions(text);
        Throwable loadProblem = datasetProblem.get();
        if (loadProblem != null) {
            // at the field of the setting the data refused (a label column the file lacks), else at Dataset
            throw loadProblem instanceof UserInputException refused
                    ? FieldText.problem(ExperimentField.values(), refused, ExperimentField.DATASET)
                    : new FieldProblem(ExperimentField.DATASET, Problems.describe(loadProblem));
        }
        ModelSpec model = modelSpec(text);
        return new SharedSettings(dataset.get(), model, optimizer.get(), momentum(text, momentumRead), seedValue);
    }

    /**
     * The data options of the form; the label column only for a table file, the image size and colours only for an
     * image folder, which alone use them, and the validation fraction only for data without a test set of its own
     * (MNIST validates on its test set).
     */
    private DataOptions dataOptions(Function<ExperimentField, String> text) {
        long seedValue = wholeLong(ExperimentField.SEED, text.apply(ExperimentField.SEED));
        String labelText = table.get() ? text.apply(ExperimentField.LABEL_COLUMN) : "";
        String label = labelText.isBlank() ? null : labelText.strip();
        double fraction = testSet.get() ? DataOptions.defaults().validationFraction()
                : decimal(ExperimentField.VAL_FRACTION, text.apply(ExperimentField.VAL_FRACTION));
        boolean images = imageFolder.get();
        return FieldText.check(ExperimentField.values(), () -> {
            DataOptions options = DataOptions.defaults().withLabelColumn(label).withValidationFraction(fraction)
                    .withSplitSeed(seedValue);
            return images ? options.withImageSize(text.apply(ExperimentField.IMAGE_SIZE)).withGrayscale(!rgb.get())
                    : options;
        });
    }

    /** Whether the dataset chosen is a table file (CSV, TSV or text, by its name), not a bundled name. */
    private static boolean isTable(String name) {
        try {
            return name != null && Datasets.isTable(name);
        } catch (UserInputException e) {
            return false; // not a path: the load says why
        }
    }

    /** Whether the dataset chosen is a folder of images (the file system says), not a bundled name or a file. */
    private static boolean isImageFolder(String name) {
        try {
            return name != null && Datasets.isImageFolder(name);
        } catch (UserInputException e) {
            return false; // not a path: the load says why
        }
    }

    /** Whether the dataset chosen validates on a test set of its own (the file system says, for a path). */
    private static boolean hasTestSet(String name) {
        return name != null && Datasets.hasTestSet(name);
    }

    private ModelSpec modelSpec(Function<ExperimentField, String> text) {
        String preset = modelPreset.get();
        boolean mlp = "mlp".equals(preset);
        boolean resnet = "resnet".equals(preset);
        List<Integer> hidden = mlp ? wholes(ExperimentField.HIDDEN_SIZES, text.apply(ExperimentField.HIDDEN_SIZES))
                : null;
        Double drop = resnet ? null : decimal(ExperimentField.DROPOUT, text.apply(ExperimentField.DROPOUT));
        Integer blockCount = resnet ? whole(ExperimentField.BLOCKS, text.apply(ExperimentField.BLOCKS)) : null;
        Integer channelCount = resnet ? whole(ExperimentField.CHANNELS, text.apply(ExperimentField.CHANNELS)) : null;
        return FieldText.check(ExperimentField.values(),
                () -> new ModelSpec(preset, hidden, drop, mlp ? batchNorm.get() : null, blockCount, channelCount));
    }

    private RangeTestConfig rangeTestConfig(Function<ExperimentField, String> text, SharedSettings base) {
        double wd = decimal(ExperimentField.WEIGHT_DECAY, text.apply(ExperimentField.WEIGHT_DECAY));
        int batch = whole(ExperimentField.BATCH_SIZE, text.apply(ExperimentField.BATCH_SIZE));
        double start = decimal(ExperimentField.START_LR, text.apply(ExperimentField.START_LR));
        double end = decimal(ExperimentField.END_LR, text.apply(ExperimentField.END_LR));
        int n = whole(ExperimentField.ITERATIONS, text.apply(ExperimentField.ITERATIONS));
        int step = whole(ExperimentField.STEP_SIZE, text.apply(ExperimentField.STEP_SIZE));
        double beta = decimal(ExperimentField.SMOOTHING, text.apply(ExperimentField.SMOOTHING));
        double factor = decimal(ExperimentField.DIVERGE, text.apply(ExperimentField.DIVERGE));
        int k = whole(ExperimentField.VAL_BATCHES, text.apply(ExperimentField.VAL_BATCHES));
        return FieldText.check(ExperimentField.values(), () -> new RangeTestConfig(base.dataset(), base.model(),
                base.optimizer(), base.momentum(), wd, batch, n, start, end, mode.get(), step, beta, factor, k,
                base.seed()));
    }

    /**
     * The momentum the runs take: the field's where it is {@code read}; else (plain SGD, the field not read) the
     * engine's default in its place, the momentum {@code range-test --optimizer sgd} takes, which SGD ignores.
     */
    private double momentum(Function<ExperimentField, String> text, boolean read) {
        return read ? decimal(ExperimentField.MOMENTUM, text.apply(ExperimentField.MOMENTUM))
                : Optimizer.defaults().momentum();
    }

    /** A short description of the current settings for run names: {@code digits, mlp 128-128, nesterov}. */
    public static String describe(RangeTestConfig c) {
        return c.dataset() + ", " + c.model().describe() + ", " + c.optimizer().id();
    }

    public StringProperty datasetProperty() {
        return dataset;
    }

    /**
     * The fields a dataset is loaded with, as typed: its label column, validation fraction, image size and colours,
     * and the seed that splits it.
     */
    public record DataFields(String labelColumn, String valFraction, String imageSize, boolean rgb, String seed) {
    }

    /** The fields the dataset is loaded with, as typed now. */
    public DataFields dataFields() {
        return new DataFields(labelColumn.get(), valFraction.get(), imageSize.get(), rgb.get(), seed.get());
    }

    /** Types {@code fields} into the fields the dataset is loaded with. */
    public void setDataFields(DataFields fields) {
        labelColumn.set(fields.labelColumn());
        valFraction.set(fields.valFraction());
        imageSize.set(fields.imageSize());
        rgb.set(fields.rgb());
        seed.set(fields.seed());
    }

    /** Table files only: the label column, by name or 0-based index; blank means the last. */
    public StringProperty labelColumnProperty() {
        return labelColumn;
    }

    /** Whether the dataset chosen is a table file, the data the label column applies to. */
    public ReadOnlyBooleanProperty tableProperty() {
        return table.getReadOnlyProperty();
    }

    /** Image folders only: the size images are resampled to, {@code WIDTHxHEIGHT}. */
    public StringProperty imageSizeProperty() {
        return imageSize;
    }

    /** Image folders only: three colour channels instead of one gray channel. */
    public BooleanProperty rgbProperty() {
        return rgb;
    }

    /** Whether the dataset chosen is a folder of images, the data the image size and colours apply to. */
    public ReadOnlyBooleanProperty imageFolderProperty() {
        return imageFolder.getReadOnlyProperty();
    }

    /** Whether the dataset validates on a test set of its own, which the validation fraction does not apply to. */
    public ReadOnlyBooleanProperty testSetProperty() {
        return testSet.getReadOnlyProperty();
    }

    public StringProperty valFractionProperty() {
        return valFraction;
    }

    public StringProperty modelPresetProperty() {
        return modelPreset;
    }

    public StringProperty hiddenSizesProperty() {
        return hiddenSizes;
    }

    public StringProperty dropoutProperty() {
        return dropout;
    }

    public BooleanProperty batchNormProperty() {
        return batchNorm;
    }

    public StringProperty blocksProperty() {
        return blocks;
    }

    public StringProperty channelsProperty() {
        return channels;
    }

    public ObjectProperty<OptimizerKind> optimizerProperty() {
        return optimizer;
    }

    public StringProperty momentumProperty() {
        return momentum;
    }

    /**
     * Whether the momentum is used, and the Momentum field read: the optimizer has one (not plain SGD), or a sweep of
     * optimizers gives its members theirs.
     */
    public ReadOnlyBooleanProperty momentumUsedProperty() {
        return momentumUsed.getReadOnlyProperty();
    }

    public StringProperty weightDecayProperty() {
        return weightDecay;
    }

    public StringProperty batchSizeProperty() {
        return batchSize;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public StringProperty startLrProperty() {
        return startLr;
    }

    public StringProperty endLrProperty() {
        return endLr;
    }

    public StringProperty iterationsProperty() {
        return iterations;
    }

    public ObjectProperty<LadderMode> modeProperty() {
        return mode;
    }

    public StringProperty stepSizeProperty() {
        return stepSize;
    }

    public StringProperty smoothingProperty() {
        return smoothing;
    }

    public StringProperty divergeProperty() {
        return diverge;
    }

    public StringProperty valBatchesProperty() {
        return valBatches;
    }

    /** The factor a sweep varies; null runs a single range test. */
    public ObjectProperty<SweepFactor> sweepFactorProperty() {
        return sweepFactor;
    }

    public StringProperty sweepValuesProperty() {
        return sweepValues;
    }

    /** The dataset loaded for the current choice, once it is: its kind decides which models fit. */
    public ObjectProperty<Dataset> loadedDatasetProperty() {
        return loadedDataset;
    }

    /** What loading the chosen dataset threw; null when it loaded. */
    public ObjectProperty<Throwable> datasetProblemProperty() {
        return datasetProblem;
    }

    /** The range-test settings, or null while the form holds a problem. */
    public ReadOnlyObjectProperty<RangeTestConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    /**
     * The settings a 1cycle run shares with the range test (dataset, model, optimizer, momentum, seed), or null while
     * one of them, or the data they load, holds a problem: a problem of the range test's own settings alone leaves
     * them set.
     */
    public ReadOnlyObjectProperty<SharedSettings> sharedProperty() {
        return shared.getReadOnlyProperty();
    }

    /** What keeps {@link #sharedProperty()} null, naming the field; null when it is set. */
    public ReadOnlyStringProperty sharedProblemProperty() {
        return sharedProblem.getReadOnlyProperty();
    }

    /** The sweep to run, or null for a single range test (and while the form holds a problem). */
    public ReadOnlyObjectProperty<Sweep> sweepProperty() {
        return sweep.getReadOnlyProperty();
    }

    /**
     * How to load the dataset (label column, validation fraction, split seed): set as soon as those fields are
     * valid, even while another field holds a problem, so the dataset can be loaded and checked.
     */
    public ReadOnlyObjectProperty<DataOptions> dataOptionsProperty() {
        return dataOptions.getReadOnlyProperty();
    }

    /** What keeps the form from running, naming the field; null when it can run. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The field of the problem {@link #problemProperty()} names; null when there is none. */
    public ReadOnlyObjectProperty<ExperimentField> invalidFieldProperty() {
        return invalidField.getReadOnlyProperty();
    }

    /**
     * Every field at fault and its problem, the one {@link #problemProperty()} names first: each field whose own value
     * is refused, not only the first found (a rule between fields is found one at a time); empty when the form can
     * run.
     */
    public ReadOnlyObjectProperty<Map<ExperimentField, String>> fieldProblemsProperty() {
        return fieldProblems.getReadOnlyProperty();
    }
}
