package org.rangefinder.ui;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.image.WritableImage;
import org.rangefinder.Counts;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.data.Loading;
import org.rangefinder.engine.StopReason;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.handoff.CodeExport;
import org.rangefinder.handoff.ExportFormat;
import org.rangefinder.hyperparams.DatasetSection;
import org.rangefinder.hyperparams.HyperparameterFile;
import org.rangefinder.hyperparams.Hyperparameters;
import org.rangefinder.hyperparams.LrBounds;
import org.rangefinder.hyperparams.LrChoice;
import org.rangefinder.hyperparams.RangeTestSection;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.CurveCsv;
import org.rangefinder.rangetest.CurveFiles;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.SuggestionMethod;
import org.rangefinder.rangetest.Suggestions;
import org.rangefinder.rangetest.Sweep;
import org.rangefinder.rangetest.SweepFactor;
import org.rangefinder.train.TrainingConfig;
import org.rangefinder.train.TrainingResult;
import org.rangefinder.ui.data.DatasetSource;
import org.rangefinder.ui.data.LoadedDataset;
import org.rangefinder.ui.export.ChartImages;
import org.rangefinder.ui.export.HyperparameterExport;
import org.rangefinder.ui.export.HyperparameterImport;
import org.rangefinder.ui.history.HistoryStore;
import org.rangefinder.ui.history.HistoryViewModel;
import org.rangefinder.ui.onecycle.OneCycleViewModel;
import org.rangefinder.ui.onecycle.TrainingRun;
import org.rangefinder.ui.rangetest.ExperimentViewModel;
import org.rangefinder.ui.rangetest.LrBoundsViewModel;
import org.rangefinder.ui.rangetest.RangeTestRun;
import org.rangefinder.ui.rangetest.RangeTestViewModel;
import org.rangefinder.ui.work.BackgroundExecutor;
import org.rangefinder.ui.work.EngineStatus;
import org.rangefinder.ui.work.EngineWarmUp;
import org.rangefinder.ui.work.Problems;
import org.rangefinder.ui.work.RunState;
import org.rangefinder.ui.work.RunStatus;

/**
 * The window's state as a whole: the panels' view models wired together (the experiment's dataset is loaded in
 * the background as soon as it is chosen; the 1cycle panel reads the experiment and the bounds), the engine's
 * status, a status line, notifications when runs end, imports and exports. Called on the FX thread.
 */
public final class WorkbenchViewModel {
    private final BackgroundExecutor workers;
    private final BackgroundExecutor loader;
    private final BackgroundExecutor files;
    private final DatasetSource datasets;
    private final EngineStatus engine = new EngineStatus();
    private final ExperimentViewModel experiment = new ExperimentViewModel();
    private final LrBoundsViewModel bounds = new LrBoundsViewModel();
    private final RangeTestViewModel runs;
    private final OneCycleViewModel oneCycle;
    private final HistoryViewModel history;
    private final ObservableList<String> datasetChoices = FXCollections.observableArrayList(Datasets.BUNDLED);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private Consumer<String> notifier = m -> { };
    private final AtomicInteger loadRequest = new AtomicInteger();
    /** The import whose first load has not ended yet; null when none. */
    private Import importing;
    /**
     * The chosen dataset as it was loaded, with its description made then, which an export writes; null while it
     * loads or when it could not be loaded.
     */
    private LoadedDataset loaded;
    /**
     * Why the window opened on the default dataset, not on the last launch's, which is gone; said once, with the
     * default's sizes when it has loaded. Null when there is nothing to say, or once another dataset is chosen.
     */
    private String lastDatasetGone;

    /**
     * A dataset file or folder added to the choices: what was chosen before it, whether the choice was added for it,
     * and where a failure of its first load is reported.
     */
    private record Import(String choice, String previous, boolean added, Consumer<String> failed) {
    }

    private static final String NOT_A_CURVE = ". A curve is a CSV file with columns lr and loss, or a range-test "
            + "result (.json); a dataset is imported with Import dataset file...";

