package org.rangefinder.ui.onecycle;

import static org.rangefinder.ui.form.FieldText.decimal;
import static org.rangefinder.ui.form.FieldText.whole;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunSettings;
import org.rangefinder.optim.Optimizer;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.schedule.Anneal;
import org.rangefinder.schedule.OneCycleSchedule;
import org.rangefinder.schedule.OneCycleSettings;
import org.rangefinder.train.SchedulePolicy;
import org.rangefinder.train.Trainer;
import org.rangefinder.train.TrainingConfig;
import org.rangefinder.ui.data.DatasetSource;
import org.rangefinder.ui.data.LoadedDataset;
import org.rangefinder.ui.form.FieldProblem;
import org.rangefinder.ui.form.FieldText;
import org.rangefinder.ui.form.FormTexts;
import org.rangefinder.ui.history.HistoryStore;
import org.rangefinder.ui.rangetest.LrBoundsViewModel;
import org.rangefinder.ui.rangetest.SharedSettings;
import org.rangefinder.ui.work.BackgroundExecutor;
import org.rangefinder.ui.work.Relay;

/**
 * The 1cycle panel's state. The cycle's bounds come from the range-test chart's markers ({@code max_lr = max},
 * {@code div_factor = max / min}, as {@link OneCycleSettings#fromBounds}); dataset, model, optimizer, momentum and
 * seed from the experiment panel ({@link SharedSettings}: a problem of its range-test settings alone does not hold a
 * launch back); the rest is typed here. On every change the engine's {@link OneCycleSettings} and
 * {@link TrainingConfig} are built (their constructors decide what is valid) and the {@link #previewProperty()
 * preview} recomputed from {@link OneCycleSchedule}: pure math, cheap enough to follow a dragged marker.
 *
 * <p>{@link #launch()} trains the 1cycle run, and when asked a constant-LR baseline at the same budget (same
 * epochs, batch size, data and seed), on the background executor; each run is recorded in the run history.
 */
public final class OneCycleViewModel {
    private static final OneCycleSettings DEFAULTS = OneCycleSettings.defaults(100, 0.1);

    private final StringProperty epochs = new SimpleStringProperty(this, "epochs", "5");
    private final StringProperty pctStart = new SimpleStringProperty(this, "pctStart", FieldText.of(DEFAULTS.pctStart()));
    private final ObjectProperty<Anneal> anneal = new SimpleObjectProperty<>(this, "anneal", DEFAULTS.anneal());
    private final BooleanProperty threePhase = new SimpleBooleanProperty(this, "threePhase", DEFAULTS.threePhase());
    private final BooleanProperty cycleMomentum = new SimpleBooleanProperty(this, "cycleMomentum",
            DEFAULTS.cycleMomentum());
    private final StringProperty baseMomentum = new SimpleStringProperty(this, "baseMomentum",
            FieldText.of(DEFAULTS.baseMomentum()));
    private final StringProperty maxMomentum = new SimpleStringProperty(this, "maxMomentum",
            FieldText.of(DEFAULTS.maxMomentum()));
    private final StringProperty finalDivFactor = new SimpleStringProperty(this, "finalDivFactor",
            FieldText.of(DEFAULTS.finalDivFactor()));
    private final StringProperty weightDecay = new SimpleStringProperty(this, "weightDecay",
            FieldText.of(Optimizer.defaults().weightDecay()));
    private final StringProperty batchSize = new SimpleStringProperty(this, "batchSize",
            String.valueOf(RangeTestConfig.DEFAULT_BATCH_SIZE));
    private final StringProperty evalEvery = new SimpleStringProperty(this, "evalEvery", "0");
    private final BooleanProperty baseline = new SimpleBooleanProperty(this, "baseline", false);
    private final StringProperty baselineLr = new SimpleStringProperty(this, "baselineLr", "0.01");
    private final IntegerProperty trainSamples = new SimpleIntegerProperty(this, "trainSamples");
    private final StringProperty datasetProblem = new SimpleStringProperty(this, "datasetProblem");

