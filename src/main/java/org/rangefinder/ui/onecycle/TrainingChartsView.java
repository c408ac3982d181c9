package org.rangefinder.ui.onecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.rangefinder.ui.chart.AxisScale;
import org.rangefinder.ui.chart.LinearAxis;
import org.rangefinder.ui.chart.LiveCurve;
import org.rangefinder.ui.chart.LiveSeriesFeeder;
import org.rangefinder.ui.chart.RunColors;
import org.rangefinder.ui.chart.SeriesLook;
import org.rangefinder.ui.chart.StyledLineChart;
import org.rangefinder.ui.work.FrameAfterNext;
import org.rangefinder.ui.work.RunState;

/**
 * The live charts of the last 1cycle launch, one colour per run (the 1cycle run and its baseline): training loss
 * (raw faint, smoothed bold) with the validation loss dashed, validation accuracy, learning rate and momentum, all
 * against the iteration; a line per run says how far it is.
 */
public final class TrainingChartsView extends BorderPane {
    private final LiveSeriesFeeder feeder = new LiveSeriesFeeder();
    private final StyledLineChart<Number, Number> loss = chart("loss", "trainLossChart");
    private final StyledLineChart<Number, Number> accuracy = chart("validation accuracy", "valAccuracyChart");
    private final StyledLineChart<Number, Number> lr = chart("learning rate", "trainLrChart");
    private final StyledLineChart<Number, Number> momentum = chart("momentum", "trainMomentumChart");
    private final List<StyledLineChart<Number, Number>> charts = List.of(loss, accuracy, lr, momentum);
    private final VBox summaries = new VBox(2);
    private final List<XYChart.Series<Number, Number>> attached = new ArrayList<>();
    private final ObservableList<TrainingRun> runs;
    private final FrameAfterNext holdRanges = new FrameAfterNext(this::holdPlannedRanges);

    public TrainingChartsView(OneCycleViewModel vm) {
        runs = vm.runs();
        GridPane grid = new GridPane();
        grid.add(loss, 0, 0);
        grid.add(accuracy, 1, 0);
        grid.add(lr, 0, 1);
        grid.add(momentum, 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        setCenter(grid);
        summaries.setId("trainingSummary");
        summaries.getStyleClass().add("chart-toolbar");
        Label empty = new Label("Pick the bounds on the range-test chart, then Launch 1cycle in the panel on the right.");
        empty.getStyleClass().add("hint");
        summaries.getChildren().add(empty);
        setTop(summaries);
        // the bounds the curves head for: fitted from there to the data, these axes change range only when a curve
        // goes past the other end (the loss above its start), not at every new low (about 20 times a training)
        ((LinearAxis) loss.getYAxis()).anchorAt(0);
        ((LinearAxis) accuracy.getYAxis()).anchorAt(1);
        runs.addListener((ListChangeListener<TrainingRun>) change -> {
            while (change.next()) {
                if (change.wasAdded() || change.wasRemoved()) {
                    show();
                }
            }
        });
        feeder.start();
    }

    private void show() {
        attached.forEach(feeder::detach);
        attached.clear();
        for (StyledLineChart<Number, Number> chart : charts) {
            List.copyOf(chart.getData()).forEach(chart::removeSeries);
        }
        summaries.getChildren().clear();
        if (!runs.isEmpty()) {
            holdRanges.request();
        }
        for (TrainingRun run : runs) {
            AxisScale scale = AxisScale.linear(0, run.totalIterations());
            add(loss, run.lossCurve(), run.name() + " raw", look(run, "raw-line").withoutLegend(), scale);
            add(loss, run.smoothedLossCurve(), run.name() + " training", look(run, "smoothed-line"), scale);
            add(loss, run.valLossCurve(), run.name() + " validation", look(run, "evaluation-line", "dashed-line"), scale);
            add(accuracy, run.valAccuracyCurve(), run.name(), look(run, "evaluation-line"), scale);
            add(lr, run.lrCurve(), run.name(), look(run, "smoothed-line"), scale);
            add(momentum, run.momentumCurve(), run.name(), look(run, "smoothed-line"), scale);
            summaries.getChildren().add(summary(run));
        }
    }

    /**
     * Shows what the runs will make from the start, so that the curves grow across the charts: on every x axis the
     * iterations, on the learning rate's and momentum's y axes the range of the runs' schedules. Fitted to the data
     * so far, these axes changed range some ten times a training each (and JavaFX made all their tick labels anew).
     * Their ticks are made once, in the frame after the launch's: the launch's own frame already styles and lays out
     * the tab, its new curves and their legends.
     */
    private void holdPlannedRanges() {
        if (runs.isEmpty()) {
            return;
        }
        // loops, not streams: a stream's lambdas make a class each at their first use, in a frame that has ticks to make
        int iterations = 0;
        double[] lrs = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] momenta = lrs.clone();
        for (TrainingRun run : runs) {
            iterations = Math.max(iterations, run.totalIterations());
            widen(lrs, run.lrExtent());
            widen(momenta, run.momentumExtent());
        }
        for (StyledLineChart<Number, Number> chart : charts) {
            ((LinearAxis) chart.getXAxis()).holdRange(0, iterations);
        }
        ((LinearAxis) lr.getYAxis()).holdRange(lrs[0], lrs[1]);
        ((LinearAxis) momentum.getYAxis()).holdRange(momenta[0], momenta[1]);
    }

    /** Widens the extent {@code range} ({@code [min, max]}) to include {@code extent}. */
    private static void widen(double[] range, double[] extent) {
        range[0] = Math.min(range[0], extent[0]);
        range[1] = Math.max(range[1], extent[1]);
    }

    private void add(StyledLineChart<Number, Number> chart, LiveCurve curve, String name, SeriesLook look,
                     AxisScale scale) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        feeder.attach(curve, series, scale);
        attached.add(series);
        chart.addSeries(series, look);
    }

    private static SeriesLook look(TrainingRun run, String... roles) {
        return RunColors.look(run.colorIndex(), RunColors.OWN, roles);
    }

    private static Label summary(TrainingRun run) {
        Label label = new Label();
        label.getStyleClass().add("training-summary");
        RunState state = run.state();
        // short enough for the centre of a 1024 px window beside both side panels ("val acc", not "validation
        // accuracy", as the History tab says it)
        label.textProperty().bind(Bindings.createStringBinding(() -> {
            double acc = run.accuracyProperty().get();
            return String.format(Locale.ROOT, "%s: %s, %.0f%% of %d iterations, %.1f s%s", run.name(),
                    state.outcomeText().get(), 100 * state.progressProperty().get(), run.totalIterations(),
                    state.secondsProperty().get(),
                    Double.isNaN(acc) ? "" : String.format(Locale.ROOT, ", val acc %.2f%%", 100 * acc));
        }, state.outcomeText(), state.progressProperty(), state.secondsProperty(), run.accuracyProperty()));
        return label;
    }

    private static StyledLineChart<Number, Number> chart(String yLabel, String id) {
        StyledLineChart<Number, Number> chart = StyledLineChart.againstIteration(yLabel, id);
        chart.setMinSize(200, 150);
        return chart;
    }

    public StyledLineChart<Number, Number> lossChart() {
        return loss;
    }

    public StyledLineChart<Number, Number> accuracyChart() {
        return accuracy;
    }

    public StyledLineChart<Number, Number> lrChart() {
        return lr;
    }

    public StyledLineChart<Number, Number> momentumChart() {
        return momentum;
    }
}