    /**
     * @param workers runs range tests and trainings
     * @param loader  loads datasets (apart from the runs, so choosing a dataset never waits behind a long run)
     * @param files   writes exports and saved models, in the order asked (apart from the runs, so that a file the
     *                user asks for is written at once, not after the runs queued before it)
     * @param history where runs are recorded and the History panel reads them
     */
    public WorkbenchViewModel(BackgroundExecutor workers, BackgroundExecutor loader, BackgroundExecutor files,
                              DatasetSource datasets, HistoryStore history) {
        this.workers = workers;
        this.loader = loader;
        this.files = files;
        this.datasets = datasets;
        // the runs' data passes the window on its way: a later load of the data it holds takes its place
        DatasetSource runData = new DatasetSource() {
            @Override
            public Dataset load(String nameOrPath, DataOptions options, Loading loading) {
                return loadDescribed(nameOrPath, options, loading).data();
            }

            @Override
            public LoadedDataset loadDescribed(String nameOrPath, DataOptions options, Loading loading) {
                LoadedDataset data = datasets.loadDescribed(nameOrPath, options, loading);
                workers.fx().execute(() -> runHasData(data));
                return data;
            }
        };
        this.runs = new RangeTestViewModel(workers, runData, history);
        this.oneCycle = new OneCycleViewModel(bounds, experiment.sharedProperty(), experiment.sharedProblemProperty(),
                experiment.dataOptionsProperty(), workers, runData, history);
        this.history = new HistoryViewModel(history, runs);
        history.setOnProblem(status::set);
        this.history.setReporter(status::set);
        experiment.datasetProperty().addListener(o -> {
            lastDatasetGone = null;
            loadDataset();
        });
        experiment.dataOptionsProperty().addListener(o -> loadDataset());
        runs.setOnRunEnded(this::rangeTestEnded);
        oneCycle.runs().addListener((ListChangeListener<TrainingRun>) change -> {
            while (change.next()) {
                if (change.wasUpdated()) {
                    change.getList().subList(change.getFrom(), change.getTo()).forEach(this::trainingChanged);
                }
            }
        });
        loadDataset();
        this.history.refresh();
    }

    /** Starts loading and warming up the numeric engine on a thread of its own. */
    public void startEngine() {
        engine.start(EngineStatus.ownThread(), workers.fx(), EngineWarmUp::run);
    }

    private void loadDataset() {
        String name = experiment.datasetProperty().get();
        DataOptions options = experiment.dataOptionsProperty().get() != null
                ? experiment.dataOptionsProperty().get() : DataOptions.defaults();
        if (name == null || name.isBlank()) {
            return;
        }
        int request = loadRequest.incrementAndGet();
        // a new import stays one until a load of its choice ends, not of other data chosen while it waited: choosing
        // it may change the data options as well and load it again (an image folder has image options, a file none)
        if (importing != null && !importing.choice().equals(name)) {
            importing = null;
        }
        Import imported = importing;
        status.set("Loading " + name + "...");
        // until the new data is there, the forms have none to check against: the old dataset's sizes would let the
        // 1cycle panel count its steps, and an export describe the data, wrongly
        hold(null);
        oneCycle.datasetProblemProperty().set(null);
        // a request overtaken while it waited for the loader (each keystroke in the seed or the validation
        // fraction asks again) is not loaded at all, and one overtaken while it loads stops waiting (the load
        // itself stops unless a run waits for the same data)
        Loading loading = new Loading() {
            @Override
            public boolean cancelled() {
                return request != loadRequest.get();
            }

            @Override
            public void progress(long done, long total, String unit) {
                String text = total > 0
                        ? String.format(Locale.ROOT, "Loading %s: %,d of %,d %s...", name, done, total, unit)
                        : String.format(Locale.ROOT, "Loading %s: %,d %s...", name, done, unit);
                loader.fx().execute(() -> {
                    if (request == loadRequest.get()) {
                        status.set(text);
                    }
                });
            }
        };
        loader.submit(() -> request == loadRequest.get() ? datasets.loadDescribed(name, options, loading) : null,
                dataset -> {
                    if (request == loadRequest.get()) {
                        importing = null;
                        datasetLoaded(dataset);
                    }
                }, error -> {
                    if (request == loadRequest.get()) {
                        importing = null;
                        loadFailed(name, error, imported);
                    }
                });
    }