    private final ReadOnlyObjectWrapper<OneCycleSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ReadOnlyObjectWrapper<TrainingConfig> config = new ReadOnlyObjectWrapper<>(this, "config");
    private final ReadOnlyObjectWrapper<TrainingConfig> baselineConfig = new ReadOnlyObjectWrapper<>(this,
            "baselineConfig");
    private final ReadOnlyObjectWrapper<SchedulePreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<OneCycleField> invalidField = new ReadOnlyObjectWrapper<>(this, "invalidField");
    private final FormTexts<OneCycleField> texts = new FormTexts<>(OneCycleField.class, textFields());
    private final ReadOnlyObjectWrapper<Map<OneCycleField, String>> fieldProblems = new ReadOnlyObjectWrapper<>(this,
            "fieldProblems", Map.of());

    private final ObservableList<TrainingRun> runs = FXCollections.observableArrayList(
            r -> new Observable[] {r.state().statusProperty()});
    private final IntegerBinding active = Bindings.createIntegerBinding(
            () -> (int) runs.stream().filter(r -> r.state().statusProperty().get().isActive()).count(), runs);
    private final BooleanBinding training = active.greaterThan(0);
    private final ReadOnlyBooleanWrapper launchHeld = new ReadOnlyBooleanWrapper(this, "launchHeld");

    private final LrBoundsViewModel bounds;
    private final ObservableValue<SharedSettings> experiment;
    private final ObservableValue<String> experimentProblem;
    private final ObservableValue<DataOptions> dataOptions;
    private final BackgroundExecutor background;
    private final DatasetSource datasets;
    private final HistoryStore history;

    /**
     * @param experiment        the experiment panel's settings a 1cycle run shares (null while one holds a problem)
     * @param experimentProblem why those cannot be built
     * @param dataOptions       how the experiment's dataset is loaded
     */
    public OneCycleViewModel(LrBoundsViewModel bounds, ObservableValue<SharedSettings> experiment,
                             ObservableValue<String> experimentProblem, ObservableValue<DataOptions> dataOptions,
                             BackgroundExecutor background, DatasetSource datasets, HistoryStore history) {
        this.bounds = bounds;
        this.experiment = experiment;
        this.experimentProblem = experimentProblem;
        this.dataOptions = dataOptions;
        this.background = background;
        this.datasets = datasets;
        this.history = history;
        List<ObservableValue<?>> inputs = new ArrayList<>(texts.properties());
        inputs.addAll(List.of(anneal, threePhase, cycleMomentum, baseline, trainSamples, datasetProblem,
                bounds.minProperty(), bounds.maxProperty(), bounds.problem(), experiment, experimentProblem));
        // change listeners, not invalidation listeners: validate() may return before reading every input
        inputs.forEach(p -> p.addListener((o, old, v) -> validate()));
        validate();
    }

    /** What the check builds, as far as it gets: the cycle is previewed while a later field holds a problem. */
    private static final class Checked {
        OneCycleSettings cycle;
        TrainingConfig run;
        TrainingConfig constant;
    }

    private void validate() {
        Checked checked = new Checked();
        FieldProblem found = null;
        try {
            check(texts::typed, checked);
        } catch (FieldProblem p) {
            found = p;
        }
        settings.set(checked.cycle);
        preview.set(checked.cycle == null ? null : previewOf(checked.cycle, experiment.getValue()));
        config.set(found == null ? checked.run : null);
        baselineConfig.set(found == null ? checked.constant : null);
        var atFault = texts.problems(found, text -> check(text, new Checked()));
        if (!atFault.equals(fieldProblems.get())) { // the same fields at fault: the flags stay as they are
            fieldProblems.set(atFault);
        }
        invalidField.set(found == null ? null : (OneCycleField) found.field());
        problem.set(found == null ? null : found.getMessage());
    }

