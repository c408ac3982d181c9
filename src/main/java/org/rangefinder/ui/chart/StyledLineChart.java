package org.rangefinder.ui.chart;

import java.util.IdentityHashMap;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Line;

/**
 * A line chart for live curves: no animation, no symbols, no re-sorting of the data (curves arrive in x order), and
 * each series drawn by a {@link SeriesLook} of its own rather than by its position in the list, so a run keeps its
 * colour when others are hidden or deleted. The legend shows the series whose look asks for it, with the same look;
 * it keeps its height while it has none.
 */
public class StyledLineChart<X, Y> extends LineChart<X, Y> {

    private final Map<Series<X, Y>, SeriesLook> looks = new IdentityHashMap<>();
    private final FlowPane legend = new FlowPane(14, 4);

    public StyledLineChart(Axis<X> xAxis, Axis<Y> yAxis) {
        super(xAxis, yAxis);
        setAnimated(false);
        setCreateSymbols(false);
        setAxisSortingPolicy(SortingPolicy.NONE);
        legend.getStyleClass().add("rf-legend");
        legend.setAlignment(Pos.CENTER);
        // the chart gives the legend its preferred width, up to its own: the items wrap only when they need to, as
        // the legend's height (asked for the chart's width) expects; the default wrap length of 400 px wrapped
        // two short items in a wide chart and cut off the second row
        legend.setPrefWrapLength(Double.MAX_VALUE);
        setLegend(legend);
        updateLegend();
    }

    /**
     * A chart of something against the iteration (the 1cycle preview and training charts), both axes fitting the data
     * (see {@link LinearAxis#fittingData(boolean)}), the iteration in whole units, y not forced to 0.
     */
    public static StyledLineChart<Number, Number> againstIteration(String yLabel, String id) {
        LinearAxis x = LinearAxis.fittingData(true);
        x.setLabel("iteration");
        LinearAxis y = LinearAxis.fittingData(false);
        y.setLabel(yLabel);
        StyledLineChart<Number, Number> chart = new StyledLineChart<>(x, y);
        chart.setId(id);
        return chart;
    }

    /** Adds a series drawn with {@code look}. */
    public void addSeries(Series<X, Y> series, SeriesLook look) {
        looks.put(series, look);
        series.nodeProperty().addListener((obs, old, node) -> applyLook(node, look));
        getData().add(series);
        applyLook(series.getNode(), look);
        updateLegend();
    }

    public void removeSeries(Series<X, Y> series) {
        getData().remove(series);
        looks.remove(series);
        updateLegend();
    }

    /** The look of a series added with {@link #addSeries}, or null. */
    public SeriesLook lookOf(Series<X, Y> series) {
        return looks.get(series);
    }

    /** LineChart resets the style classes of every series line when the list changes: put the looks back. */
    @Override
    protected void seriesChanged(javafx.collections.ListChangeListener.Change<? extends Series> change) {
        super.seriesChanged(change);
        for (Series<X, Y> series : getData()) {
            SeriesLook look = looks.get(series);
            if (look != null) {
                applyLook(series.getNode(), look);
            }
        }
    }

    private static void applyLook(Node node, SeriesLook look) {
        if (node != null) {
            node.getStyleClass().removeAll(look.styleClasses());
            node.getStyleClass().addAll(look.styleClasses());
            node.setStyle(look.inlineStyle());
        }
    }

    @Override
    protected void updateLegend() {
        if (legend == null) {
            return; // called by the super constructor
        }
        legend.getChildren().clear();
        for (Series<X, Y> series : getData()) {
            SeriesLook look = looks.get(series);
            if (look != null && look.inLegend() && series.getName() != null) {
                legend.getChildren().add(legendItem(look, series.getName()));
            }
        }
        if (legend.getChildren().isEmpty()) {
            // an empty legend keeps the height of one item: the plot does not jump when the first curve arrives
            Node emptyRow = legendItem(null, " ");
            emptyRow.setVisible(false);
            legend.getChildren().add(emptyRow);
        }
    }

    /** A swatch drawn with {@code look} (none: a plain line) and the series' name. */
    private static HBox legendItem(SeriesLook look, String name) {
        Line swatch = new Line(0, 0, 18, 0);
        swatch.getStyleClass().add("legend-line");
        if (look != null) {
            applyLook(swatch, look);
        }
        HBox item = new HBox(5, swatch, new Label(name));
        item.setAlignment(Pos.CENTER_LEFT);
        item.getStyleClass().add("rf-legend-item");
        return item;
    }
}
