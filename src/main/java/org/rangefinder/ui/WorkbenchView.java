package org.rangefinder.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.rangefinder.UserInputException;
import org.rangefinder.handoff.ExportFormat;
import org.rangefinder.ui.export.ChartImages;
import org.rangefinder.ui.history.HistoryPanel;
import org.rangefinder.ui.onecycle.OneCyclePanel;
import org.rangefinder.ui.onecycle.TrainingChartsView;
import org.rangefinder.ui.onecycle.TrainingRun;
import org.rangefinder.ui.rangetest.ExperimentPanel;
import org.rangefinder.ui.rangetest.RangeTestChartView;
import org.rangefinder.ui.rangetest.RunsTable;
import org.rangefinder.ui.work.EngineStatus;

/**
 * The window's content: the experiment panel on the left, the range-test chart over the runs list in the centre
 * (with the 1cycle training charts on a second tab and the run history on a third), the 1cycle panel on the right
 * (each side panel as wide as the user dragged it, or hidden: {@link PanelSplit}), a status bar below, and
 * notifications in the empty end of the centre's row of tabs ({@link Toast}). Files or folders dropped anywhere on it
 * are opened (a curve) or imported (a dataset). Every action reports problems in a dialog with a one-line message.
 */
public final class WorkbenchView extends BorderPane {
    private static final FileChooser.ExtensionFilter JSON = new FileChooser.ExtensionFilter("JSON", "*.json");
    private static final FileChooser.ExtensionFilter PNG = new FileChooser.ExtensionFilter("PNG image", "*.png");
    private static final FileChooser.ExtensionFilter CSV = new FileChooser.ExtensionFilter("CSV", "*.csv");
    private static final FileChooser.ExtensionFilter ZIP = new FileChooser.ExtensionFilter("DL4J model", "*.zip");
    /** The tab pane's border around its content. */
    private static final double CENTRE_BORDER = 2;

    private final WorkbenchViewModel vm;
    private final FileChoices files;
    private final ExperimentPanel experiment;
    private final RangeTestChartView chart;
    private final RunsTable runsTable;
    private final OneCyclePanel oneCycle;
    private final TrainingChartsView training;
    private final HistoryPanel history;
    private final TabPane centre;
    private final PanelSplit panels;
    private final Toast toast;
    /**
     * Save... before launching again or quitting is writing the networks: Launch is held (disabled) and Quit does
     * nothing meanwhile, so that neither asks again nor saves a network twice; the action under way stands.
     */
    private boolean saving;

