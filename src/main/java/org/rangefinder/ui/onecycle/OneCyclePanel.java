package org.rangefinder.ui.onecycle;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rangefinder.schedule.Anneal;
import org.rangefinder.ui.chart.LrText;
import org.rangefinder.ui.chart.RunColors;
import org.rangefinder.ui.chart.StyledLineChart;
import org.rangefinder.ui.form.FormGrid;
import org.rangefinder.ui.form.SidePanel;

/**
 * The 1cycle panel: the bounds taken from the chart's markers, the schedule and training settings, a preview of
 * the LR and momentum per iteration that follows every change (a dragged marker included), and Launch, Cancel
 * and Save model.
 */
public final class OneCyclePanel extends BorderPane {

    private final Button launch = new Button("Launch 1cycle");
    private final Button cancel = new Button("Cancel");
    private final Button save = new Button("Save model...");
    private final StyledLineChart<Number, Number> lrPreview = previewChart("LR", "previewLrChart");
    private final StyledLineChart<Number, Number> momentumPreview = previewChart("momentum", "previewMomentumChart");
    private final XYChart.Series<Number, Number> lrSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> momentumSeries = new XYChart.Series<>();

    public OneCyclePanel(OneCycleViewModel vm) {
        // the preview first, in view while the markers are dragged on the chart
        SidePanel.layOut(this, buttons(vm), boundsBox(vm), new TitledPane("Preview", previewBox()),
                new TitledPane("Schedule", scheduleForm(vm)), new TitledPane("Training", trainingForm(vm)));
        setPrefWidth(320);
        setId("oneCyclePanel");
        lrPreview.addSeries(lrSeries, RunColors.look(0, RunColors.OWN, "smoothed-line").withoutLegend());
        momentumPreview.addSeries(momentumSeries, RunColors.look(3, RunColors.OWN, "smoothed-line").withoutLegend());
        vm.previewProperty().addListener((o, old, preview) -> showPreview(preview));
        showPreview(vm.previewProperty().get());
    }

    public Button launchButton() {
        return launch;
    }

    public Button cancelButton() {
        return cancel;
    }

    public Button saveButton() {
        return save;
    }

    public XYChart.Series<Number, Number> lrPreviewSeries() {
        return lrSeries;
    }

    private VBox boundsBox(OneCycleViewModel vm) {
        Label title = new Label("1cycle");
        title.getStyleClass().addAll("title-4");
        Label bounds = new Label();
        bounds.setId("cycleBoundsLabel");
        bounds.setWrapText(true);
        bounds.textProperty().bind(Bindings.createStringBinding(() -> "LR from "
                + LrText.format(vm.bounds().minProperty().get()) + " up to "
                + LrText.format(vm.bounds().maxProperty().get()) + " (" + vm.bounds().chosenByProperty().get().id()
                + "; drag the markers on the chart)", vm.bounds().minProperty(), vm.bounds().maxProperty(),
                vm.bounds().chosenByProperty()));
        Label steps = new Label();
        steps.getStyleClass().add("hint");
        steps.textProperty().bind(Bindings.createStringBinding(() -> vm.settingsProperty().get() == null ? ""
                : vm.settingsProperty().get().totalSteps() + " iterations, div_factor "
                        + LrText.format(vm.settingsProperty().get().divFactor()), vm.settingsProperty()));
        return new VBox(4, title, bounds, steps);
    }

    private FormGrid scheduleForm(OneCycleViewModel vm) {
        FormGrid grid = grid(vm);
        grid.text(OneCycleField.EPOCHS, vm.epochsProperty(), "epochsField");
        grid.text(OneCycleField.PCT_START, vm.pctStartProperty(), "pctStartField");
        grid.choice("Annealing", List.of(Anneal.values()), vm.annealProperty(), Anneal::id, "annealChoice");
        grid.check("Three phases (linear: Smith's shape)", vm.threePhaseProperty(), "threePhaseCheck");
        grid.text(OneCycleField.FINAL_DIV_FACTOR, vm.finalDivFactorProperty(), "finalDivFactorField");
        grid.check("Cycle momentum", vm.cycleMomentumProperty(), "cycleMomentumCheck");
        grid.text(OneCycleField.BASE_MOMENTUM, vm.baseMomentumProperty(), "baseMomentumField");
        grid.text(OneCycleField.MAX_MOMENTUM, vm.maxMomentumProperty(), "maxMomentumField");
        return grid;
    }