    /**
     * The form's check, reading each field's text through {@code text}: fills {@code checked} as far as it gets, and
     * throws the first problem. Changes nothing else: it is run again to find every field at fault.
     */
    private void check(Function<OneCycleField, String> text, Checked checked) {
        OneCycleField[] fields = OneCycleField.values();
        int e = whole(OneCycleField.EPOCHS, text.apply(OneCycleField.EPOCHS));
        int batch = whole(OneCycleField.BATCH_SIZE, text.apply(OneCycleField.BATCH_SIZE));
        // read before the steps are counted, so that text that is no number is flagged while the data loads
        double wd = decimal(OneCycleField.WEIGHT_DECAY, text.apply(OneCycleField.WEIGHT_DECAY));
        int every = whole(OneCycleField.EVAL_EVERY, text.apply(OneCycleField.EVAL_EVERY));
        Double lr = baseline.get() ? decimal(OneCycleField.BASELINE_LR, text.apply(OneCycleField.BASELINE_LR)) : null;
        checkBudget(e, batch);
        if (trainSamples.get() < 1) {
            throw new FieldProblem(null, datasetProblem.get() != null
                    ? "the dataset could not be loaded: " + datasetProblem.get()
                    : "waiting for the dataset to load");
        }
        if (bounds.problem().get() != null) {
            throw new FieldProblem(OneCycleField.BOUNDS, "LR bounds: " + bounds.problem().get());
        }
        int steps = FieldText.check(fields,
                () -> TrainingConfig.totalSteps(e, BatchStream.batchesPerEpoch(trainSamples.get(), batch, false)));
        OneCycleSettings cycle = oneCycleSettings(text, steps);
        checked.cycle = cycle;
        SharedSettings x = experiment.getValue();
        if (x == null) {
            throw new FieldProblem(null, "Experiment: " + experimentProblem.getValue());
        }
        checked.run = FieldText.check(fields, () -> new TrainingConfig(x.dataset(), x.model(), x.optimizer(),
                x.momentum(), wd, batch, e, SchedulePolicy.ONE_CYCLE, cycle, null, every, x.seed()));
        if (lr != null) {
            checked.constant = FieldText.check(fields, () -> new TrainingConfig(x.dataset(), x.model(), x.optimizer(),
                    x.momentum(), wd, batch, e, SchedulePolicy.CONSTANT, null, lr, every, x.seed()));
        }
    }

    private Map<OneCycleField, StringProperty> textFields() {
        Map<OneCycleField, StringProperty> fields = new EnumMap<>(OneCycleField.class);
        fields.put(OneCycleField.EPOCHS, epochs);
        fields.put(OneCycleField.PCT_START, pctStart);
        fields.put(OneCycleField.FINAL_DIV_FACTOR, finalDivFactor);
        fields.put(OneCycleField.BASE_MOMENTUM, baseMomentum);
        fields.put(OneCycleField.MAX_MOMENTUM, maxMomentum);
        fields.put(OneCycleField.WEIGHT_DECAY, weightDecay);
        fields.put(OneCycleField.BATCH_SIZE, batchSize);
        fields.put(OneCycleField.EVAL_EVERY, evalEvery);
        fields.put(OneCycleField.BASELINE_LR, baselineLr);
        return fields;
    }

    /**
     * Lets the engine judge the epochs and the batch size before they are used to count steps: a constant-LR
     * {@link TrainingConfig} is the smallest configuration that checks them.
     */
    private static void checkBudget(int epochs, int batch) {
        FieldText.check(OneCycleField.values(), () -> new TrainingConfig("budget", null, null, 0, 0, batch, epochs,
                SchedulePolicy.CONSTANT, null, 1.0, 0, 0));
    }

    private OneCycleSettings oneCycleSettings(Function<OneCycleField, String> text, int total) {
        double pct = decimal(OneCycleField.PCT_START, text.apply(OneCycleField.PCT_START));
        double finalDiv = decimal(OneCycleField.FINAL_DIV_FACTOR, text.apply(OneCycleField.FINAL_DIV_FACTOR));
        double base = decimal(OneCycleField.BASE_MOMENTUM, text.apply(OneCycleField.BASE_MOMENTUM));
        double top = decimal(OneCycleField.MAX_MOMENTUM, text.apply(OneCycleField.MAX_MOMENTUM));
        return FieldText.check(OneCycleField.values(), () -> {
            // the ratio of the bounds alone, as train --min-lr takes it: a cycle of PyTorch's defaults built from
            // them first was refused at a step count the fields' pct_start runs
            double max = bounds.maxProperty().get();
            return new OneCycleSettings(total, max, pct, anneal.get(),
                    OneCycleSettings.divFactorFor(bounds.minProperty().get(), max), finalDiv, threePhase.get(),
                    cycleMomentum.get(), base, top);
        });
    }