    /**
     * FX thread: loading {@code name} failed. The forms say why; a new import is undone, the dataset chosen before
     * it loaded again, and the import's caller told why.
     */
    private void loadFailed(String name, Throwable error, Import imported) {
        String why = Problems.describe(error);
        if (imported == null) {
            hold(null);
            oneCycle.datasetProblemProperty().set(why);
            experiment.datasetProblemProperty().set(Problems.cause(error));
            status.set("Could not load " + name);
            return;
        }
        experiment.datasetProblemProperty().set(null);
        // the previous choice first: the dataset box would clear its value when the item it shows is removed
        experiment.datasetProperty().set(imported.previous());
        if (imported.added()) {
            datasetChoices.remove(imported.choice());
        }
        status.set("Could not import " + name);
        imported.failed().accept(why);
    }

    private void datasetLoaded(LoadedDataset dataset) {
        experiment.datasetProblemProperty().set(null);
        hold(dataset);
        Dataset data = dataset.data();
        String sizes = String.format(Locale.ROOT, "%s: %s of %s, %d classes", data.name(), samples(data),
                data.sampleText(), data.numClasses());
        status.set(lastDatasetGone == null ? sizes : lastDatasetGone + "; opened on " + sizes);
        lastDatasetGone = null;
    }

    /**
     * FX thread: a run has its data. When that is a later load of the dataset the window holds, which found it
     * changed on disk ({@link LoadedDataset#supersedes}), the window holds it instead: the forms check against the
     * data the runs now get, and an export describes it. A run's data is passed over, not hashed or read, here.
     */
    private void runHasData(LoadedDataset data) {
        if (data.supersedes(loaded)) {
            hold(data);
            report(data.data().name() + " changed on disk; runs now use the new data: " + samples(data.data()));
        }
    }

    private static String samples(Dataset data) {
        return String.format(Locale.ROOT, "%d training and %d validation samples", data.train().size(),
                data.validation().size());
    }

    /** FX thread: the dataset the forms check against and an export describes, or none (null). */
    private void hold(LoadedDataset dataset) {
        loaded = dataset;
        experiment.loadedDatasetProperty().set(dataset == null ? null : dataset.data());
        oneCycle.trainSamplesProperty().set(dataset == null ? 0 : dataset.data().train().size());
    }

    /** Runs a range test, or a sweep when the experiment panel asks for one. Does nothing while it holds a problem. */
    public void run() {
        RangeTestConfig config = experiment.configProperty().get();
        if (config == null) {
            return;
        }
        Sweep sweep = experiment.sweepProperty().get();
        if (sweep == null) {
            RangeTestRun run = runs.start(config, experiment.dataOptionsProperty().get());
            status.set("Started " + run.name());
        } else {
            runs.startSweep(config, sweep, experiment.dataOptionsProperty().get());
            status.set("Started a sweep of " + sweep.values().size() + " range tests: " + sweep);
        }
    }

    private void rangeTestEnded(RangeTestRun run) {
        RunState state = run.state();
        String message;
        if (state.statusProperty().get() == RunStatus.FAILED) {
            message = "Run " + run.name() + " failed: " + state.failureProperty().get();
        } else {
            message = String.format(Locale.ROOT, "Run #%d %s after %d points (%.1f s)", run.number(),
                    state.stopReasonProperty().get().id(), run.points().size(), state.secondsProperty().get());
            if (offerBounds(run)) {
                message += "; bounds set from its valley";
            }
        }
        status.set(message);
        notifier.accept(message);
    }

    /**
     * Until the user picks bounds, the first whole curve with suggestions sets them from its valley; true if it did. A
     * cancelled run's partial curve offers its suggestions, but sets nothing by itself.
     */
    private boolean offerBounds(RangeTestRun run) {
        Suggestions s = run.suggestionsProperty().get();
        return s != null && run.partialCurve() == null && !bounds.pickedProperty().get()
                && bounds.setFrom(SuggestionMethod.VALLEY, s.valley(), run);
    }

    private void trainingChanged(TrainingRun run) {
        RunState state = run.state();
        RunStatus s = state.statusProperty().get();
        if (s == RunStatus.FINISHED || s == RunStatus.FAILED) {
            String message = s == RunStatus.FAILED
                    ? "Training " + run.name() + " failed: " + state.failureProperty().get()
                    : trainingEnd(run.name(), state.stopReasonProperty().get(), run.accuracyProperty().get(),
                            state.secondsProperty().get());
            status.set(message);
            notifier.accept(message);
        }
    }