    WorkbenchView(WorkbenchViewModel vm, FileChoices files) {
        this.vm = vm;
        this.files = files;
        experiment = new ExperimentPanel(vm.experiment(), vm.datasetChoices());
        chart = new RangeTestChartView(vm.runs(), vm.bounds());
        runsTable = new RunsTable(vm.runs());
        oneCycle = new OneCyclePanel(vm.oneCycle());
        training = new TrainingChartsView(vm.oneCycle());
        history = new HistoryPanel(vm.history(), this::showRangeTest);

        SplitPane rangeTest = new SplitPane(chart, runsTable);
        rangeTest.setOrientation(Orientation.VERTICAL);
        rangeTest.setDividerPositions(0.7);
        Tab rangeTab = new Tab("Range test", rangeTest);
        rangeTab.setId("rangeTestTab");
        Tab trainingTab = new Tab("1cycle training", training);
        trainingTab.setId("trainingTab");
        Tab historyTab = new Tab("History");
        historyTab.setId("historyTab");
        // the history table joins the window only while its tab shows: hidden, it was still restyled and laid out
        // each time a run was recorded, a stall of the window's thread (its first rows: 100+ ms) when a run started
        historyTab.selectedProperty().addListener((o, was, selected) -> historyTab.setContent(selected ? history
                : null));
        centre = new TabPane(rangeTab, trainingTab, historyTab);
        centre.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        StackPane centreArea = new StackPane(centre);
        toast = new Toast(centreArea, centre);
        // room for the runs list's columns; a number, not a measure of the tabs taken again in every frame
        centre.setMinWidth(runsTable.getMinWidth() + CENTRE_BORDER);
        centreArea.setMinWidth(centre.getMinWidth());
        panels = new PanelSplit(experiment, centreArea, oneCycle);
        setCenter(panels);
        setBottom(statusBar());
        setId("workbench");

        experiment.runButton().setOnAction(e -> run());
        experiment.importButton().setOnAction(e -> importDatasetFile());
        oneCycle.launchButton().setOnAction(e -> launch());
        oneCycle.cancelButton().setOnAction(e -> vm.oneCycle().cancel());
        oneCycle.saveButton().setOnAction(e -> saveModel());
        vm.setNotifier(toast::show);
        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dropped);
        addEventHandler(KeyEvent.KEY_PRESSED, this::escapeWhileTyping);
    }

    /**
     * Esc pressed in a text field abandons the typing, never the runs: a field consumes Esc only when it has something
     * of its own to undo (a TextFormatter's edit), so the key went on to the scene and ran Cancel running, its
     * accelerator, killing every range test and the training at a reflex. The key stops here, after the field has
     * had it and before the scene's accelerators; Cancel running chosen from the Run menu still cancels.
     */
    private void escapeWhileTyping(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && getScene() != null && typing(getScene().getFocusOwner())) {
            e.consume();
        }
    }

    /** Whether keys go to text the user edits: a text field or area, or the editor of a combo box or spinner. */
    private static boolean typing(Node focused) {
        return focused instanceof TextInputControl
                || focused instanceof ComboBoxBase<?> box && box.isEditable()
                || focused instanceof Spinner<?> spinner && spinner.isEditable();
    }

    /**
     * Styles and lays out the whole window as soon as it shows, before its first frame, and makes the runs table's
     * rows meanwhile (see {@link RunsTable#buildRows()}), so that the first run costs the window no new rows.
     */
    void prepare() {
        applyCss();
        layout();
        runsTable.buildRows();
    }

    /** Sets the top of the layout (the menu bar). */
    void setMenuBar(javafx.scene.Node menu) {
        setTop(menu);
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        bar.textProperty().bind(vm.statusProperty());
        Label engine = new Label();
        engine.setId("engineStatus");
        engine.getStyleClass().add("engine-status");
        engine.textProperty().bind(vm.engine().messageProperty());
        vm.engine().stateProperty().addListener((o, old, state) -> {
            engine.getStyleClass().removeAll("loading", "failed");
            if (state != EngineStatus.State.READY) {
                engine.getStyleClass().add(state.name().toLowerCase(Locale.ROOT));
            }
        });
        engine.getStyleClass().add("loading");
        Label active = new Label();
        active.setId("activeRunsLabel");
        // range tests and sweep members, and the trainings of the last 1cycle launch
        active.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = vm.runs().activeCount().get() + vm.oneCycle().activeCount().get();
            return n == 0 ? "no runs going" : n + (n == 1 ? " run" : " runs") + " queued or running";
        }, vm.runs().activeCount(), vm.oneCycle().activeCount()));
        bar.getLeftItems().addAll(engine, new Separator(Orientation.VERTICAL));
        bar.getRightItems().add(active);
        return bar;
    }

    // ---- actions ----------------------------------------------------------------------------------------------

    void run() {
        if (experiment.runButton().isDisabled()) {
            return;
        }
        centre.getSelectionModel().select(0);
        vm.run();
    }

    private void showRangeTest() {
        centre.getSelectionModel().select(0);
    }

    /**
     * Cancel running (Esc, or the Run menu): cancels the range tests at once, seconds of work to run again; a 1cycle
     * training, minutes of work that cannot be resumed, only once the user confirms it (Enter and Esc keep it), as
     * Quit asks before a trained network is lost. The 1cycle panel's own Cancel stops the training without asking.
     */
    void cancel() {
        vm.runs().cancelAll();
        List<TrainingRun> training = training();
        if (!training.isEmpty()) {
            confirmStop(training, "Stop the 1cycle training?", "Stop training", vm.oneCycle()::cancel);
        }
    }

    /** The trainings of the last 1cycle launch that are queued or running. */
    private List<TrainingRun> training() {
        return vm.oneCycle().runs().stream().filter(r -> r.state().statusProperty().get().isActive()).toList();
    }

    /**
     * Asks before the trainings going ({@code training}) are stopped, saying how far each got: {@code stop} (naming the
     * action) runs {@code stopped}, Keep training (what Enter and Esc answer) nothing.
     */
    private void confirmStop(List<TrainingRun> training, String question, String stop, Runnable stopped) {
        String done = String.join(", ", training.stream().map(r -> String.format(Locale.ROOT, "%s %.0f%% trained",
                r.name(), 100 * r.state().progressProperty().get())).toList());
        Dialogs.confirm(getScene().getWindow(), question, "A stopped training cannot be resumed, only launched again "
                + "from the start (" + done + ").", stop, "Keep training", stopped);
    }

    /**
     * Launch 1cycle: replaces the last launch's runs, first asking, while one's trained network was never saved,
     * whether to save it, launch without saving, or not launch.
     */
    void launch() {
        if (oneCycle.launchButton().isDisabled()) {
            return;
        }
        List<TrainingRun> unsaved = vm.oneCycle().unsavedModels();
        if (unsaved.isEmpty()) {
            launchNow();
            return;
        }
        Dialogs.confirmUnsaved(getScene().getWindow(), "Save the trained model before launching again?",
                notSaved(unsaved) + "; launching again discards " + (unsaved.size() == 1 ? "it." : "them."),
                "Launch without saving", () -> saveThen(unsaved, this::launchNow), this::launchNow);
    }

    private void launchNow() {
        centre.getSelectionModel().select(1);
        vm.oneCycle().launch();
    }

    void openCurve() {
        Path file = files.open("Open a range-test curve", CSV, JSON);
        if (file != null) {
            vm.openCurve(file, m -> Dialogs.error(getScene().getWindow(), "Cannot open " + file.getFileName()
                    + " as a curve", m));
        }
    }

    void importDatasetFile() {
        Path file = files.open("Import a dataset: CSV (label in the last column) or IDX images",
                new FileChooser.ExtensionFilter("CSV or IDX", "*.csv", "*.csv.gz", "*.gz", "*idx*", "*ubyte*"),
                new FileChooser.ExtensionFilter("Any file", "*"));
        if (file != null) {
            importDataset(file);
        }
    }

    void importDatasetFolder() {
        Path folder = files.folder("Import an image folder: one subfolder per class");
        if (folder != null) {
            importDataset(folder);
        }
    }

    private void importDataset(Path path) {
        vm.importDataset(path, m -> Dialogs.error(getScene().getWindow(), "Cannot import " + path.getFileName(), m));
    }

    void exportHyperparameters() {
        attempt("Cannot export the hyperparameters", () -> {
            vm.hyperparameters();
            Path file = files.save("Export hyperparameters", "hyperparameters.json", JSON);
            if (file != null) {
                vm.exportHyperparameters(file, m -> Dialogs.error(getScene().getWindow(), "Export failed", m));
            }
        });
    }

    void openHyperparameters() {
        Path file = files.open("Open a hyperparameter file", JSON);
        if (file != null) {
            vm.openHyperparameters(file,
                    m -> Dialogs.error(getScene().getWindow(), "Cannot read the hyperparameters", m));
        }
    }

    void exportCode(ExportFormat format) {
        attempt("Cannot export the code", () -> {
            vm.hyperparameters();
            Path file = files.save("Export as " + format.id() + " code", format == ExportFormat.DL4J
                    ? "OneCycleTraining.java" : "one_cycle_" + format.id() + ".py",
                    new FileChooser.ExtensionFilter(format.id(), "*." + format.extension()));
            if (file != null) {
                vm.exportCode(file, format, m -> Dialogs.error(getScene().getWindow(), "Export failed", m));
            }
        });
    }

    /**
     * Exports the training charts while their tab shows, else (range test or history tab) the range-test chart: the
     * chart itself (plot, axes, markers, marks and legend), without the controls above it.
     */
    void exportChartPng() {
        boolean trainingShown = "trainingTab".equals(centre.getSelectionModel().getSelectedItem().getId());
        Path file = trainingShown ? files.save("Export the training charts as PNG", "1cycle-training.png", PNG)
                : files.save("Export the range-test chart as PNG", "range-test.png", PNG);
        if (file == null) {
            return;
        }
        javafx.scene.Node shown = trainingShown ? training : chart.chart();
        vm.exportChartPng(ChartImages.snapshot(shown), file,
                m -> Dialogs.error(getScene().getWindow(), "Export failed", m));
    }

    void exportCurvesCsv() {
        attempt("Cannot export the curves", () -> {
            vm.shownCurves(); // says why there is nothing to export before a file is asked for
            Path file = files.save("Export the curves as CSV", "curves.csv", CSV);
            if (file != null) {
                vm.exportCurves(file, m -> Dialogs.error(getScene().getWindow(), "Export failed", m));
            }
        });
    }

    /**
     * Saves the 1cycle run's model, or, when a baseline ran beside it, the one the user picks; of those that have one
     * to save ({@link TrainingRun#canSave}).
     */
    void saveModel() {
        List<TrainingRun> trained = vm.oneCycle().runs().stream().filter(TrainingRun::canSave).toList();
        if (trained.isEmpty()) {
            Dialogs.error(getScene().getWindow(), "No trained model", "Launch a 1cycle run and let it finish first: "
                    + "one cancelled before its first step, or stopped non-finite, leaves no network to save.");
        } else if (trained.size() == 1) {
            saveModel(trained.get(0));
        } else {
            Dialogs.choose(getScene().getWindow(), "Save which trained model?",
                    "The 1cycle run and its constant-LR baseline each trained a network of their own.", trained,
                    TrainingRun::name, this::saveModel);
        }
    }

    private void saveModel(TrainingRun run) {
        Path file = modelFile(run);
        if (file != null) {
            vm.saveModel(run, file, this::savingFailed, () -> { });
        }
    }

    private Path modelFile(TrainingRun run) {
        return files.save("Save the " + run.name() + " model", run.name().replace(' ', '-') + "-model.zip", ZIP);
    }

    private void savingFailed(String message) {
        Dialogs.error(getScene().getWindow(), "Saving the model failed", message);
    }

    /**
     * Quit (and the window's close button): closes the window, first asking, while a 1cycle training runs, whether to
     * stop it (as Cancel running does: Enter and Esc keep it training, and the window open), then, while a trained
     * network was never saved, whether to save it, quit without saving, or stay. The training stops as the window
     * closes ({@link WorkbenchViewModel#close}). While Save... writes the networks before quitting or launching
     * again, a quit does nothing: the action under way stands.
     */
    void close() {
        if (saving) {
            return;
        }
        List<TrainingRun> training = training();
        if (training.isEmpty()) {
            closeAskingToSave();
        } else {
            confirmStop(training, "Stop the 1cycle training and quit?", "Stop training and quit",
                    this::closeAskingToSave);
        }
    }

    /** Closes the window, first asking, while a trained network was never saved, whether to save it. */
    private void closeAskingToSave() {
        Window window = getScene().getWindow();
        List<TrainingRun> unsaved = vm.oneCycle().unsavedModels();
        if (unsaved.isEmpty()) {
            window.hide();
            return;
        }
        Dialogs.confirmUnsaved(window, "Save the trained model before quitting?", notSaved(unsaved) + ".",
                "Quit without saving", () -> saveThen(unsaved, window::hide), window::hide);
    }

    /** Which trained networks were never saved, as a sentence without its full stop. */
    private static String notSaved(List<TrainingRun> unsaved) {
        return unsaved.size() == 1 ? "The " + unsaved.get(0).name() + " run's trained network has not been saved"
                : "The networks of the " + String.join(" and ", unsaved.stream().map(TrainingRun::name).toList())
                        + " runs have not been saved";
    }

    /**
     * Save... before launching again or quitting: asks where each network goes and writes them, holding both actions
     * back meanwhile ({@link #saving}), so that neither a second Launch nor a Quit asks again or saves twice, then
     * releases them and takes the action ({@code then}) once all are written. A file not given, or not written,
     * releases them without taking it, once.
     */
    private void saveThen(List<TrainingRun> unsaved, Runnable then) {
        holdActions(true);
        List<Path> targets = new ArrayList<>();
        for (TrainingRun run : unsaved) {
            Path file = modelFile(run);
            if (file == null) {
                holdActions(false);
                return;
            }
            targets.add(file);
        }
        int[] left = {unsaved.size()};
        boolean[] failed = {false};
        for (int i = 0; i < unsaved.size(); i++) {
            vm.saveModel(unsaved.get(i), targets.get(i), m -> {
                if (!failed[0]) {
                    failed[0] = true;
                    holdActions(false);
                }
                savingFailed(m);
            }, () -> {
                if (--left[0] == 0 && !failed[0]) {
                    holdActions(false);
                    then.run();
                }
            });
        }
    }

    /** Holds Launch (disabled) and Quit (doing nothing) back while networks are written, or releases them. */
    private void holdActions(boolean hold) {
        saving = hold;
        if (hold) {
            vm.oneCycle().holdLaunch();
        } else {
            vm.oneCycle().releaseLaunch();
        }
    }

    private void attempt(String title, Runnable action) {
        try {
            action.run();
        } catch (UserInputException e) {
            Dialogs.error(getScene().getWindow(), title, e.getMessage());
        }
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        List<File> dropped = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
        for (File f : dropped) {
            vm.open(f.toPath(), m -> Dialogs.error(getScene().getWindow(), "Cannot open " + f.getName(), m));
        }
        e.setDropCompleted(!dropped.isEmpty());
        e.consume();
    }

    public ExperimentPanel experimentPanel() {
        return experiment;
    }

    public RangeTestChartView chartView() {
        return chart;
    }

    public RunsTable runsTable() {
        return runsTable;
    }

    public OneCyclePanel oneCyclePanel() {
        return oneCycle;
    }

    public TrainingChartsView trainingView() {
        return training;
    }

    public HistoryPanel historyPanel() {
        return history;
    }

    /** The side panels and the centre between them. */
    PanelSplit panels() {
        return panels;
    }

    /** The notifications. */
    Toast toast() {
        return toast;
    }
}
