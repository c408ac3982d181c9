package org.rangefinder.ui.rangetest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.rangefinder.data.Datasets;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.rangetest.SweepFactor;
import org.rangefinder.schedule.LadderMode;
import org.rangefinder.ui.form.FormGrid;
import org.rangefinder.ui.form.SidePanel;

/**
 * The experiment panel: dataset, model, optimizer and range-test settings, an optional sweep, and below them,
 * always in view, the Run button, which stays disabled, with the reason above it, while the view model reports a
 * problem.
 */
public final class ExperimentPanel extends BorderPane {
    private final Button run = new Button("Run range test");
    private final Button importData = new Button("Import...");

    /**
     * @param datasets the choices of the dataset box: bundled names, then imported paths
     */
    public ExperimentPanel(ExperimentViewModel vm, ObservableList<String> datasets) {
        SidePanel.layOut(this, runBox(vm),
                new TitledPane("Data", dataForm(vm, datasets)),
                new TitledPane("Model", modelForm(vm)),
                new TitledPane("Optimizer", optimizerForm(vm)),
                new TitledPane("Range test", rangeTestForm(vm)),
                new TitledPane("Sweep", sweepForm(vm)));
        setPrefWidth(310);
        setId("experimentPanel");
    }

    /** The Run button: disabled while the form holds a problem; its handler is the workbench's. */
    public Button runButton() {
        return run;
    }

    /** The Import... button beside the dataset box. */
    public Button importButton() {
        return importData;
    }

    private VBox dataForm(ExperimentViewModel vm, ObservableList<String> datasets) {
        FormGrid grid = grid(vm);
        ComboBox<String> choice = new ComboBox<>(datasets);
        choice.setId("datasetChoice");
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setCellFactory(list -> new DatasetCell());
        choice.setButtonCell(new DatasetCell());
        choice.valueProperty().bindBidirectional(vm.datasetProperty());
        grid.flagWhenInvalid(choice, ExperimentField.DATASET);
        importData.setId("importDatasetButton");
        importData.setMinWidth(USE_PREF_SIZE);
        grid.row("Dataset", choice);
        Label drop = new Label("or drop a file or folder on the window");
        drop.getStyleClass().add("hint");
        drop.setWrapText(true);
        HBox row = new HBox(8, importData, drop);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        grid.wide(row);
        TextField labelColumn = grid.text(ExperimentField.LABEL_COLUMN, vm.labelColumnProperty(), "labelColumnField");
        labelColumn.setPromptText("last column");
        labelColumn.setTooltip(new Tooltip("CSV files only: the label column, by name or 0-based index; "
                + "blank means the last column"));
        // shown for a table file alone, as the image options for an image folder: hidden for an image folder, it
        // leaves the one gap of a hidden row among others
        grid.showWhen(vm.tableProperty(), labelColumn);
        TextField fraction = grid.text(ExperimentField.VAL_FRACTION, vm.valFractionProperty(), "valFractionField");
        // hidden for data with a test set of its own, which is neither a table nor an image folder: the rows hidden are
        // those at the end, and leave no gap
        grid.showWhen(vm.testSetProperty().not(), fraction);
        // last, so that hidden they leave no gap
        TextField size = grid.text(ExperimentField.IMAGE_SIZE, vm.imageSizeProperty(), "imageSizeField");
        size.setPromptText("width x height, e.g. 32x32");
        size.setTooltip(new Tooltip("Image folders only: the size every image is resampled to, width x height in "
                + "pixels"));
        CheckBox rgb = grid.check("Colour (RGB channels)", vm.rgbProperty(), "rgbCheck");
        rgb.setTooltip(new Tooltip("Image folders only: three colour channels instead of one gray channel"));
        grid.showWhen(vm.imageFolderProperty(), size, rgb);
        return new VBox(grid);
    }

    private VBox modelForm(ExperimentViewModel vm) {
        FormGrid preset = grid(vm);
        ChoiceBox<String> model = preset.choice("Model", ModelSpec.PRESETS, vm.modelPresetProperty(), p -> p,
                "modelChoice");
        preset.flagWhenInvalid(model, ExperimentField.MODEL);

        FormGrid mlp = grid(vm);
        mlp.text(ExperimentField.HIDDEN_SIZES, vm.hiddenSizesProperty(), "hiddenSizesField")
                .setPromptText("units per layer, e.g. 128, 128");
        mlp.check("Batch normalisation", vm.batchNormProperty(), "batchNormCheck");
        FormGrid dropout = grid(vm);
        dropout.text(ExperimentField.DROPOUT, vm.dropoutProperty(), "dropoutField");
        FormGrid resnet = grid(vm);
        resnet.text(ExperimentField.BLOCKS, vm.blocksProperty(), "blocksField");
        resnet.text(ExperimentField.CHANNELS, vm.channelsProperty(), "channelsField");

        showWhen(mlp, vm, "mlp");
        showWhen(resnet, vm, "resnet");
        dropout.visibleProperty().bind(vm.modelPresetProperty().isNotEqualTo("resnet"));
        dropout.managedProperty().bind(dropout.visibleProperty());
        return new VBox(5, preset, mlp, dropout, resnet);
    }