    /** The message on a training's end: its last validation accuracy (NaN: stopped before its first evaluation). */
    static String trainingEnd(String name, StopReason reason, double accuracy, double seconds) {
        String result = Double.isNaN(accuracy) ? "stopped before its first evaluation"
                : String.format(Locale.ROOT, "validation accuracy %.2f%%", 100 * accuracy);
        return String.format(Locale.ROOT, "Training %s %s: %s (%.1f s)", name, reason.id(), result, seconds);
    }

    /**
     * Opens on the dataset chosen at the last launch, {@code nameOrPath}: a bundled name, or a file or folder, which
     * joins the choices as an import does. One that can no longer be loaded (deleted, moved, or changed into
     * something that is not a dataset) is taken back as a failed import is: the default stays chosen, ready to run,
     * and the status line says why once when the default has loaded. Whether the path is still
     * there is found out by its load, on the loader's thread (the experiment panel, choosing which options it shows,
     * still asks whether it is a folder or has a test set).
     */
    public void openOnLast(String nameOrPath) {
        // what is wrong names the path
        chooseDataset(nameOrPath, why -> lastDatasetGone = "The last dataset could not be loaded (" + why + ")");
    }

    /**
     * Chooses a bundled dataset by its name, or imports a file or folder by its path ({@link #importDataset}): one that
     * cannot be loaded, or whose path is none, is taken back as a failed import is, and {@code failed} gets why.
     */
    private void chooseDataset(String nameOrPath, Consumer<String> failed) {
        if (Datasets.BUNDLED.contains(nameOrPath)) {
            experiment.datasetProperty().set(nameOrPath);
            return;
        }
        try {
            importDataset(Path.of(nameOrPath), failed);
        } catch (InvalidPathException e) {
            failed.accept("'" + nameOrPath + "': " + e.getMessage());
        }
    }

    /**
     * Adds a dataset file or folder to the choices and selects it. Should its first load fail, the import is undone
     * (the choice removed again, unless it was there before, and the dataset chosen before selected again) and
     * {@code failed} gets what is wrong with it, so that a file that is not a dataset is not left chosen.
     */
    public void importDataset(Path path, Consumer<String> failed) {
        String choice = path.toAbsolutePath().toString();
        String previous = experiment.datasetProperty().get();
        if (choice.equals(previous)) {
            return;
        }
        boolean added = !datasetChoices.contains(choice);
        if (added) {
            datasetChoices.add(choice);
        }
        importing = new Import(choice, previous, added, failed);
        experiment.datasetProperty().set(choice);
    }

    /**
     * Opens what was dropped: a hyperparameter file fills the forms; a curve file (a CSV with columns lr and loss,
     * or a result.json) becomes a run; anything else (a folder, an IDX file, another CSV) is imported as a dataset.
     * The file is read on the files thread (a sweep's result.json can be large); what it holds reaches the window on
     * the FX thread, or {@code failed} gets what is wrong with it.
     */
    public void open(Path path, Consumer<String> failed) {
        open(path, true, failed);
    }

    /**
     * Opens what "Open curve..." picked: a hyperparameter file fills the forms; any other file is read as a curve,
     * and one that is not a curve reaches {@code failed} with what it lacks, never imported as a dataset.
     */
    public void openCurve(Path path, Consumer<String> failed) {
        open(path, false, failed);
    }

    private void open(Path path, boolean orDataset, Consumer<String> failed) {
        files.submit(() -> {
            if (HyperparameterFile.looksLike(path)) {
                HyperparameterFile.ReadResult read = HyperparameterFile.read(path);
                return (Runnable) () -> fill(path, read, failed);
            }
            if (orDataset && !CurveFiles.looksLikeCurve(path)) {
                return (Runnable) () -> importDataset(path, failed);
            }
            RangeTestRun.Recorded curve = RangeTestViewModel.readCurve(path);
            return (Runnable) () -> {
                RangeTestRun run = runs.show(curve);
                status.set("Opened " + run.name() + (offerBounds(run) ? "; bounds set from its valley" : ""));
            };
        }, Runnable::run, e -> failed.accept(Problems.describe(e)
                + (orDataset || CurveFiles.looksLikeCurve(path) ? "" : NOT_A_CURVE)));
    }

