package org.rangefinder.ui.rangetest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rangefinder.rangetest.CurvePoint;
import org.rangefinder.rangetest.SuggestionMethod;
import org.rangefinder.rangetest.Suggestions;
import org.rangefinder.rangetest.SweepResult;
import org.rangefinder.ui.chart.AxisScale;
import org.rangefinder.ui.chart.LiveSeriesFeeder;
import org.rangefinder.ui.chart.LrMarkerChart;
import org.rangefinder.ui.chart.LrText;
import org.rangefinder.ui.chart.SeriesLook;
import org.rangefinder.ui.form.NumberField;

/**
 * The centre of the window: every run's loss against lr on an {@link LrMarkerChart}, growing live, with the
 * selected run's suggestions marked, the min/max markers bound both ways to the bounds fields, buttons that set
 * the bounds from a suggestion, the raw-loss toggle and the zoom reset.
 */
public final class RangeTestChartView extends BorderPane {

    /** The two series of a run on the chart. */
    private record Curves(XYChart.Series<Number, Number> smoothed, XYChart.Series<Number, Number> raw) {
    }

    private final RangeTestViewModel runs;
    private final LrBoundsViewModel bounds;
    private final LrMarkerChart chart = new LrMarkerChart();
    private final LiveSeriesFeeder feeder = new LiveSeriesFeeder();
    private final Map<RangeTestRun, Curves> curves = new HashMap<>();
    /** The run each series on the chart (or off it, hidden) belongs to; a family's mean belongs to its first member. */
    private final Map<XYChart.Series<Number, Number>, RangeTestRun> owners = new IdentityHashMap<>();
    private final Map<RunFamily, Runnable> familyOverlays = new HashMap<>();
    private final BooleanProperty showRaw = new SimpleBooleanProperty(this, "showRaw", true);
    /**
     * The suggestions, a line each: the selected run's, the medians over its seeds, why some are missing. A line
     * keeps its buttons (small ones) whole and cuts its words short where the chart is narrow: the bar wrapped over
     * three lines there, and left a seed member's plot 155 px of a 1024x768 window.
     */
    private final VBox suggestionBar = new VBox();
    // the bar's controls, in its order: made once and updated, since new controls are styled from scratch, in the
    // frame where a run ends
    private final SuggestionButtons runButtons = new SuggestionButtons("");
    private final SuggestionButtons seedButtons = new SuggestionButtons("median-");
    private final Label reason = hint("");

