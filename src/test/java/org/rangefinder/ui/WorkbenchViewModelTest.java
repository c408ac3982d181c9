package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.TestData;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.engine.StopReason;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunRecord;
import org.rangefinder.hyperparams.DatasetSection;
import org.rangefinder.hyperparams.HyperparameterFile;
import org.rangefinder.hyperparams.Hyperparameters;
import org.rangefinder.hyperparams.LrChoice;
import org.rangefinder.hyperparams.RangeTestSection;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.rangetest.CurveCsv;
import org.rangefinder.rangetest.CurvePoint;
import org.rangefinder.rangetest.RangeTest;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestListener;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.rangetest.SuggestionMethod;
import org.rangefinder.rangetest.SuggestionOptions;
import org.rangefinder.rangetest.Suggestions;
import org.rangefinder.rangetest.Sweep;
import org.rangefinder.rangetest.SweepFactor;
import org.rangefinder.ui.data.DatasetCache;
import org.rangefinder.ui.export.HyperparameterExport;
import org.rangefinder.ui.history.HistoryStore;
import org.rangefinder.ui.onecycle.TrainingRun;
import org.rangefinder.ui.rangetest.ExperimentField;
import org.rangefinder.ui.rangetest.ExperimentViewModel;
import org.rangefinder.ui.rangetest.RangeTestRun;
import org.rangefinder.ui.work.BackgroundExecutor;
import org.rangefinder.ui.work.RunStatus;

class WorkbenchViewModelTest {
    /** Where a test that expects no problem sends one: it fails the test (the executors run in its thread). */
    private static final java.util.function.Consumer<String> NO_PROBLEM = m -> {
        throw new AssertionError(m);
    };
    @TempDir
    static Path historyFolder;

    private final WorkbenchViewModel vm = workbench();

    @TempDir
    Path tmp;

    private static WorkbenchViewModel workbench() {
        return new WorkbenchViewModel(Direct.executor(), Direct.executor(), Direct.executor(), new DatasetCache(),
                new HistoryStore(historyFolder, Direct.executor()));
    }

    /** The status line follows a load as its loader reports it, then says what was loaded. */
    @Test
    void theStatusLineFollowsALoad() {
        List<String> shown = new ArrayList<>();
        WorkbenchViewModel following = new WorkbenchViewModel(Direct.executor(), Direct.executor(), Direct.executor(),
                (name, options, loading) -> {
                    loading.progress(3, 10, "images");
                    loading.progress(2048, 0, "lines");
                    return Datasets.load("iris", options);
                }, new HistoryStore(historyFolder, Direct.executor()));
        following.statusProperty().addListener((o, was, now) -> shown.add(now));
        following.experiment().datasetProperty().set("iris");
        assertThat(shown).containsExactly("Loading iris...", "Loading iris: 3 of 10 images...",
                "Loading iris: 2,048 lines...", "iris: 120 training and 30 validation samples of 4 features, 3 classes");
    }

    @Test
    void choosingADatasetLoadsIt() {
        assertThat(vm.experiment().loadedDatasetProperty().get().name()).isEqualTo("digits");
        vm.experiment().datasetProperty().set("iris");
        assertThat(vm.experiment().loadedDatasetProperty().get().name()).isEqualTo("iris");
        assertThat(vm.oneCycle().trainSamplesProperty().get()).isEqualTo(120);
        assertThat(vm.statusProperty().get()).startsWith("iris: 120 training and 30 validation samples");
    }

    /**
     * While another dataset loads (its load queued, here), the forms hold none: the 1cycle panel waits instead of
     * counting steps with the old dataset's samples, and an export refuses instead of describing the old data.
     */
    @Test
    void whileAnotherDatasetLoadsTheFormsHoldNone() {
        java.util.Queue<Runnable> loads = new java.util.ArrayDeque<>();
        WorkbenchViewModel loading = new WorkbenchViewModel(Direct.executor(),
                new BackgroundExecutor(loads::add, Runnable::run), Direct.executor(), new DatasetCache(),
                new HistoryStore(historyFolder, Direct.executor()));
        loads.poll().run(); // digits, the default
        assertThat(loading.oneCycle().trainSamplesProperty().get()).isEqualTo(1438);
        loading.experiment().datasetProperty().set("iris");
        assertThat(loading.experiment().loadedDatasetProperty().get()).isNull();
        assertThat(loading.oneCycle().problemProperty().get()).isEqualTo("waiting for the dataset to load");
        assertThat(loading.oneCycle().configProperty().get()).isNull();
        assertThatThrownBy(loading::hyperparameters).isInstanceOf(UserInputException.class)
                .hasMessageContaining("the dataset is still loading");
        loads.poll().run();
        assertThat(loading.oneCycle().trainSamplesProperty().get()).isEqualTo(120);
    }

    /** The 1cycle panel says the load failed: "waiting for the dataset to load" would wait for ever. */
    @Test
    void aDatasetThatCannotBeLoadedIsAProblemOfTheFormsAndNotAWait() {
        vm.experiment().datasetProperty().set(tmp.resolve("missing.csv").toString());
        assertThat(vm.experiment().loadedDatasetProperty().get()).isNull();
        assertThat(vm.experiment().problemProperty().get()).contains("missing.csv");
        assertThat(vm.oneCycle().problemProperty().get()).startsWith("the dataset could not be loaded: ")
                .contains("missing.csv");
        vm.experiment().datasetProperty().set("iris");
        assertThat(vm.oneCycle().problemProperty().get()).isNull();
    }

    /**
     * A file imported as a dataset that will not load as one (a curve-like CSV: every label its own class) is not
     * left chosen and listed as if usable: the choice goes, the dataset chosen before is back, and the caller hears
     * why.
     */
    @Test
    void anImportThatFailsToLoadIsUndoneAndSaysWhy() throws Exception {
        Path notData = Files.writeString(tmp.resolve("bad1.csv"), "learning_rate,value\n0.001,2.3\n0.01,2.1\n");
        vm.experiment().datasetProperty().set("iris");
        List<String> problems = new ArrayList<>();
        vm.open(notData, problems::add);
        assertThat(problems).singleElement().asString().contains("bad1.csv").contains("no class has two samples");
        assertThat(vm.datasetChoices()).containsExactlyElementsOf(Datasets.BUNDLED);
        assertThat(vm.experiment().datasetProperty().get()).isEqualTo("iris");
        assertThat(vm.experiment().loadedDatasetProperty().get().name()).isEqualTo("iris");
        assertThat(vm.experiment().problemProperty().get()).isNull();
        assertThat(vm.oneCycle().problemProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).isEqualTo("Could not import " + notData.toAbsolutePath());
    }