    /**
     * The choice as it stands, for "Export hyperparameters...": the experiment's data and model, the 1cycle panel's
     * run between the chosen bounds, the range test they were read from (a run's, or the one the hyperparameter file
     * they were read from names), and the result of the last 1cycle run when it trained under exactly these settings.
     * The range test is left out when it ran on another model, with another optimizer or on other data than the 1cycle
     * run ({@link RangeTestSection#leftOutOf}, as {@code train --hyperparams-out} leaves it out), the bounds keeping how
     * they were chosen; the training result when its run saw other data than the file describes (another dataset,
     * other split sizes, or the data before it changed on disk: {@link DatasetSection#sameData});
     * {@link HyperparameterExport#leftOut} says what was left out and why. The data
     * is described as it was loaded (see {@link LoadedDataset}), not read again.
     *
     * @throws UserInputException when the window holds no complete choice yet, saying what is missing
     */
    public HyperparameterExport hyperparameters() {
        LoadedDataset data = loaded;
        TrainingConfig training = oneCycle.configProperty().get();
        // the settings a 1cycle run takes from the experiment panel, not the range test's own: as Launch does
        if (data == null || experiment.sharedProperty().get() == null) {
            throw new UserInputException("the experiment panel is not ready: "
                    + (experiment.sharedProblemProperty().get() == null ? "the dataset is still loading"
                            : experiment.sharedProblemProperty().get()));
        }
        if (training == null) {
            throw new UserInputException("the 1cycle panel is not ready: " + oneCycle.problemProperty().get());
        }
        DatasetSection described = data.description();
        LrBounds lr = new LrBounds(bounds.minProperty().get(), bounds.maxProperty().get(),
                bounds.chosenByProperty().get());
        List<String> leftOut = new ArrayList<>();
        BoundsOrigin origin = boundsOrigin();
        RangeTestSection rangeTest = null;
        if (origin != null) {
            String why = origin.rangeTest().leftOutOf(origin.model(), origin.dataset(), training, described);
            if (why == null) {
                rangeTest = origin.rangeTest();
            } else {
                leftOut.add(why);
            }
        }
        TrainingRun trainedRun = oneCycle.runs().stream()
                .filter(r -> r.resultProperty().get() != null && r.resultProperty().get().config().equals(training))
                .findFirst().orElse(null);
        TrainingResult trained = trainedRun == null ? null : trainedRun.resultProperty().get();
        if (trained != null && !described.sameData(trainedRun.dataset())) {
            leftOut.add("the 1cycle run's results are left out: it trained on other data than the file describes");
            trained = null;
        }
        return new HyperparameterExport(described, training, lr, rangeTest, trained, leftOut);
    }

    /**
     * A range test the bounds were read from, with what an export checks it by ({@link RangeTestSection#leftOutOf}):
     * the model it ran on and the data it saw.
     */
    private record BoundsOrigin(RangeTestSection rangeTest, ModelSpec model, DatasetSection dataset) {
    }

    /**
     * The range test the bounds were read from, or null: bounds read from a hyperparameter file (adjusted by hand or
     * not) come from the range test the file names, on its data and model, or from none when it names none; else the
     * run whose suggestion gave them (adjusted by hand or not); bounds chosen by hand from the start were chosen on the
     * selected run's curve; from a seed median, on no single run's. A run still going has no range test to give.
     */
    private BoundsOrigin boundsOrigin() {
        Hyperparameters file = bounds.file();
        if (file != null) {
            return file.rangeTest() == null ? null : new BoundsOrigin(file.rangeTest(), file.model(), file.dataset());
        }
        RangeTestRun run = bounds.source() != null ? bounds.source()
                : bounds.chosenByProperty().get() == LrChoice.MANUAL ? runs.selectedProperty().get() : null;
        return run == null || run.result() == null ? null
                : new BoundsOrigin(RangeTestSection.of(run.result()), run.config().model(), run.dataset());
    }