    private static void showWhen(FormGrid grid, ExperimentViewModel vm, String preset) {
        grid.visibleProperty().bind(vm.modelPresetProperty().isEqualTo(preset));
        grid.managedProperty().bind(grid.visibleProperty());
    }

    private FormGrid optimizerForm(ExperimentViewModel vm) {
        FormGrid grid = grid(vm);
        grid.choice("Optimizer", List.of(OptimizerKind.values()), vm.optimizerProperty(), OptimizerKind::id,
                "optimizerChoice");
        grid.text(ExperimentField.MOMENTUM, vm.momentumProperty(), "momentumField")
                .disableProperty().bind(vm.momentumUsedProperty().not());
        grid.text(ExperimentField.WEIGHT_DECAY, vm.weightDecayProperty(), "weightDecayField");
        grid.text(ExperimentField.BATCH_SIZE, vm.batchSizeProperty(), "batchSizeField");
        grid.text(ExperimentField.SEED, vm.seedProperty(), "seedField");
        return grid;
    }

    private FormGrid rangeTestForm(ExperimentViewModel vm) {
        FormGrid grid = grid(vm);
        grid.text(ExperimentField.START_LR, vm.startLrProperty(), "startLrField");
        grid.text(ExperimentField.END_LR, vm.endLrProperty(), "endLrField");
        grid.text(ExperimentField.ITERATIONS, vm.iterationsProperty(), "iterationsField");
        grid.choice("Ladder", List.of(LadderMode.values()), vm.modeProperty(), LadderMode::id, "modeChoice");
        grid.text(ExperimentField.STEP_SIZE, vm.stepSizeProperty(), "stepSizeField");
        grid.text(ExperimentField.SMOOTHING, vm.smoothingProperty(), "smoothingField");
        grid.text(ExperimentField.DIVERGE, vm.divergeProperty(), "divergeField");
        grid.text(ExperimentField.VAL_BATCHES, vm.valBatchesProperty(), "valBatchesField");
        return grid;
    }

    private FormGrid sweepForm(ExperimentViewModel vm) {
        FormGrid grid = grid(vm);
        List<SweepFactor> factors = new ArrayList<>();
        factors.add(null);
        factors.addAll(List.of(SweepFactor.values()));
        grid.choice("Vary", factors, vm.sweepFactorProperty(),
                f -> f == null ? "none (single run)" : fieldOf(f).words().label(), "sweepFactorChoice");
        TextField values = grid.text(ExperimentField.SWEEP_VALUES, vm.sweepValuesProperty(), "sweepValuesField");
        values.setPromptText("e.g. 0, 1e-4, 1e-3");
        values.disableProperty().bind(vm.sweepFactorProperty().isNull());
        return grid;
    }

    /** The field that edits what a sweep varies: the Vary list names the factors by their fields' labels. */
    private static ExperimentField fieldOf(SweepFactor factor) {
        return switch (factor) {
            case WEIGHT_DECAY -> ExperimentField.WEIGHT_DECAY;
            case MOMENTUM -> ExperimentField.MOMENTUM;
            case BATCH_SIZE -> ExperimentField.BATCH_SIZE;
            case OPTIMIZER -> ExperimentField.OPTIMIZER;
            case SEED -> ExperimentField.SEED;
        };
    }

    /**
     * A choice of the dataset box: a bundled dataset by its name, an imported file or folder by its own name (its
     * path, cut short in the narrow box, showed only its first folders), with the whole path as tooltip.
     */
    private static final class DatasetCell extends ListCell<String> {
        @Override
        protected void updateItem(String choice, boolean empty) {
            super.updateItem(choice, empty);
            String name = empty || choice == null ? null : shortName(choice);
            setText(name);
            setTooltip(name == null || name.equals(choice) ? null : new Tooltip(choice));
        }

        private static String shortName(String choice) {
            if (Datasets.BUNDLED.contains(choice)) {
                return choice;
            }
            Path file = Path.of(choice).getFileName();
            return file == null ? choice : file.toString();
        }
    }

    private VBox runBox(ExperimentViewModel vm) {
        run.setId("runButton");
        run.setDefaultButton(false);
        run.setMaxWidth(Double.MAX_VALUE);
        run.getStyleClass().add("accent");
        run.disableProperty().bind(vm.problemProperty().isNotNull());
        run.textProperty().bind(Bindings.createStringBinding(() -> vm.sweepProperty().get() == null
                ? "Run range test" : "Run sweep (" + vm.sweepProperty().get().values().size() + " runs)",
                vm.sweepProperty()));
        Label problem = new Label();
        problem.setId("problemLabel");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        // above the button: the footer grows upwards, and the button stays where it is
        return new VBox(6, problem, run);
    }

    private static FormGrid grid(ExperimentViewModel vm) {
        return new FormGrid(vm.fieldProblemsProperty());
    }
}