    /**
     * An import is undone when it fails to load, also when choosing it changes the data options and asks for a
     * second load before the first ran (the image options of an image folder, held at 8x6 in colours here, apply to a
     * folder and to no file): an empty folder imported over digits, and a bad CSV imported over an image folder.
     */
    @Test
    void anImportThatAlsoChangesTheDataOptionsIsUndoneWhenItFails() throws Exception {
        Queue<Runnable> loads = new ArrayDeque<>();
        WorkbenchViewModel queued = new WorkbenchViewModel(Direct.executor(),
                new BackgroundExecutor(loads::add, Runnable::run), Direct.executor(), new DatasetCache(),
                new HistoryStore(historyFolder, Direct.executor()));
        queued.experiment().imageSizeProperty().set("8x6");
        queued.experiment().rgbProperty().set(true);
        drain(loads);
        Path empty = Files.createDirectory(tmp.resolve("not-images"));
        List<String> problems = new ArrayList<>();
        queued.importDataset(empty, problems::add);
        drain(loads);
        assertThat(problems).singleElement().asString().contains("not-images");
        assertThat(queued.datasetChoices()).containsExactlyElementsOf(Datasets.BUNDLED);
        assertThat(queued.experiment().datasetProperty().get()).isEqualTo("digits");
        assertThat(queued.experiment().loadedDatasetProperty().get().name()).isEqualTo("digits");

        Path folder = TestData.imageFolder(tmp.resolve("photos"), 20);
        queued.importDataset(folder, NO_PROBLEM);
        drain(loads);
        assertThat(queued.experiment().loadedDatasetProperty().get().sampleShape()).containsExactly(3, 6, 8);
        Path notData = Files.writeString(tmp.resolve("bad1.csv"), "learning_rate,value\n0.001,2.3\n0.01,2.1\n");
        problems.clear();
        queued.importDataset(notData, problems::add);
        drain(loads);
        assertThat(problems).singleElement().asString().contains("bad1.csv").contains("no class has two samples");
        assertThat(queued.datasetChoices()).doesNotContain(notData.toAbsolutePath().toString());
        assertThat(queued.experiment().datasetProperty().get()).isEqualTo(folder.toAbsolutePath().toString());
        assertThat(queued.experiment().loadedDatasetProperty().get().sampleShape()).containsExactly(3, 6, 8);
    }

    /**
     * A run started while the dataset loads waits for it and is checked against it then: a batch larger than the
     * data fails the run, saying why, and the field is flagged once the window has the data.
     */
    @Test
    void aRunStartedWhileTheDataLoadsIsCheckedAgainstItThen() {
        Queue<Runnable> loads = new ArrayDeque<>();
        WorkbenchViewModel queued = new WorkbenchViewModel(Direct.executor(),
                new BackgroundExecutor(loads::add, Runnable::run), Direct.executor(), new DatasetCache(),
                new HistoryStore(historyFolder, Direct.executor()));
        List<String> notes = new ArrayList<>();
        queued.setNotifier(notes::add);
        drain(loads);
        queued.experiment().datasetProperty().set("iris");
        queued.experiment().batchSizeProperty().set("500");
        assertThat(queued.experiment().problemProperty().get()).as("nothing to check against yet").isNull();
        queued.run();
        RangeTestRun run = queued.runs().runs().get(0);
        assertThat(run.state().statusProperty().get()).isEqualTo(RunStatus.FAILED);
        assertThat(run.state().failureProperty().get()).contains("500").contains("120 training samples");
        // the notification says which run failed, and why
        assertThat(notes).containsExactly("Run #1 iris, mlp 128-128, nesterov failed: --batch-size 500 is larger than "
                + "the 120 training samples of the dataset: a range test takes full batches only");
        drain(loads);
        assertThat(queued.experiment().invalidFieldProperty().get()).isEqualTo(ExperimentField.BATCH_SIZE);
        assertThat(queued.experiment().problemProperty().get()).contains("120 training samples");
    }

    private static void drain(Queue<Runnable> tasks) {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }

    /**
     * An image folder's size and colours reach the data, the export records them, and opening the file sets them
     * again in the form.
     */
    @Test
    void anImageFoldersSizeAndColoursGoIntoTheExportAndComeBackFromIt() throws Exception {
        Path folder = TestData.imageFolder(tmp.resolve("photos"), 20);
        vm.importDataset(folder, NO_PROBLEM);
        vm.experiment().imageSizeProperty().set("8x6");
        vm.experiment().rgbProperty().set(true);
        vm.experiment().batchSizeProperty().set("4");
        assertThat(vm.experiment().loadedDatasetProperty().get().sampleShape()).containsExactly(3, 6, 8);
        Path file = tmp.resolve("h.json");
        vm.exportHyperparameters(file, NO_PROBLEM);
        Hyperparameters h = HyperparameterFile.read(file).hyperparameters();
        assertThat(h.dataset().dataOptions()).isEqualTo(vm.experiment().dataOptionsProperty().get());
        assertThat(h.dataset().sampleShape()).containsExactly(3, 6, 8);

        vm.experiment().imageSizeProperty().set("28x28");
        vm.experiment().rgbProperty().set(false);
        vm.experiment().datasetProperty().set("digits");
        vm.openCurve(file, NO_PROBLEM);
        assertThat(vm.experiment().datasetProperty().get()).isEqualTo(folder.toString());
        assertThat(vm.experiment().imageSizeProperty().get()).isEqualTo("8x6");
        assertThat(vm.experiment().rgbProperty().get()).isTrue();
    }