    /**
     * The cycle's learning rates and momenta at the steps a preview shows (computed there alone: a drag recomputes
     * the preview at each frame, and a cycle may have a million steps). The momenta are those the run will use, as
     * the trainer decides them ({@link Trainer#oneCycleMomentum}): the cycled ones, the experiment optimizer's own
     * when not cycled, 0 throughout for plain SGD; none is shown while the settings shared with the experiment panel
     * hold a problem, as its optimizer decides.
     */
    private static SchedulePreview previewOf(OneCycleSettings s, SharedSettings experiment) {
        OneCycleSchedule schedule = OneCycleSchedule.of(s);
        int[] steps = SchedulePreview.steps(s.totalSteps());
        double[] lrs = new double[steps.length];
        double[] momenta = new double[experiment != null ? steps.length : 0];
        for (int k = 0; k < steps.length; k++) {
            lrs[k] = schedule.lr(steps[k]);
        }
        for (int k = 0; k < momenta.length; k++) {
            momenta[k] = Trainer.oneCycleMomentum(schedule, experiment.optimizer(), experiment.momentum(), steps[k]);
        }
        return new SchedulePreview(steps, lrs, momenta);
    }

    /**
     * Starts the 1cycle run, and the baseline when asked; they run side by side when workers allow. They replace the
     * last launch's runs, whose networks go with them ({@link #unsavedModels()} names those never saved).
     */
    public void launch() {
        TrainingConfig c = config.get();
        if (c == null || training.get() || launchHeld.get()) {
            return;
        }
        runs.clear();
        DataOptions options = dataOptions.getValue();
        int total = c.totalSteps(trainSamples.get());
        submit(new TrainingRun("1cycle", c, total, 0, background.fx()), options);
        TrainingConfig constant = baselineConfig.get();
        if (constant != null) {
            submit(new TrainingRun("constant " + FieldText.of(constant.constantLr()), constant, total, 1,
                    background.fx()), options);
        }
    }

    /**
     * Holds launching back while the last launch's networks are written before the next launch (the user chose to
     * save them first): until {@link #releaseLaunch()}, {@link #launch()} does nothing and
     * {@link #launchHeldProperty()} is true, so that a second Launch neither asks again nor launches twice.
     */
    public void holdLaunch() {
        launchHeld.set(true);
    }

    /** The networks held for are written, or will not be (no file given, a write failed): launching is possible. */
    public void releaseLaunch() {
        launchHeld.set(false);
    }

    /** True from {@link #holdLaunch()} to {@link #releaseLaunch()}. */
    public ReadOnlyBooleanProperty launchHeldProperty() {
        return launchHeld.getReadOnlyProperty();
    }

    /**
     * Queues the run. Its task waits for the data (loaded on a thread of its own, see {@link DatasetSource}), which
     * the run keeps the description of (an export compares it with the window's), then conducts the training: its
     * steps run on the carriers of a {@link Relay} of its own.
     */
    private void submit(TrainingRun run, DataOptions options) {
        runs.add(run);
        run.state().setTask(background.submit(() -> {
            run.state().started();
            LoadedDataset loaded = datasets.loadDescribed(run.config().dataset(), options,
                    run.state().cancelToken()::isCancelled);
            run.dataLoaded(loaded);
            Dataset data = loaded.data();
            checkPlannedFor(run.config(), data);
            try (Relay steps = new Relay("rangefinder-steps-" + run.name())) {
                return history.recording(RunKind.TRAINING, run.config().dataset(), run.config().model(),
                        RunSettings.of(run.config(), options),
                        () -> Trainer.train(data, run.config(), run, run.state().cancelToken(), steps),
                        (RunHistory h, String id, Trainer.Outcome o) -> h.finish(id, o.result()));
            }
        }, run::finished, run.state()::stoppedBy));
    }