    /**
     * Writes the hyperparameter file in the background (atomically); reports on the FX thread. The file describes
     * the data as the window loaded it; the report says when the user's file or folder has changed on disk since
     * (looked at on the files thread), and what was left out as its run saw other data.
     */
    public void exportHyperparameters(Path file, Consumer<String> failed) {
        HyperparameterExport export = hyperparameters();
        LoadedDataset data = loaded;
        write(file, f -> HyperparameterFile.write(f, export.build()), "Wrote hyperparameters to ", () -> {
            List<String> notes = new ArrayList<>();
            if (data.changedOnDisk()) {
                notes.add(data.data().name() + " has changed on disk since it was loaded; the file describes the data"
                        + " as loaded");
            }
            notes.addAll(export.leftOut());
            return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
        }, failed, () -> { });
    }

    /**
     * Writes the choice as a program for another framework (PyTorch, fastai, DL4J) that sets up the same optimizer
     * settings and schedule, in the background.
     */
    public void exportCode(Path file, ExportFormat format, Consumer<String> failed) {
        HyperparameterExport export = hyperparameters();
        write(file, f -> AtomicFiles.writeString(f, CodeExport.snippet(export.build(), format, null, f)),
                "Wrote the " + format.id() + " code to ", failed);
    }

    /**
     * Fills the forms from a hyperparameter file, read on the files thread; a bad file reaches {@code failed} with
     * a message naming the file and the field, as does a dataset of the file's that cannot be loaded.
     */
    public void openHyperparameters(Path file, Consumer<String> failed) {
        files.submit(() -> HyperparameterFile.read(file), read -> fill(file, read, failed),
                e -> failed.accept(Problems.describe(e)));
    }