    private FormGrid trainingForm(OneCycleViewModel vm) {
        FormGrid grid = grid(vm);
        grid.text(OneCycleField.WEIGHT_DECAY, vm.weightDecayProperty(), "trainWeightDecayField");
        grid.text(OneCycleField.BATCH_SIZE, vm.batchSizeProperty(), "trainBatchSizeField");
        TextField every = grid.text(OneCycleField.EVAL_EVERY, vm.evalEveryProperty(), "evalEveryField");
        every.setPromptText("0: each epoch only");
        every.setTooltip(new Tooltip("Iterations between evaluations on the validation set, besides the one at the end "
                + "of each epoch; 0 evaluates at the end of each epoch only"));
        grid.check("Constant-LR baseline alongside", vm.baselineProperty(), "baselineCheck");
        TextField lr = grid.text(OneCycleField.BASELINE_LR, vm.baselineLrProperty(), "baselineLrField");
        lr.disableProperty().bind(vm.baselineProperty().not());
        return grid;
    }

    private VBox previewBox() {
        return new VBox(2, lrPreview, momentumPreview);
    }

    private static StyledLineChart<Number, Number> previewChart(String yLabel, String id) {
        StyledLineChart<Number, Number> chart = StyledLineChart.againstIteration(yLabel, id);
        chart.setPrefHeight(165);
        chart.setMinHeight(140);
        chart.setLegendVisible(false);
        return chart;
    }

    private void showPreview(SchedulePreview preview) {
        if (preview == null) {
            lrSeries.getData().clear();
            momentumSeries.getData().clear();
            return;
        }
        fill(lrSeries, preview.steps(), preview.lrs());
        fill(momentumSeries, preview.steps(), preview.momenta());
    }

    private static void fill(XYChart.Series<Number, Number> series, int[] steps, double[] values) {
        ObservableList<XYChart.Data<Number, Number>> shown = series.getData();
        if (values.length == 0) {
            shown.clear();
        } else if (sameSteps(shown, steps)) {
            // a dragged marker changes the values, not the iterations: move the points rather than replace them
            for (int k = 0; k < steps.length; k++) {
                shown.get(k).setYValue(values[k]);
            }
        } else {
            List<XYChart.Data<Number, Number>> data = new ArrayList<>(steps.length);
            for (int k = 0; k < steps.length; k++) {
                data.add(new XYChart.Data<>(steps[k], values[k]));
            }
            shown.setAll(data);
        }
    }

    private static boolean sameSteps(List<XYChart.Data<Number, Number>> shown, int[] steps) {
        if (shown.size() != steps.length) {
            return false;
        }
        for (int k = 0; k < steps.length; k++) {
            if (shown.get(k).getXValue().intValue() != steps[k]) {
                return false;
            }
        }
        return true;
    }

    private VBox buttons(OneCycleViewModel vm) {
        launch.setId("launchButton");
        launch.getStyleClass().add("accent");
        launch.disableProperty().bind(vm.configProperty().isNull().or(vm.trainingProperty())
                .or(vm.launchHeldProperty()));
        cancel.setId("cancelTrainingButton");
        cancel.disableProperty().bind(vm.trainingProperty().not());
        save.setId("saveModelButton");
        save.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.runs().stream().noneMatch(TrainingRun::canSave), vm.runs()));
        Label problem = new Label();
        problem.setId("oneCycleProblemLabel");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        launch.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(6, cancel, save);
        HBox.setHgrow(cancel, Priority.ALWAYS);
        HBox.setHgrow(save, Priority.ALWAYS);
        cancel.setMaxWidth(Double.MAX_VALUE);
        save.setMaxWidth(Double.MAX_VALUE);
        // above the buttons: the footer grows upwards, and the buttons stay where they are
        return new VBox(6, problem, launch, row);
    }

    private static FormGrid grid(OneCycleViewModel vm) {
        return new FormGrid(vm.fieldProblemsProperty());
    }
}