    /**
     * Refuses a 1cycle whose steps were planned for data of another size: the user's file or folder changed on disk
     * after the panel planned the launch, and the run read it anew. By then the window holds the new data (see
     * {@code WorkbenchViewModel}), so launching again plans for it; the trainer's own refusal would only say that
     * the numbers of steps differ.
     */
    private static void checkPlannedFor(TrainingConfig config, Dataset data) {
        int steps = config.totalSteps(data.train().size());
        if (config.oneCycle() != null && steps != config.oneCycle().totalSteps()) {
            throw new UserInputException(data.name() + " changed on disk after this launch was planned: its "
                    + data.train().size() + " training samples take " + steps + " iterations, not "
                    + config.oneCycle().totalSteps() + "; launch again to train on the new data");
        }
    }

    /** Stops the runs of the last launch within one iteration (what they recorded is kept). */
    public void cancel() {
        runs.forEach(run -> run.state().cancel());
    }

    /**
     * The work that writes a finished run's network to {@code file} (a DL4J zip, written atomically), to be run off
     * the FX thread; it returns the file, and the run no longer counts as {@linkplain TrainingRun#unsaved unsaved}.
     */
    public Callable<Path> saving(TrainingRun run, Path file) {
        return () -> {
            run.network().save(file);
            run.markSaved();
            return file;
        };
    }

    /**
     * The runs of the last launch whose trained networks were never saved: the next launch replaces these runs, and
     * quitting ends them, so either would lose those networks.
     */
    public List<TrainingRun> unsavedModels() {
        return runs.stream().filter(TrainingRun::unsaved).toList();
    }

    public StringProperty epochsProperty() {
        return epochs;
    }

    public StringProperty pctStartProperty() {
        return pctStart;
    }

    public ObjectProperty<Anneal> annealProperty() {
        return anneal;
    }

    public BooleanProperty threePhaseProperty() {
        return threePhase;
    }

    public BooleanProperty cycleMomentumProperty() {
        return cycleMomentum;
    }

    public StringProperty baseMomentumProperty() {
        return baseMomentum;
    }

    public StringProperty maxMomentumProperty() {
        return maxMomentum;
    }

    public StringProperty finalDivFactorProperty() {
        return finalDivFactor;
    }

    public StringProperty weightDecayProperty() {
        return weightDecay;
    }

    public StringProperty batchSizeProperty() {
        return batchSize;
    }

    public StringProperty evalEveryProperty() {
        return evalEvery;
    }

    /** Whether a constant-LR baseline trains alongside. */
    public BooleanProperty baselineProperty() {
        return baseline;
    }

    public StringProperty baselineLrProperty() {
        return baselineLr;
    }

    /** Training samples of the experiment's dataset, once loaded (0 before): with the batch size, the steps. */
    public IntegerProperty trainSamplesProperty() {
        return trainSamples;
    }

    /** Why the experiment's dataset could not be loaded; null while it loads or has loaded. */
    public StringProperty datasetProblemProperty() {
        return datasetProblem;
    }

    public LrBoundsViewModel bounds() {
        return bounds;
    }

    /** The 1cycle schedule settings, or null while they cannot be built. */
    public ReadOnlyObjectProperty<OneCycleSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** The 1cycle run's settings, or null while the panel (or the experiment panel) holds a problem. */
    public ReadOnlyObjectProperty<TrainingConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainingConfig> baselineConfigProperty() {
        return baselineConfig.getReadOnlyProperty();
    }

    /** LR and momentum per iteration of the schedule; null while the settings cannot be built. */
    public ReadOnlyObjectProperty<SchedulePreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The field of the problem {@link #problemProperty()} names; null when there is none. */
    public ReadOnlyObjectProperty<OneCycleField> invalidFieldProperty() {
        return invalidField.getReadOnlyProperty();
    }

    /**
     * Every field at fault and its problem, the one {@link #problemProperty()} names first: each field whose own value
     * is refused, not only the first found; empty when there is none.
     */
    public ReadOnlyObjectProperty<Map<OneCycleField, String>> fieldProblemsProperty() {
        return fieldProblems.getReadOnlyProperty();
    }

    /** The runs of the last launch: the 1cycle run, then the baseline. */
    public ObservableList<TrainingRun> runs() {
        return runs;
    }

    /** True while a run of the last launch is queued or training. */
    /** The runs of the last launch queued or training: the 1cycle run, and its baseline if it has one. */
    public IntegerBinding activeCount() {
        return active;
    }

    public BooleanBinding trainingProperty() {
        return training;
    }
}