    /**
     * FX thread: fills the forms from a hyperparameter file read, and reports what could not be taken over. Its
     * dataset is chosen last, with the file's options: a file or folder of the user's is imported, joining the
     * dataset choices, and one that cannot be loaded is taken back as a failed import is, {@code failed} saying why.
     */
    private void fill(Path file, HyperparameterFile.ReadResult read, Consumer<String> failed) {
        List<String> notes = new ArrayList<>(read.warnings());
        // the file's data options are for its own data: one that does not load leaves the dataset chosen before
        // with the options it was loaded with
        ExperimentViewModel.DataFields before = experiment.dataFields();
        notes.addAll(HyperparameterImport.fill(read.hyperparameters(), experiment, oneCycle, bounds));
        chooseDataset(read.hyperparameters().dataset().source(), why -> {
            experiment.setDataFields(before);
            failed.accept(file + ": the dataset could not be loaded, the one chosen before stays (" + why + ")");
        });
        report("Read the hyperparameters of " + file.getFileName()
                + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)));
    }

    /**
     * Writes the curves of the shown runs that have ended as CSV ({@link CurveCsv}), in the background: one curve
     * without a run column, several with each run's number in it and, when every one of them is a member of a sweep of
     * one factor, a column of each member's value of that factor (as {@code range-test --sweep --csv} writes it). A
     * seed sweep drawn as its mean and band is shown through its members' curves, the data of both.
     *
     * @throws UserInputException when no run has points, or none of those is shown
     */
    public void exportCurves(Path file, Consumer<String> failed) {
        List<RangeTestRun> shown = shownCurves();
        List<CurveCsv.Run> curves = shown.stream().map(r -> new CurveCsv.Run(String.valueOf(r.number()),
                r.family() == null ? null : r.family().valueOf(r), r.points())).toList();
        SweepFactor factor = sweptFactor(shown);
        write(file, f -> {
            if (curves.size() == 1) {
                CurveCsv.write(f, curves.get(0).points());
            } else if (factor != null) {
                CurveCsv.writeRuns(f, curves, factor);
            } else {
                CurveCsv.writeRuns(f, curves);
            }
        }, "Wrote " + Counts.of(curves.size(), "curve") + " to ", failed);
    }

    /** The factor of the sweeps every one of {@code runs} is a member of, or null: none, or not the same for all. */
    private static SweepFactor sweptFactor(List<RangeTestRun> runs) {
        List<SweepFactor> factors = runs.stream().map(r -> r.family() == null ? null : r.family().sweep().factor())
                .distinct().toList();
        return factors.size() == 1 ? factors.get(0) : null;
    }

    /**
     * The runs whose curves an export of the chart's curves writes: those with points whose Show box is ticked, and
     * the members of a seed sweep whose mean and band are drawn (their own curves are hidden then).
     *
     * @throws UserInputException when there are none, saying why
     */
    List<RangeTestRun> shownCurves() {
        List<RangeTestRun> ended = runs.runs().stream().filter(r -> !r.points().isEmpty()).toList();
        if (ended.isEmpty()) {
            throw new UserInputException("no run has ended yet: nothing to export");
        }
        List<RangeTestRun> shown = ended.stream()
                .filter(r -> r.visibleProperty().get()
                        || (r.family() != null && r.family().seedsProperty().get() != null))
                .toList();
        if (shown.isEmpty()) {
            throw new UserInputException("no finished run is shown: nothing to export");
        }
        return shown;
    }

    /** Writes a picture of a chart, taken on the FX thread, as PNG in the background. */
    public void exportChartPng(WritableImage image, Path file, Consumer<String> failed) {
        write(file, f -> ChartImages.writePng(image, f), "Wrote the chart to ", failed);
    }

    /**
     * Saves a training run's network (a DL4J zip, written atomically) in the background; {@code saved} runs on the FX
     * thread once it is written. A run that did not complete is saved as it stopped, and the report says so.
     */
    public void saveModel(TrainingRun run, Path file, Consumer<String> failed, Runnable saved) {
        StopReason reason = run.resultProperty().get().stopReason();
        String stopped = reason == StopReason.COMPLETED ? "" : " (as it stopped: " + reason.id() + ")";
        write(file, f -> oneCycle.saving(run, f).call(), "Saved the " + run.name() + " model" + stopped + " to ",
                () -> "", failed, saved);
    }

    /** Writes one file, given where it goes; may throw what writing it throws. */
    private interface FileWriting {
        void write(Path file) throws Exception;
    }

    /**
     * Writes {@code file} on the files thread; on the FX thread, reports {@code done} followed by the file, or hands
     * {@code failed} what went wrong.
     */
    private void write(Path file, FileWriting writing, String done, Consumer<String> failed) {
        write(file, writing, done, () -> "", failed, () -> { });
    }

    /**
     * As {@link #write(Path, FileWriting, String, Consumer)}, with {@code note} after the file in the report (read
     * on the files thread once the file is written), then runs {@code then}.
     */
    private void write(Path file, FileWriting writing, String done, Supplier<String> note, Consumer<String> failed,
                       Runnable then) {
        files.submit(() -> {
            writing.write(file);
            return done + file + note.get();
        }, message -> {
            report(message);
            then.run();
        }, e -> failed.accept(Problems.describe(e)));
    }

    /**
     * The window has closed: stops the runs, then waits for what they and the user asked to be written (their ends
     * in the run history, exports, a saved model) for up to {@code wait}. A run stops within one step; what is not
     * written by then is left, and the run history marks a run whose end was not written as interrupted when it is
     * next opened.
     *
     * @return whether everything was written in time
     */
    public boolean close(Duration wait) {
        runs.cancelAll();
        oneCycle.cancel();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            // the runs queue their ends for the history thread, so they go first; a sweep's end waits for the FX
            // thread, which waits here, so it is written from the members' results
            boolean done = workers.finish(deadline);
            runs.recordSweepsAtClose();
            done &= files.finish(deadline);
            return history.store().finish(deadline) && done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A message for the status line and a notification. */
    public void report(String message) {
        status.set(message);
        notifier.accept(message);
    }

    /** Receives the messages worth a notification (runs ended, files written). */
    public void setNotifier(Consumer<String> notifier) {
        this.notifier = notifier;
    }

    public EngineStatus engine() {
        return engine;
    }

    public ExperimentViewModel experiment() {
        return experiment;
    }

    public LrBoundsViewModel bounds() {
        return bounds;
    }

    public RangeTestViewModel runs() {
        return runs;
    }

    public OneCycleViewModel oneCycle() {
        return oneCycle;
    }

    public HistoryViewModel history() {
        return history;
    }

    /** Bundled dataset names, then imported paths. */
    public ObservableList<String> datasetChoices() {
        return datasetChoices;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