    public RangeTestChartView(RangeTestViewModel runs, LrBoundsViewModel bounds) {
        this.runs = runs;
        this.bounds = bounds;
        chart.setId("lrChart");
        chart.minMarkerProperty().bindBidirectional(bounds.minProperty());
        chart.maxMarkerProperty().bindBidirectional(bounds.maxProperty());
        chart.lrAxis().widthProperty().addListener((o, old, w) -> feeder.setResolution(w.doubleValue()));
        // a zoom thins the curves anew for the LR range in view (and its reset for the runs' extents), once per change
        chart.lrViewProperty().addListener((o, old, view) -> feeder.setView(view));
        setCenter(chart);
        setTop(new VBox(toolbar(), suggestionBar));
        suggestionBar.getStyleClass().add("chart-toolbar");
        suggestionBar.getChildren().add(reason);

        runs.runs().forEach(this::added);
        runs.runs().addListener((ListChangeListener<RangeTestRun>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    change.getRemoved().forEach(this::removed);
                }
                if (change.wasAdded()) {
                    change.getAddedSubList().forEach(this::added);
                }
            }
        });
        runs.selectedSuggestionsProperty().addListener(o -> showSuggestions());
        runs.selectedProperty().addListener(o -> showSuggestions());
        showRaw.addListener(o -> curves.forEach((run, c) -> showOrHide(run)));
        feeder.start();
        showSuggestions();
    }

    private FlowPane toolbar() {
        ToggleButton raw = new ToggleButton("Raw loss");
        raw.setId("rawToggle");
        raw.selectedProperty().bindBidirectional(showRaw);
        Button reset = new Button("Reset zoom");
        reset.setId("resetZoomButton");
        reset.disableProperty().bind(chart.zoomedProperty().not());
        reset.setOnAction(e -> chart.resetZoom());
        reset.setTooltip(new Tooltip("Zoom: drag a rectangle over the chart, or turn the mouse wheel. "
                + "A double click on the chart fits it again."));
        TextField min = new TextField();
        TextField max = new TextField();
        ReadOnlyStringProperty minProblem = boundField(min, "minLrField", bounds.minProperty(), "min LR");
        ReadOnlyStringProperty maxProblem = boundField(max, "maxLrField", bounds.maxProperty(), "max LR");
        Label chosen = new Label();
        chosen.setId("chosenByLabel");
        chosen.getStyleClass().add("hint");
        chosen.textProperty().bind(bounds.chosenByProperty().map(choice -> "(" + choice.id() + ")"));
        Label problem = new Label();
        problem.setId("boundsProblemLabel");
        problem.getStyleClass().add("problem");
        // a text that is no learning rate first: the bounds keep their last valid values meanwhile, and are no
        // bounds to launch or export until the field holds one again
        bounds.typedProblemProperty().bind(Bindings.createStringBinding(
                () -> minProblem.get() != null ? minProblem.get() : maxProblem.get(), minProblem, maxProblem));
        problem.textProperty().bind(bounds.problem());
        problem.visibleProperty().bind(problem.textProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        // small, as the suggestion buttons below: at 1024 px with both side panels open the row holds them all
        raw.getStyleClass().add("small");
        reset.getStyleClass().add("small");
        min.getStyleClass().add("small");
        max.getStyleClass().add("small");
        FlowPane bar = new FlowPane(6, 4, raw, reset, new Label("min LR"), min,
                new Label("max LR"), max, chosen, problem);
        bar.getStyleClass().add("chart-toolbar");
        return bar;
    }

    private static ReadOnlyStringProperty boundField(TextField field, String id, DoubleProperty value, String name) {
        field.setId(id);
        field.setPrefColumnCount(5);
        return NumberField.bind(field, value, v -> v > 0 && Double.isFinite(v), LrText::format, name,
                "a learning rate (a number > 0, as 3e-4)");
    }

    private void added(RangeTestRun run) {
        XYChart.Series<Number, Number> smoothed = new XYChart.Series<>();
        smoothed.setName(run.name());
        XYChart.Series<Number, Number> raw = new XYChart.Series<>();
        raw.setName(run.name() + " (raw)");
        double[] extent = run.lrExtent();
        AxisScale scale = AxisScale.logarithmic(extent[0], extent[1]);
        chart.planLrRange(raw, extent[0], extent[1]);
        chart.planLrRange(smoothed, extent[0], extent[1]);
        feeder.attach(run.rawCurve(), raw, scale);
        feeder.attach(run.smoothedCurve(), smoothed, scale);
        curves.put(run, new Curves(smoothed, raw));
        owners.put(smoothed, run);
        owners.put(raw, run);
        run.visibleProperty().addListener(o -> showOrHide(run));
        showOrHide(run);
        if (run.family() != null && run.family().members().get(0) == run) {
            run.family().seedsProperty().addListener((o, old, seeds) -> {
                showFamily(run.family(), seeds);
                showSuggestions(); // the medians over its seeds, if the selected run is one of them
            });
        }
    }

    private void removed(RangeTestRun run) {
        Curves c = curves.remove(run);
        if (c == null) {
            return;
        }
        feeder.detach(c.smoothed());
        feeder.detach(c.raw());
        owners.remove(c.smoothed());
        owners.remove(c.raw());
        chart.removeSeries(c.smoothed());
        chart.removeSeries(c.raw());
        RunFamily family = run.family();
        if (family != null && family.members().stream().noneMatch(curves::containsKey)) {
            Runnable remove = familyOverlays.remove(family);
            if (remove != null) {
                remove.run();
            }
        }
        showSuggestions();
    }

    /**
     * Puts a run's series on the chart or takes them off, as its Show box and the raw toggle say; a curve without a
     * raw loss of its own shows none (it would be drawn faint under its smoothed line). A series shown again goes
     * back to its run's place, so that the legend lists the runs in the order of the runs list.
     */
    private void showOrHide(RangeTestRun run) {
        Curves c = curves.get(run);
        if (c == null) {
            return;
        }
        boolean visible = run.visibleProperty().get();
        setShown(c.raw(), visible && showRaw.get() && run.hasRawLoss(), RunLooks.raw(run), true);
        setShown(c.smoothed(), visible, RunLooks.smoothed(run), false);
    }

    private void setShown(XYChart.Series<Number, Number> series, boolean shown, SeriesLook look,
                          boolean beforeItsRun) {
        boolean onChart = chart.getData().contains(series);
        if (shown && !onChart) {
            chart.addSeries(placeOf(owners.get(series), beforeItsRun), series, look);
        } else if (!shown && onChart) {
            chart.removeSeries(series);
        }
    }

    /**
     * Where a series of {@code run} goes among the chart's series: before the first series of a run later on the runs
     * list, or, {@code beforeItsRun}, before the first of the run's own.
     */
    private int placeOf(RangeTestRun run, boolean beforeItsRun) {
        List<RangeTestRun> list = runs.runs();
        int at = list.indexOf(run);
        List<XYChart.Series<Number, Number>> shown = chart.getData();
        for (int i = 0; i < shown.size(); i++) {
            int other = list.indexOf(owners.get(shown.get(i)));
            if (other > at || (beforeItsRun && other == at)) {
                return i;
            }
        }
        return shown.size();
    }

    /**
     * A seed family is drawn as its mean curve over the band between its lowest and highest member, live or recorded
     * earlier.
     */
    private void showFamily(RunFamily family, SweepResult.SeedSummary summary) {
        if (summary == null || !family.members().stream().allMatch(curves::containsKey)) {
            return;
        }
        LrMarkerChart.Band band = new LrMarkerChart.Band(summary.lrs(), summary.minSmoothedLoss(),
                summary.maxSmoothedLoss(), RunLooks.familyBand(family));
        XYChart.Series<Number, Number> mean = new XYChart.Series<>();
        mean.setName("sweep " + family.number() + ": mean of " + summary.lrs().length + "-point curves over "
                + seedCount(family));
        for (int i = 0; i < summary.lrs().length; i++) {
            if (Double.isFinite(summary.meanSmoothedLoss()[i])) {
                mean.getData().add(new XYChart.Data<>(summary.lrs()[i], summary.meanSmoothedLoss()[i]));
            }
        }
        chart.addBand(band);
        owners.put(mean, family.members().get(0));
        chart.addSeries(placeOf(family.members().get(0), true), mean, RunLooks.familyMean(family));
        family.members().forEach(m -> m.visibleProperty().set(false));
        familyOverlays.put(family, () -> {
            chart.removeBand(band);
            chart.removeSeries(mean);
            owners.remove(mean);
        });
    }

    /**
     * Marks the selected run's suggestions on its curve and offers them as bounds; for a member of a seed family
     * whose runs have all ended, also the medians over its seeds, marked on the family's mean curve.
     */
    private void showSuggestions() {
        RangeTestRun run = runs.selectedProperty().get();
        Suggestions s = runs.selectedSuggestionsProperty().get();
        seedButtons.hide();
        shown(reason, false);
        if (s == null) {
            // the same buttons, disabled: the bar, and the chart below it, keep their place when a run ends
            runButtons.show(run == null ? "Suggestions appear here when a run ends:"
                    : "Suggestions of " + run.name() + " appear when it ends:", method -> null, lr -> Double.NaN, null);
            chart.setMarks(List.of());
            return;
        }
        String partial = run.partialCurve();
        List<LrMarkerChart.Mark> marks = runButtons.show("Set bounds from #" + run.number()
                + (partial == null ? ":" : " (" + partial + "):"), s::lr,
                lr -> smoothedLossNear(run.points(), lr), run);
        SweepResult.SeedSummary seeds = run.family() == null ? null : run.family().seedsProperty().get();
        if (seeds != null) {
            marks = seedButtons.show("median of its " + seedCount(run.family()) + ":", seeds::median,
                    lr -> lossNear(seeds.lrs(), seeds.meanSmoothedLoss(), lr), null);
        }
        if (s.reason() != null) {
            reason.setText(s.reason());
            shown(reason, true);
        }
        chart.setMarks(marks);
    }

    /** The members of a seed family that the summary is over, those with points: "1 seed", "3 seeds". */
    private static String seedCount(RunFamily family) {
        long n = family.members().stream().filter(m -> !m.points().isEmpty()).count();
        return n + (n == 1 ? " seed" : " seeds");
    }

    /**
     * A line of the suggestion bar: a hint and a button per suggestion method, ids and mark names starting with a
     * prefix. Where the line is too narrow, the hint gives up its room, not the buttons, whose values are what the
     * line offers.
     */
    private final class SuggestionButtons {
        private final String prefix;
        private final Label hint = hint("");
        private final HBox line = new HBox(6, hint);
        private final Map<SuggestionMethod, Button> buttons = new EnumMap<>(SuggestionMethod.class);

        SuggestionButtons(String prefix) {
            this.prefix = prefix;
            line.setAlignment(Pos.CENTER_LEFT);
            for (SuggestionMethod method : SuggestionMethod.values()) {
                Button use = new Button();
                use.setId(prefix + method.id() + "Button");
                use.getStyleClass().addAll("small", "suggestion-value");
                use.setMinWidth(Region.USE_PREF_SIZE);
                buttons.put(method, use);
                line.getChildren().add(use);
            }
            suggestionBar.getChildren().add(line);
        }

        /**
         * Shows {@code text} and a button per suggestion method that sets the bounds from it (disabled where there is
         * none); returns a mark for each suggested learning rate, at the loss {@code lossAt} gives.
         */
        List<LrMarkerChart.Mark> show(String text, Function<SuggestionMethod, Double> suggested,
                                      DoubleUnaryOperator lossAt, RangeTestRun source) {
            hint.setText(text);
            shown(line, true);
            List<LrMarkerChart.Mark> marks = new ArrayList<>();
            buttons.forEach((method, use) -> {
                Double lr = suggested.apply(method);
                use.setText(method.id() + " " + (lr == null ? "-" : LrText.format(lr)));
                use.setDisable(lr == null);
                use.setOnAction(e -> bounds.setFrom(method, lr, source));
                if (lr != null) {
                    marks.add(new LrMarkerChart.Mark(prefix + method.id() + " " + LrText.format(lr), lr,
                            lossAt.applyAsDouble(lr)));
                }
            });
            return marks;
        }

        void hide() {
            shown(line, false);
        }
    }

    private static void shown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /** A hint of the suggestion bar; cut short, it says all of itself in its tooltip. */
    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(l.textProperty());
        l.setTooltip(whole);
        return l;
    }

    /** The smoothed loss of the point whose lr is nearest to {@code lr} in log space (where a mark sits). */
    static double smoothedLossNear(List<CurvePoint> points, double lr) {
        return lossNear(points.stream().mapToDouble(CurvePoint::lr).toArray(),
                points.stream().mapToDouble(CurvePoint::smoothedLoss).toArray(), lr);
    }

    /** The finite loss whose learning rate is nearest to {@code lr} in log space; NaN when there is none. */
    static double lossNear(double[] lrs, double[] losses, double lr) {
        double best = Double.POSITIVE_INFINITY;
        double loss = Double.NaN;
        for (int i = 0; i < lrs.length; i++) {
            double d = Math.abs(Math.log(lrs[i]) - Math.log(lr));
            if (d < best && Double.isFinite(losses[i])) {
                best = d;
                loss = losses[i];
            }
        }
        return loss;
    }

    public LrMarkerChart chart() {
        return chart;
    }

    /** The raw-loss toggle. */
    public BooleanProperty showRawProperty() {
        return showRaw;
    }

    /** The smoothed-loss series of a run (for tests and exports); null when the run is not on the list. */
    public XYChart.Series<Number, Number> smoothedSeries(RangeTestRun run) {
        Curves c = curves.get(run);
        return c == null ? null : c.smoothed();
    }
}