    /**
     * The window's history folder (-Drangefinder.workspace) inside the image folder a range test reads: each run
     * wrote its run.json, settings.json and curve.csv among the samples, and the next load of the folder failed on
     * them ("not an image"). The run now goes on unrecorded, the status line says why once, naming the folder, and
     * nothing is made there, not even the folder by the history's first read as the window opens.
     */
    @Test
    void aRunOfAnImageFolderHoldingTheHistorysFolderIsNotRecorded() throws Exception {
        Path images = TestData.imageFolder(tmp.resolve("photos"), 20);
        Path runs = images.resolve("runs");
        WorkbenchViewModel inImages = new WorkbenchViewModel(Direct.executor(), Direct.executor(), Direct.executor(),
                new DatasetCache(), new HistoryStore(runs, Direct.executor()));
        List<String> shown = new ArrayList<>();
        inImages.statusProperty().addListener((o, was, now) -> shown.add(now));
        inImages.importDataset(images, NO_PROBLEM);
        inImages.experiment().batchSizeProperty().set("4");
        inImages.experiment().iterationsProperty().set("10");
        inImages.run();
        assertThat(inImages.runs().runs().get(0).state().statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(shown).filteredOn(m -> m.startsWith("Run history")).containsExactly("Run history: this run is "
                + "not recorded: the run history's folder " + runs + " is inside the image folder " + images
                + " the run reads: writing there would change the dataset; give a folder outside it with "
                + "-Drangefinder.workspace=DIR");
        assertThat(runs).doesNotExist();
        assertThat(Datasets.load(images.toString(), DataOptions.defaults()).classNames())
                .containsExactly("dark", "light");
    }

    /**
     * "Open curve..." opens a curve or a hyperparameter file and nothing else: a CSV without lr and loss columns is
     * refused, naming the file and the columns it lacks, and the dataset stays as it was.
     */
    @Test
    void openCurveRefusesAFileThatIsNotACurveAndLeavesTheDatasetAlone() throws Exception {
        Path notACurve = Files.writeString(tmp.resolve("bad1.csv"), "learning_rate,value\n0.001,2.3\n0.01,2.1\n");
        List<String> problems = new ArrayList<>();
        vm.openCurve(notACurve, problems::add);
        assertThat(problems).singleElement().asString()
                .startsWith(notACurve + ": line 1: no columns named 'lr' and 'loss' in the header "
                        + "[learning_rate, value]")
                .contains("Import dataset file...");
        assertThat(vm.datasetChoices()).containsExactlyElementsOf(Datasets.BUNDLED);
        assertThat(vm.experiment().datasetProperty().get()).isEqualTo("digits");
        assertThat(vm.runs().runs()).isEmpty();

        Path curve = Files.writeString(tmp.resolve("history.csv"), "lr,loss\n1e-5,2.3\n1e-4,2.2\n");
        Path settings = tmp.resolve("h.json");
        vm.exportHyperparameters(settings, NO_PROBLEM);
        vm.openCurve(curve, NO_PROBLEM);
        vm.openCurve(settings, NO_PROBLEM);
        assertThat(vm.runs().runs()).hasSize(1);
        assertThat(vm.statusProperty().get()).startsWith("Read the hyperparameters of h.json");
    }

    /**
     * Data whose file is gone right after it loaded is still the data of the forms and the runs, and an export
     * describes it as it was read (its SHA-256 taken then), saying that the file has changed since.
     */
    @Test
    void dataWhoseFileIsGoneAfterItLoadedRunsAndIsExportedAsItWasRead() throws Exception {
        byte[] bytes = TestData.irisCsv(i -> true);
        Path csv = Files.write(tmp.resolve("flowers.csv"), bytes);
        String path = csv.toAbsolutePath().toString();
        Dataset[] loaded = new Dataset[1];
        WorkbenchViewModel vanishing = new WorkbenchViewModel(Direct.executor(), Direct.executor(), Direct.executor(),
                (name, options, loading) -> {
                    if (!name.equals(path)) {
                        return Datasets.load(name, options, loading);
                    }
                    if (loaded[0] == null) {
                        loaded[0] = Datasets.load(name, options, loading);
                        try {
                            Files.delete(csv);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                    return loaded[0];
                }, new HistoryStore(historyFolder, Direct.executor()));
        vanishing.importDataset(csv, NO_PROBLEM);
        assertThat(vanishing.experiment().loadedDatasetProperty().get()).isSameAs(loaded[0]);
        vanishing.experiment().iterationsProperty().set("30");
        vanishing.run();
        assertThat(vanishing.runs().runs().get(0).state().statusProperty().get()).isEqualTo(RunStatus.FINISHED);

        Path file = tmp.resolve("h.json");
        vanishing.exportHyperparameters(file, NO_PROBLEM);
        Hyperparameters h = HyperparameterFile.read(file).hyperparameters();
        assertThat(h.dataset().sha256()).isEqualTo(TestData.sha256(bytes));
        assertThat(h.dataset().trainSamples()).isEqualTo(120);
        assertThat(vanishing.statusProperty().get()).isEqualTo("Wrote hyperparameters to " + file + " (flowers.csv "
                + "has changed on disk since it was loaded; the file describes the data as loaded)");
    }

    /**
     * A CSV range-tested and trained on, then changed on disk (every third row dropped): the next range test reads
     * the new file, and the window holds the new data from then on, saying so. An export describes the new data, and
     * leaves out the range test and the training made on the old, which the file would misdescribe, saying why; a
     * range test on the new data is written.
     */
    @Test
    void aRunOnACsvChangedOnDiskMovesTheWindowAndItsExportToTheNewData() throws Exception {
        Path csv = Files.write(tmp.resolve("flowers.csv"), TestData.irisCsv(i -> true));
        List<String> notes = new ArrayList<>();
        vm.setNotifier(notes::add);
        vm.importDataset(csv, NO_PROBLEM);
        vm.experiment().iterationsProperty().set("30");
        vm.run();
        RangeTestRun old = vm.runs().runs().get(0);
        assertThat(vm.bounds().source()).isSameAs(old);
        vm.oneCycle().launch();
        TrainingRun trained = vm.oneCycle().runs().get(0);
        assertThat(trained.resultProperty().get()).isNotNull();

        TestData.rewriteIrisCsv(csv, i -> i % 3 != 0, 1);
        vm.run();
        RangeTestRun fresh = vm.runs().runs().get(1);
        assertThat(fresh.state().statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(notes).contains(
                "flowers.csv changed on disk; runs now use the new data: 79 training and 21 validation samples");
        assertThat(vm.experiment().loadedDatasetProperty().get().train().size()).isEqualTo(79);
        assertThat(vm.oneCycle().trainSamplesProperty().get()).isEqualTo(79);
        // 79 training samples take as many batches of 64 as 120 did: the 1cycle settings, and the run's, are the same
        assertThat(vm.oneCycle().configProperty().get()).isEqualTo(trained.config());

        Path file = tmp.resolve("h.json");
        vm.exportHyperparameters(file, NO_PROBLEM);
        Hyperparameters h = HyperparameterFile.read(file).hyperparameters();
        assertThat(h.dataset().sha256()).isEqualTo(TestData.sha256(TestData.irisCsv(i -> i % 3 != 0)));
        assertThat(h.dataset().trainSamples()).isEqualTo(79);
        assertThat(h.dataset().validationSamples()).isEqualTo(21);
        assertThat(h.lr().max()).isEqualTo(old.suggestionsProperty().get().valley());
        assertThat(h.rangeTest()).as("the range test on the old data").isNull();
        assertThat(h.training()).as("the training on the old data").isNull();
        assertThat(vm.statusProperty().get()).isEqualTo("Wrote hyperparameters to " + file + " (the range test is "
                + "left out: it ran on other data than the file describes; the 1cycle run's results are left out: it "
                + "trained on other data than the file describes)");

        vm.bounds().setFrom(SuggestionMethod.VALLEY, fresh.suggestionsProperty().get().valley(), fresh);
        var export = vm.hyperparameters();
        assertThat(export.rangeTest()).isEqualTo(RangeTestSection.of(fresh.result()));
        assertThat(export.leftOut()).containsExactly(
                "the 1cycle run's results are left out: it trained on other data than the file describes");
    }

    /**
     * A 1cycle launched after the CSV changed on disk, before any range test read it anew: its steps were planned for
     * the data loaded before, of another size, so it is refused with why, and the window then holds the new data, so
     * that launching again trains on it.
     */
    @Test
    void aOneCycleLaunchedAfterTheCsvChangedOnDiskIsRefusedAndTheNextLaunchTrainsOnTheNewData() throws Exception {
        Path csv = Files.write(tmp.resolve("flowers.csv"), TestData.irisCsv(i -> true));
        vm.importDataset(csv, NO_PROBLEM);
        vm.experiment().iterationsProperty().set("30");
        vm.experiment().batchSizeProperty().set("16");
        vm.oneCycle().batchSizeProperty().set("16");
        vm.run();
        assertThat(vm.oneCycle().configProperty().get().oneCycle().totalSteps()).as("5 epochs of 120 / 16 batches")
                .isEqualTo(40);

        TestData.rewriteIrisCsv(csv, i -> i % 2 != 0, 1); // 75 rows: 60 training samples, 4 batches of 16
        List<String> notes = new ArrayList<>();
        vm.setNotifier(notes::add);
        vm.oneCycle().launch();
        TrainingRun refused = vm.oneCycle().runs().get(0);
        String why = "flowers.csv changed on disk after this launch was planned: its 60 training samples take 20 "
                + "iterations, not 40; launch again to train on the new data";
        assertThat(refused.state().statusText().get()).isEqualTo("failed: " + why);
        // the notification says which run failed, and why
        assertThat(notes).containsExactly(
                "flowers.csv changed on disk; runs now use the new data: 60 training and 15 validation samples",
                "Training 1cycle failed: " + why);
        assertThat(vm.oneCycle().trainSamplesProperty().get()).isEqualTo(60);
        assertThat(vm.oneCycle().problemProperty().get()).isNull();

        vm.oneCycle().launch();
        TrainingRun trained = vm.oneCycle().runs().get(0);
        assertThat(trained).isNotSameAs(refused);
        assertThat(trained.state().statusText().get()).isEqualTo("finished");
        assertThat(trained.resultProperty().get().config().oneCycle().totalSteps()).isEqualTo(20);
    }

    /**
     * Runs get their data in one order and report it in another (each run's FX work left in a list here, run by the
     * test): the window keeps the newest data, not the older data of a run reported late; and data of the dataset it
     * no longer holds (another one chosen meanwhile) does not replace the chosen one.
     */
    @Test
    void dataLoadedBeforeTheHeldDataOrOfAnotherDatasetDoesNotReplaceIt() throws Exception {
        Path csv = Files.write(tmp.resolve("flowers.csv"), TestData.irisCsv(i -> true));
        List<Runnable> fx = new ArrayList<>();
        WorkbenchViewModel late = new WorkbenchViewModel(new BackgroundExecutor(Runnable::run, fx::add),
                Direct.executor(), Direct.executor(), new DatasetCache(),
                new HistoryStore(historyFolder, Direct.executor()));
        late.importDataset(csv, NO_PROBLEM);
        late.experiment().iterationsProperty().set("30");
        TestData.rewriteIrisCsv(csv, i -> i % 3 != 0, 1);
        List<Runnable> older = runLeavingFx(late, fx);
        TestData.rewriteIrisCsv(csv, i -> i % 5 != 0, 2);
        List<Runnable> newer = runLeavingFx(late, fx);
        assertThat(late.oneCycle().trainSamplesProperty().get()).isEqualTo(120);
        newer.forEach(Runnable::run);
        assertThat(late.oneCycle().trainSamplesProperty().get()).isEqualTo(96);
        older.forEach(Runnable::run);
        assertThat(late.oneCycle().trainSamplesProperty().get()).as("the older data reported late").isEqualTo(96);
        assertThat(late.hyperparameters().dataset().sha256())
                .isEqualTo(TestData.sha256(TestData.irisCsv(i -> i % 5 != 0)));

        TestData.rewriteIrisCsv(csv, i -> i % 2 != 0, 3);
        List<Runnable> otherDataset = runLeavingFx(late, fx);
        late.experiment().datasetProperty().set("wine");
        otherDataset.forEach(Runnable::run);
        assertThat(late.experiment().loadedDatasetProperty().get().name()).isEqualTo("wine");
    }

    /** Starts a range test, which runs at once; returns the FX thread's work it left, which waits in {@code fx}. */
    private static List<Runnable> runLeavingFx(WorkbenchViewModel vm, List<Runnable> fx) {
        int from = fx.size();
        vm.run();
        return List.copyOf(fx.subList(from, fx.size()));
    }

    @Test
    void aFinishedRunSetsTheBoundsFromItsValleyOnceAndNotifies() {
        List<String> notes = new ArrayList<>();
        vm.setNotifier(notes::add);
        vm.experiment().datasetProperty().set("iris");
        vm.experiment().iterationsProperty().set("30");
        vm.run();
        var run = vm.runs().runs().get(0);
        assertThat(run.state().statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(vm.bounds().maxProperty().get()).isEqualTo(run.suggestionsProperty().get().valley());
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0)).startsWith("Run #1 ").endsWith("bounds set from its valley");
        vm.bounds().maxProperty().set(0.02);
        vm.run();
        assertThat(vm.bounds().maxProperty().get()).as("a manual choice is kept").isEqualTo(0.02);
    }

    @Test
    void aTrainingsEndSaysItsAccuracyOrThatItHadNone() {
        assertThat(WorkbenchViewModel.trainingEnd("#3 1cycle", StopReason.COMPLETED, 0.96875, 12.34))
                .isEqualTo("Training #3 1cycle completed: validation accuracy 96.88% (12.3 s)");
        assertThat(WorkbenchViewModel.trainingEnd("#3 1cycle", StopReason.CANCELLED, Double.NaN, 0.25))
                .isEqualTo("Training #3 1cycle cancelled: stopped before its first evaluation (0.3 s)");
    }

    @Test
    void theHyperparametersNameTheRangeTestAndTheCycle() {
        vm.experiment().datasetProperty().set("iris");
        vm.experiment().iterationsProperty().set("30");
        vm.run();
        Hyperparameters h = vm.hyperparameters().build();
        assertThat(h.lr().chosenBy()).isEqualTo("valley");
        assertThat(h.rangeTest().iterations()).isEqualTo(30);
        assertThat(h.oneCycle().totalSteps()).isEqualTo(10);
        // a second run (another seed), selected now, did not give the bounds: the file names the first
        RangeTestResult first = vm.runs().runs().get(0).result();
        vm.experiment().seedProperty().set("7");
        vm.run();
        assertThat(vm.runs().selectedProperty().get()).isSameAs(vm.runs().runs().get(1));
        assertThat(vm.hyperparameters().build().rangeTest().suggestions().valley()).isEqualTo(first.suggestions().valley())
                .isNotEqualTo(vm.runs().runs().get(1).result().suggestions().valley());
        vm.experiment().seedProperty().set("42");
        vm.experiment().hiddenSizesProperty().set("32");
        assertThat(vm.hyperparameters().build().rangeTest()).as("a range test on another model is left out").isNull();
        assertThat(vm.hyperparameters().leftOut())
                .containsExactly("the range test is left out: it ran on another model than the 1cycle run");
        vm.experiment().hiddenSizesProperty().set("128, 128");
        assertThat(vm.hyperparameters().build().rangeTest()).isNotNull();
        vm.experiment().datasetProperty().set("wine");
        assertThat(vm.hyperparameters().build().rangeTest()).as("a range test on other data is left out").isNull();
        vm.oneCycle().epochsProperty().set("0");
        assertThatThrownBy(vm::hyperparameters).isInstanceOf(UserInputException.class)
                .hasMessage("the 1cycle panel is not ready: Epochs must be at least 1, got 0");
    }

    /**
     * A range test with another optimizer than the 1cycle run now has is left out of the export, as one on another
     * model is, whether the bounds came from a run or from a file: the file said sgd, with bounds read off Adam's
     * curve.
     */
    @Test
    void aRangeTestWithAnotherOptimizerIsLeftOutOfTheExport() throws Exception {
        vm.experiment().datasetProperty().set("iris");
        vm.experiment().iterationsProperty().set("30");
        vm.experiment().optimizerProperty().set(OptimizerKind.ADAM);
        vm.run();
        Path adam = tmp.resolve("adam.json");
        vm.exportHyperparameters(adam, NO_PROBLEM);
        assertThat(HyperparameterFile.read(adam).hyperparameters().rangeTest().optimizer()).isEqualTo("adam");

        vm.experiment().optimizerProperty().set(OptimizerKind.SGD);
        Path sgd = tmp.resolve("sgd.json");
        vm.exportHyperparameters(sgd, NO_PROBLEM);
        Hyperparameters h = HyperparameterFile.read(sgd).hyperparameters();
        assertThat(h.optimizer().name()).isEqualTo("sgd");
        assertThat(h.rangeTest()).isNull();
        assertThat(vm.statusProperty().get()).isEqualTo("Wrote hyperparameters to " + sgd + " (the range test is "
                + "left out: it ran with another optimizer (adam) than the 1cycle run (sgd))");

        WorkbenchViewModel other = workbench();
        other.open(adam, NO_PROBLEM);
        assertThat(other.hyperparameters().build().rangeTest()).isNotNull();
        other.experiment().optimizerProperty().set(OptimizerKind.NESTEROV);
        assertThat(other.hyperparameters().build().rangeTest()).as("the file's, with another optimizer").isNull();
        assertThat(other.hyperparameters().leftOut()).containsExactly(
                "the range test is left out: it ran with another optimizer (adam) than the 1cycle run (nesterov)");
    }

    @Test
    void aCsvWithLrAndLossColumnsIsACurveAndAnythingElseADataset() throws Exception {
        Path curve = Files.writeString(tmp.resolve("history.csv"), "\"lr\";\"loss\"\n1e-5;2.3\n1e-4;2.2\n");
        Path data = Files.copy(Datasets.bundledRoot().resolve("iris").resolve("iris.csv"), tmp.resolve("data.csv"));
        vm.open(curve, NO_PROBLEM);
        assertThat(vm.runs().runs()).hasSize(1);
        assertThat(vm.runs().runs().get(0).state().statusProperty().get()).isEqualTo(RunStatus.IMPORTED);
        vm.open(data, NO_PROBLEM);
        assertThat(vm.datasetChoices()).contains(data.toAbsolutePath().toString());
        assertThat(vm.experiment().datasetProperty().get()).isEqualTo(data.toAbsolutePath().toString());
        assertThat(vm.experiment().loadedDatasetProperty().get().train().size()).isEqualTo(120);
    }

    /**
     * A curve file the engine reads is opened as a curve, whatever the window's guess made of its first line: one
     * that starts with a byte order mark (Windows Notepad) or with blank lines was imported as a dataset.
     */
    @Test
    void aCurveWithAByteOrderMarkOrBlankLinesFirstIsOpenedAsACurve() throws Exception {
        Path bom = Files.writeString(tmp.resolve("bom.csv"), "\uFEFFlr,loss\n1e-5,2.3\n1e-4,2.2\n");
        Path blank = Files.writeString(tmp.resolve("blank.csv"), "\n  \nlr\tloss\n1e-5\t2.3\n1e-4\t2.2\n");
        vm.open(bom, NO_PROBLEM);
        vm.open(blank, NO_PROBLEM);
        assertThat(vm.runs().runs()).hasSize(2);
        assertThat(vm.runs().runs()).allSatisfy(r -> assertThat(r.points()).hasSize(2));
        assertThat(vm.datasetChoices()).doesNotContain(bom.toAbsolutePath().toString(),
                blank.toAbsolutePath().toString());
    }

    /**
     * The window exports curves as the run history stores them and range-test --csv writes them (CurveCsv): one
     * without a run column, several each led by its run's number.
     */
    @Test
    void curvesAreExportedAsTheHistoryStoresThem() throws Exception {
        List<CurvePoint> first = List.of(new CurvePoint(0, 1e-4, 2.5, 2.5), new CurvePoint(1, 1e-3, 2.0, 2.25));
        List<CurvePoint> second = List.of(new CurvePoint(0, 0.01, 1.5, 1.5),
                new CurvePoint(1, 0.1, Double.NaN, Double.NaN));
        assertThatThrownBy(() -> vm.exportCurves(tmp.resolve("none.csv"), NO_PROBLEM))
                .hasMessage("no run has ended yet: nothing to export");
        vm.runs().show(new RangeTestRun.Recorded("first", first));
        Path one = tmp.resolve("one.csv");
        vm.exportCurves(one, NO_PROBLEM);
        assertThat(Files.readString(one))
                .isEqualTo("iteration,lr,loss,smoothed_loss\n0,1.0E-4,2.5,2.5\n1,0.001,2.0,2.25\n");
        assertThat(vm.statusProperty().get()).isEqualTo("Wrote 1 curve to " + one);
        RunHistory history = RunHistory.open(tmp.resolve("runs"));
        RangeTestConfig config = RangeTestConfig.defaults("iris", ModelSpec.preset("mlp"));
        RunRecord recorded = history.start(RunKind.RANGE_TEST, "iris", config.model(), config);
        history.finish(recorded.id(), new RangeTestResult(config, first, StopReason.COMPLETED, 0.5,
                Suggestions.fromSmoothed(new double[0], new double[0], SuggestionOptions.defaults())));
        assertThat(Files.readString(history.runFolder(recorded.id()).resolve("curve.csv")))
                .isEqualTo(Files.readString(one));

        vm.runs().show(new RangeTestRun.Recorded("second", second));
        Path two = tmp.resolve("two.csv");
        vm.exportCurves(two, NO_PROBLEM);
        assertThat(Files.readString(two)).isEqualTo("run,iteration,lr,loss,smoothed_loss\n1,0,1.0E-4,2.5,2.5\n"
                + "1,1,0.001,2.0,2.25\n2,0,0.01,1.5,1.5\n2,1,0.1,NaN,NaN\n");
        assertThat(vm.statusProperty().get()).isEqualTo("Wrote 2 curves to " + two);

        vm.runs().runs().forEach(r -> r.visibleProperty().set(false));
        assertThatThrownBy(() -> vm.exportCurves(tmp.resolve("hidden.csv"), NO_PROBLEM))
                .hasMessage("no finished run is shown: nothing to export");
        assertThat(tmp.resolve("none.csv")).doesNotExist();
        assertThat(tmp.resolve("hidden.csv")).doesNotExist();
    }

    /**
     * Curves that are all members of sweeps of one factor are exported with a column of each member's value, as
     * range-test --sweep --csv writes them, labelled by their run numbers in the window; beside a curve that is no
     * member, there is no such column. The members' values were missing from the window's export.
     */
    @Test
    void sweepMembersAreExportedWithTheirValuesOfTheFactor() throws Exception {
        List<CurvePoint> a = List.of(new CurvePoint(0, 1e-4, 2.5, 2.5));
        List<CurvePoint> b = List.of(new CurvePoint(0, 1e-4, 2.25, 2.25));
        vm.runs().show(new RangeTestRun.Recorded("lone", a));
        vm.runs().showFamily(Sweep.parse("weight-decay=1e-2,0"),
                List.of(new RangeTestRun.Recorded("wd 1e-2", a), new RangeTestRun.Recorded("wd 0", b)));
        Path mixed = tmp.resolve("mixed.csv");
        vm.exportCurves(mixed, NO_PROBLEM);
        assertThat(Files.readString(mixed)).isEqualTo("run,iteration,lr,loss,smoothed_loss\n1,0,1.0E-4,2.5,2.5\n"
                + "2,0,1.0E-4,2.5,2.5\n3,0,1.0E-4,2.25,2.25\n");

        vm.runs().runs().get(0).visibleProperty().set(false);
        Path members = tmp.resolve("members.csv");
        vm.exportCurves(members, NO_PROBLEM);
        assertThat(Files.readString(members)).isEqualTo("run,weight-decay,iteration,lr,loss,smoothed_loss\n"
                + "2,1e-2,0,1.0E-4,2.5,2.5\n3,0,0,1.0E-4,2.25,2.25\n");
        assertThat(CurveCsv.read(members, CurveCsv.RUN_COLUMNS).factor()).isEqualTo(SweepFactor.WEIGHT_DECAY);
    }

    /**
     * A setting of the range test's own that is refused (Iterations abc) holds back neither Launch nor the export of
     * what a 1cycle run takes: the export said "the experiment panel is not ready" while Launch trained.
     */
    @Test
    void aProblemOfTheRangeTestsOwnSettingsDoesNotStopTheExport() throws Exception {
        vm.experiment().datasetProperty().set("iris");
        vm.experiment().iterationsProperty().set("abc");
        vm.bounds().maxProperty().set(0.05);
        assertThat(vm.experiment().configProperty().get()).isNull();
        Path file = tmp.resolve("h.json");
        vm.exportHyperparameters(file, NO_PROBLEM);
        Hyperparameters written = HyperparameterFile.read(file).hyperparameters();
        assertThat(written.lr().max()).isEqualTo(0.05);
        assertThat(written.dataset().source()).isEqualTo("iris");
        assertThat(written.rangeTest()).isNull();
    }

    @Test
    void aHyperparameterFileReadBackGivesTheSameChoice() throws Exception {
        vm.experiment().datasetProperty().set("iris");
        vm.experiment().iterationsProperty().set("30");
        vm.experiment().weightDecayProperty().set("1e-4");
        vm.experiment().hiddenSizesProperty().set("64, 32");
        vm.run();
        vm.oneCycle().epochsProperty().set("3");
        vm.oneCycle().pctStartProperty().set("0.25");
        vm.oneCycle().threePhaseProperty().set(true);
        Path file = tmp.resolve("h.json");
        vm.exportHyperparameters(file, m -> { throw new AssertionError(m); });
        Hyperparameters written = vm.hyperparameters().build();

        WorkbenchViewModel other = workbench();
        assertThat(HyperparameterFile.looksLike(file)).isTrue();
        other.open(file, NO_PROBLEM);
        assertThat(other.experiment().configProperty().get()).isEqualTo(vm.experiment().configProperty().get());
        assertThat(other.oneCycle().configProperty().get()).isEqualTo(vm.oneCycle().configProperty().get());
        assertThat(other.bounds().chosenByProperty().get()).isEqualTo(vm.bounds().chosenByProperty().get());
        Hyperparameters again = other.hyperparameters().build();
        assertThat(again.oneCycle()).isEqualTo(written.oneCycle());
        assertThat(again.lr()).isEqualTo(written.lr());
        assertThat(again.dataset()).isEqualTo(written.dataset());
        assertThat(again.rangeTest()).as("the file's range test").isEqualTo(written.rangeTest()).isNotNull();
        assertThat(other.statusProperty().get()).isEqualTo("Read the hyperparameters of h.json");
    }

    /**
     * The experiment panel holds one optimizer, momentum and seed, filled with the training's: a file whose range test
     * ran with others (the command line writes one trained with --seed 7 from a range test with seed 42) says which,
     * with both values, so that the range test run again here is not silently another. Plain SGD's momentum, unused,
     * is not named. A range test with the training's gets no note.
     */
    @Test
    void aFilesRangeTestWithAnotherOptimizerMomentumOrSeedIsNoted() throws Exception {
        vm.experiment().datasetProperty().set("iris");
        vm.experiment().iterationsProperty().set("30");
        vm.run();
        Path file = tmp.resolve("h.json");
        vm.exportHyperparameters(file, NO_PROBLEM);
        ObjectMapper json = new ObjectMapper();
        ObjectNode written = (ObjectNode) json.readTree(file.toFile());
        WorkbenchViewModel other = workbench();
        other.open(file, NO_PROBLEM);
        assertThat(other.statusProperty().get()).isEqualTo("Read the hyperparameters of h.json");

        ObjectNode rangeTest = (ObjectNode) written.get("rangeTest");
        rangeTest.put("optimizer", "adam").put("momentum", 0.8).put("seed", 7);
        json.writeValue(file.toFile(), written);
        other.open(file, NO_PROBLEM);
        assertThat(other.statusProperty().get()).isEqualTo("Read the hyperparameters of h.json; the file's range "
                + "test ran with optimizer adam, momentum 0.8 and seed 7, its training with optimizer nesterov, "
                + "momentum 0.9 and seed 42; the window uses the training's for both");
        assertThat(other.experiment().configProperty().get().optimizer()).isEqualTo(OptimizerKind.NESTEROV);
        assertThat(other.experiment().configProperty().get().seed()).isEqualTo(42);

        rangeTest.put("optimizer", "nesterov").put("momentum", 0.9);
        json.writeValue(file.toFile(), written);
        other.open(file, NO_PROBLEM);
        assertThat(other.statusProperty().get()).isEqualTo("Read the hyperparameters of h.json; the file's range "
                + "test ran with seed 7, its training with seed 42; the window uses the training's for both");

        rangeTest.put("optimizer", "sgd").put("momentum", 0.0).put("seed", 42);
        json.writeValue(file.toFile(), written);
        other.open(file, NO_PROBLEM);
        assertThat(other.statusProperty().get()).isEqualTo("Read the hyperparameters of h.json; the file's range "
                + "test ran with optimizer sgd, its training with optimizer nesterov; the window uses the training's "
                + "for both");

        // a training with plain SGD uses no momentum: the range test's is not set against it
        ((ObjectNode) written.get("optimizer")).put("name", "sgd").remove("momentum");
        rangeTest.put("optimizer", "nesterov").put("momentum", 0.9);
        json.writeValue(file.toFile(), written);
        other.open(file, NO_PROBLEM);
        assertThat(other.statusProperty().get()).isEqualTo("Read the hyperparameters of h.json; the file's range "
                + "test ran with optimizer nesterov, its training with optimizer sgd; the window uses the training's "
                + "for both");
    }

    /**
     * A hyperparameter file whose dataset is a file of the user's imports it: the path joins the dataset choices, as an
     * import's does (the dataset box showed it as its value, among none of its choices). One that no longer loads is
     * taken back as a failed import is: the dataset chosen before stays, and the caller hears why.
     */
    @Test
    void aHyperparameterFilesOwnDatasetIsImported() throws Exception {
        Path csv = Files.write(tmp.resolve("flowers.csv"), TestData.irisCsv(i -> true));
        vm.importDataset(csv, NO_PROBLEM);
        Path file = tmp.resolve("flowers.json");
        vm.exportHyperparameters(file, NO_PROBLEM);
        String choice = csv.toAbsolutePath().toString();

        WorkbenchViewModel other = workbench();
        other.open(file, NO_PROBLEM);
        List<String> choices = new ArrayList<>(Datasets.BUNDLED);
        choices.add(choice);
        assertThat(other.datasetChoices()).containsExactlyElementsOf(choices);
        assertThat(other.experiment().datasetProperty().get()).isEqualTo(choice);
        assertThat(other.experiment().loadedDatasetProperty().get().train().size()).isEqualTo(120);

        Files.delete(csv);
        WorkbenchViewModel gone = workbench();
        gone.experiment().datasetProperty().set("iris");
        List<String> problems = new ArrayList<>();
        gone.openHyperparameters(file, problems::add);
        assertThat(problems).containsExactly(file + ": the dataset could not be loaded, the one chosen before stays ('"
                + choice + "' is neither a bundled dataset (iris, wine, digits, mnist, fashion-mnist) nor an existing "
                + "file or folder)");
        assertThat(gone.datasetChoices()).containsExactlyElementsOf(Datasets.BUNDLED);
        assertThat(gone.experiment().datasetProperty().get()).isEqualTo("iris");
        assertThat(gone.experiment().loadedDatasetProperty().get().name()).isEqualTo("iris");
        assertThat(gone.statusProperty().get()).isEqualTo("Read the hyperparameters of flowers.json");

        // the dataset chosen before stays as it was loaded: the file's options (a validation fraction of 0.2, seed
        // 42, the last column the label) were left on it
        Path otherCsv = Files.write(tmp.resolve("other.csv"), TestData.irisCsv(i -> true));
        WorkbenchViewModel before = workbench();
        before.importDataset(otherCsv, NO_PROBLEM);
        before.experiment().labelColumnProperty().set("species");
        before.experiment().valFractionProperty().set("0.3");
        before.experiment().seedProperty().set("7");
        before.openHyperparameters(file, problems::add);
        assertThat(problems).hasSize(2);
        assertThat(before.experiment().dataFields()).isEqualTo(
                new ExperimentViewModel.DataFields("species", "0.3", "28x28", false, "7"));
        assertThat(before.experiment().datasetProperty().get()).isEqualTo(otherCsv.toString());
        assertThat(before.experiment().loadedDatasetProperty().get().validation().size()).isEqualTo(45);
    }

    /**
     * A file whose dataset is a relative path, as range-test --dataset data/x.csv --hyperparams-out writes it, names
     * the data the window imports by its absolute path: the export keeps the file's range test. It was left out, as
     * run on other data.
     */
    @Test
    void aFilesRelativeDatasetPathIsTheDataTheWindowImports() throws Exception {
        Path csv = Files.write(tmp.resolve("flowers.csv"), TestData.irisCsv(i -> true));
        String relative = Path.of("").toAbsolutePath().relativize(csv.toAbsolutePath()).toString();
        DataOptions options = DataOptions.defaults();
        Dataset data = Datasets.load(relative, options);
        RangeTestResult result = RangeTest.run(data, RangeTestConfig.defaults(relative, ModelSpec.preset("mlp"))
                .withIterations(30).withBatchSize(16), RangeTestListener.NONE, new CancelToken());
        Path file = tmp.resolve("relative.json");
        HyperparameterFile.write(file, Hyperparameters.fromRangeTest(result, SuggestionMethod.VALLEY,
                DatasetSection.of(relative, options, data), 1));

        vm.open(file, NO_PROBLEM);
        assertThat(vm.experiment().datasetProperty().get()).isEqualTo(Path.of(relative).toAbsolutePath().toString());
        HyperparameterExport export = vm.hyperparameters();
        assertThat(export.leftOut()).isEmpty();
        assertThat(export.rangeTest()).isEqualTo(RangeTestSection.of(result));
    }

    /**
     * Bounds read from a hyperparameter file come from the range test the file names, whatever run the runs list
     * selects: bounds chosen by hand (lr.choice manual) took the selected run's range test, and bounds from a
     * suggestion none. Moved by hand they still come from it; on another model or other data it is left out as a
     * run's is. A file that names no range test gives none.
     */
    @Test
    void boundsReadFromAFileComeFromTheRangeTestItNamesNotFromTheSelectedRun() throws Exception {
        vm.experiment().datasetProperty().set("iris");
        vm.experiment().iterationsProperty().set("30");
        Path noRangeTest = tmp.resolve("no-range-test.json");
        vm.bounds().maxProperty().set(0.05);
        vm.exportHyperparameters(noRangeTest, NO_PROBLEM);
        vm.run();
        vm.bounds().maxProperty().set(0.05);
        Path manual = tmp.resolve("manual.json");
        vm.exportHyperparameters(manual, NO_PROBLEM);
        Hyperparameters written = HyperparameterFile.read(manual).hyperparameters();
        assertThat(written.lr().choice()).isEqualTo(LrChoice.MANUAL);
        assertThat(written.rangeTest().iterations()).isEqualTo(30);

        WorkbenchViewModel other = workbench();
        other.experiment().datasetProperty().set("iris");
        other.experiment().iterationsProperty().set("20");
        other.experiment().seedProperty().set("7");
        other.run();
        RangeTestRun selected = other.runs().selectedProperty().get();
        other.open(manual, NO_PROBLEM);
        assertThat(other.runs().selectedProperty().get()).isSameAs(selected);
        assertThat(other.hyperparameters().build().rangeTest()).isEqualTo(written.rangeTest());
        other.bounds().minProperty().set(0.004);
        assertThat(other.hyperparameters().build().rangeTest()).as("moved by hand").isEqualTo(written.rangeTest());
        other.experiment().hiddenSizesProperty().set("32");
        assertThat(other.hyperparameters().build().rangeTest()).as("on another model").isNull();
        assertThat(other.hyperparameters().leftOut())
                .containsExactly("the range test is left out: it ran on another model than the 1cycle run");
        other.experiment().hiddenSizesProperty().set("128, 128");
        other.experiment().datasetProperty().set("wine");
        assertThat(other.hyperparameters().leftOut())
                .containsExactly("the range test is left out: it ran on other data than the file describes");

        other.open(noRangeTest, NO_PROBLEM);
        assertThat(other.bounds().chosenByProperty().get()).isEqualTo(LrChoice.MANUAL);
        assertThat(other.hyperparameters().build().rangeTest()).as("the file names none").isNull();
        assertThat(other.hyperparameters().leftOut()).isEmpty();
    }

    /**
     * Closing with a long range test going (on a real worker thread, taken up) and an export asked for: the run
     * stops, its end is in the run history, and the file is written, before close returns. The FX thread's part
     * (the callbacks) is left queued, as it is while the window's thread waits in close.
     */
    @Test
    void closingStopsTheRunsAndWritesWhatTheyAndTheUserLeft() throws Exception {
        Queue<Runnable> fx = new ConcurrentLinkedQueue<>();
        CountDownLatch taken = new CountDownLatch(1);
        DatasetCache cache = new DatasetCache();
        Path runs = tmp.resolve("runs");
        WorkbenchViewModel closing = new WorkbenchViewModel(
                new BackgroundExecutor(Executors.newSingleThreadExecutor(), fx::add), Direct.executor(),
                new BackgroundExecutor(Executors.newSingleThreadExecutor(), fx::add), (name, options, loading) -> {
                    Dataset data = cache.load(name, options, loading);
                    if (name.equals("iris")) { // the run's data (the window's own preview loads digits)
                        taken.countDown(); // is there: the run goes on into its recorded range test
                    }
                    return data;
                }, new HistoryStore(runs, new BackgroundExecutor(Executors.newSingleThreadExecutor(), fx::add)));
        RangeTestRun run = closing.runs().start(RangeTestConfig.defaults("iris", ModelSpec.preset("mlp"))
                .withIterations(100_000).withDivergeFactor(0), DataOptions.defaults());
        assertThat(taken.await(30, TimeUnit.SECONDS)).isTrue();
        Path file = tmp.resolve("one_cycle.py");
        closing.exportCode(file, org.rangefinder.handoff.ExportFormat.PYTORCH, m -> { throw new AssertionError(m); });

        assertThat(closing.close(Duration.ofSeconds(30))).isTrue();
        assertThat(file).exists();
        RunRecord recorded = RunHistory.open(runs).list().runs().get(0);
        assertThat(recorded.status()).isEqualTo(org.rangefinder.history.RunStatus.FINISHED);
        assertThat(recorded.stopReason()).isEqualTo(StopReason.CANCELLED.id());
        fx.forEach(Runnable::run);
        assertThat(run.state().stopReasonProperty().get()).isEqualTo(StopReason.CANCELLED);
    }

    /**
     * Closing during a sweep writes the sweep's end, with its members' curves, though the members' ends wait for the
     * FX thread, which waits in close (here: left queued). It was left to be marked interrupted, its curves lost.
     */
    @Test
    void closingDuringASweepWritesTheSweepWithItsCurves() throws Exception {
        Queue<Runnable> fx = new ConcurrentLinkedQueue<>();
        Path runs = tmp.resolve("sweep-runs");
        WorkbenchViewModel closing = new WorkbenchViewModel(
                new BackgroundExecutor(Executors.newFixedThreadPool(2), fx::add), Direct.executor(),
                new BackgroundExecutor(Executors.newSingleThreadExecutor(), fx::add), new DatasetCache(),
                new HistoryStore(runs, new BackgroundExecutor(Executors.newSingleThreadExecutor(), fx::add)));
        var family = closing.runs().startSweep(RangeTestConfig.defaults("iris", ModelSpec.preset("mlp"))
                .withIterations(100_000).withDivergeFactor(0).withBatchSize(16),
                org.rangefinder.rangetest.Sweep.parse("seed=1,2"), DataOptions.defaults());
        int[] drawn = new int[2];
        long until = System.nanoTime() + 60_000_000_000L;
        while ((drawn[0] == 0 || drawn[1] == 0) && System.nanoTime() < until) {
            for (int m = 0; m < 2; m++) {
                drawn[m] += family.members().get(m).rawCurve().drain();
            }
            Thread.sleep(5);
        }
        assertThat(drawn).as("both members recording").doesNotContain(0);

        assertThat(closing.close(Duration.ofSeconds(30))).isTrue();
        RunRecord recorded = RunHistory.open(runs).list().runs().get(0);
        assertThat(recorded.kind()).isEqualTo(org.rangefinder.history.RunKind.SWEEP);
        assertThat(recorded.status()).isEqualTo(org.rangefinder.history.RunStatus.FINISHED);
        assertThat(RunHistory.open(runs).curves(recorded.id())).hasSize(2).allSatisfy(c -> assertThat(c).isNotEmpty());
        fx.forEach(Runnable::run); // the members' ends, late: the sweep is not written twice
        assertThat(RunHistory.open(runs).list().runs()).hasSize(1);
    }

    /**
     * Opening reads the file on the files thread, and only shows what it holds on the FX thread (each a queue here,
     * run by the test); a bad file says why, through the caller's message and not as an error on the FX thread.
     */
    @Test
    void anOpenedFileIsReadInTheBackgroundAndABadOneSaysWhy() throws Exception {
        Queue<Runnable> files = new ArrayDeque<>();
        Queue<Runnable> fx = new ArrayDeque<>();
        WorkbenchViewModel opening = new WorkbenchViewModel(Direct.executor(), Direct.executor(),
                new BackgroundExecutor(files::add, fx::add), new DatasetCache(),
                new HistoryStore(historyFolder, Direct.executor()));
        Runnable step = () -> {
            files.poll().run();
            fx.poll().run();
        };
        Path curve = Files.writeString(tmp.resolve("history.csv"), "lr,loss\n1e-5,2.3\n1e-4,2.2\n");
        Path broken = Files.writeString(tmp.resolve("broken.csv"), "lr,loss\n0.001,not-a-number\n");
        Path badSettings = Files.writeString(tmp.resolve("h.json"), "{\"schemaVersion\": 1, \"oneCycle\": 3}");
        List<String> problems = new ArrayList<>();
        opening.open(curve, problems::add);
        opening.open(broken, problems::add);
        opening.open(badSettings, problems::add);
        assertThat(opening.runs().runs()).as("nothing read in the caller's thread").isEmpty();
        step.run();
        assertThat(opening.runs().runs()).hasSize(1);
        step.run();
        step.run();
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("broken.csv").doesNotContain("Exception");
        assertThat(problems.get(1)).isEqualTo(badSettings + ": oneCycle must be an object, got 3");
        assertThat(opening.runs().runs()).hasSize(1);
    }

    @Test
    void theChoiceCanBeHandedToPyTorchAsCode() throws Exception {
        vm.experiment().datasetProperty().set("iris");
        Path file = tmp.resolve("one_cycle.py");
        vm.exportCode(file, org.rangefinder.handoff.ExportFormat.PYTORCH, m -> { throw new AssertionError(m); });
        assertThat(Files.readString(file)).contains("OneCycleLR").contains("max_lr=0.01");
    }

    @Test
    void anImageFolderIsImportedAsAnImageDatasetThatFitsLenet() throws Exception {
        Path folder = tmp.resolve("shapes");
        for (String label : new String[] {"circle", "square"}) {
            Files.createDirectories(folder.resolve(label));
            for (int i = 0; i < 5; i++) {
                java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
                        java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                image.getRaster().setSample(i, label.equals("circle") ? 2 : 5, 0, 255);
                javax.imageio.ImageIO.write(image, "png", folder.resolve(label).resolve(i + ".png").toFile());
            }
        }
        vm.open(folder, NO_PROBLEM);
        var data = vm.experiment().loadedDatasetProperty().get();
        assertThat(data.kind()).isEqualTo(org.rangefinder.data.DatasetKind.IMAGE);
        assertThat(data.classNames()).containsExactly("circle", "square");
        assertThat(data.train().size() + data.validation().size()).isEqualTo(10);
        vm.experiment().modelPresetProperty().set("lenet");
        // 8 training images: the default batch of 64 is more than a range test's full batch can take
        assertThat(vm.experiment().problemProperty().get()).startsWith("Batch size 64 is larger than the 8 training");
        vm.experiment().batchSizeProperty().set("4");
        assertThat(vm.experiment().problemProperty().get()).isNull();
        assertThat(vm.datasetChoices()).endsWith(folder.toAbsolutePath().toString());
    }
}
