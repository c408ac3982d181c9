package org.rangefinder.ui.chart;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.DoublePredicate;
import javafx.beans.value.ChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.SnapshotParameters;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;

/**
 * A line chart for live curves: no animation, no symbols, no re-sorting of the data (curves arrive in x order), and
 * each series drawn by a {@link SeriesLook} of its own rather than by its position in the list, so a run keeps its
 * colour when others are hidden or deleted. The legend shows the series whose look asks for it, with the same look;
 * it keeps its height while it has none, keeps each series' entry while the series stays (see
 * {@link #updateLegend()}), and takes no more rows than {@link #setLegendRows} allows, nor than would leave the plot
 * too little, the others scrolled to ({@link ChartLegend}). Each layout moves the points of the series' lines where the axes now place them, rather
 * than making every line anew (see {@link #layoutPlotChildren()}).
 */
public class StyledLineChart<X, Y> extends LineChart<X, Y> {

    private final Map<Series<X, Y>, SeriesLook> looks = new IdentityHashMap<>();
    /** Per series on the chart, what gives its new nodes its look (taken off with the series). */
    private final Map<Series<X, Y>, ChangeListener<Node>> lookFollowers = new IdentityHashMap<>();
    private final FlowPane legend = new FlowPane(14, 4);
    private final ChartLegend legendBox = new ChartLegend(legend);
    /**
     * Each series' legend entry, with the name and look it was made for (the look compared by identity: a series keeps
     * the one it was added with, and a record's first {@code equals} in a JVM builds its method handles, a few ms).
     */
    private Map<Series<X, Y>, LegendEntry> legendEntries = new IdentityHashMap<>();
    /** The grid lines (see {@link #layOutGrid()}), drawn behind everything else in the plot. */
    private final Path verticalGrid = gridLines("chart-vertical-grid-lines");
    private final Path horizontalGrid = gridLines("chart-horizontal-grid-lines");
    /** Stands in for the entries while there are none (invisible), so that the legend keeps its height. */
    private Node emptyRow;

    private record LegendEntry(Node item, String name, SeriesLook look) {
    }

    public StyledLineChart(Axis<X> xAxis, Axis<Y> yAxis) {
        super(xAxis, yAxis);
        setAnimated(false);
        setCreateSymbols(false);
        setAxisSortingPolicy(SortingPolicy.NONE);
        setVerticalGridLinesVisible(false);
        setHorizontalGridLinesVisible(false);
        getPlotChildren().addAll(verticalGrid, horizontalGrid);
        legend.getStyleClass().add("rf-legend");
        legend.setAlignment(Pos.CENTER);
        // the chart gives the legend its preferred width, up to its own: the items wrap only when they need to, as
        // the legend's height (asked for the chart's width) expects; the default wrap length of 400 px wrapped
        // two short items in a wide chart and cut off the second row
        legend.setPrefWrapLength(Double.MAX_VALUE);
        setLegend(legendBox);
        updateLegend();
    }

    /** Shows at most {@code rows} rows of legend entries at once (all by default); the others are scrolled to. */
    public void setLegendRows(int rows) {
        legendBox.setMaxRows(rows);
    }

    /**
     * FX thread: a snapshot of the chart with every row of its legend. For the snapshot the chart grows by the rows
     * its legend leaves to be scrolled to, so that the plot keeps its size (taken out of its parent's layout
     * meanwhile, which would size it back), then shrinks back; nothing is drawn on screen in between.
     */
    public WritableImage picture(SnapshotParameters params) {
        double width = getWidth();
        double height = getHeight();
        double grow = legendBox.hiddenHeight(width - snappedLeftInset() - snappedRightInset());
        if (grow <= 0) {
            return snapshot(params, null);
        }
        boolean managed = isManaged();
        setManaged(false);
        legendBox.setShowingAll(true);
        resize(width, height + grow);
        layout();
        try {
            return snapshot(params, null);
        } finally {
            legendBox.setShowingAll(false);
            resize(width, height);
            setManaged(managed);
            layout();
        }
    }

    /** Tells the legend how high it may be before the chart would hide it, then lays the chart out. */
    @Override
    protected void layoutChildren() {
        legendBox.setRoom(getHeight() - snappedTopInset() - snappedBottomInset() - ChartLegend.CHART_CONTENT_MIN);
        super.layoutChildren();
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

    /** Adds a series drawn with {@code look}, last: its legend entry comes last. */
    public void addSeries(Series<X, Y> series, SeriesLook look) {
        addSeries(getData().size(), series, look);
    }

    /**
     * Adds a series drawn with {@code look} at {@code index} of the series, where its legend entry goes (its line, as
     * LineChart draws it, is drawn over the lines already on the chart).
     */
    public void addSeries(int index, Series<X, Y> series, SeriesLook look) {
        looks.put(series, look);
        ChangeListener<Node> follower = (obs, old, node) -> applyLook(node, look);
        lookFollowers.put(series, follower);
        series.nodeProperty().addListener(follower);
        getData().add(index, series);
        applyLook(series.getNode(), look);
        updateLegend();
    }

    public void removeSeries(Series<X, Y> series) {
        getData().remove(series);
        ChangeListener<Node> follower = lookFollowers.remove(series);
        if (follower != null) {
            series.nodeProperty().removeListener(follower);
        }
        looks.remove(series);
        updateLegend();
    }

    /** The look of a series added with {@link #addSeries}, or null. */
    public SeriesLook lookOf(Series<X, Y> series) {
        return looks.get(series);
    }

    /**
     * Draws each series as LineChart does, a path through its points in the order given ({@code MoveTo} the first
     * point, then {@code LineTo} each point, the first included), skipping points the axes cannot place; but moves
     * the path's existing elements and adds or removes only the difference. LineChart clears each path and makes a
     * new element (and its two coordinate properties) for every point of every series at each layout, which a live
     * curve asks for at every frame: most of the points are where they were. Charts that draw symbols are left to
     * LineChart.
     */
    @Override
    protected void layoutPlotChildren() {
        layOutGrid();
        if (getCreateSymbols()) {
            super.layoutPlotChildren();
            return;
        }
        for (Series<X, Y> series : getData()) {
            if (series.getNode() instanceof Path path) {
                layOut(series, path.getElements());
            }
        }
    }

    private void layOut(Series<X, Y> series, ObservableList<PathElement> elements) {
        Axis<X> xAxis = getXAxis();
        Axis<Y> yAxis = getYAxis();
        List<PathElement> added = new ArrayList<>();
        int count = 0; // elements of the path as laid out so far
        for (Iterator<Data<X, Y>> it = getDisplayedDataIterator(series); it.hasNext(); ) {
            Data<X, Y> item = it.next();
            double x = xAxis.getDisplayPosition(getCurrentDisplayedXValue(item));
            double y = yAxis.getDisplayPosition(getCurrentDisplayedYValue(item));
            if (Double.isNaN(x) || Double.isNaN(y)) {
                continue;
            }
            if (count == 0) {
                count = place(elements, added, count, true, x, y);
            }
            count = place(elements, added, count, false, x, y);
        }
        keepOnly(elements, added, count);
    }

    /**
     * Ends a pass of {@link #place} over a path: adds the elements it made past the path's end, or removes those past
     * the {@code count} it placed.
     */
    private static void keepOnly(ObservableList<PathElement> elements, List<PathElement> added, int count) {
        if (!added.isEmpty()) {
            elements.addAll(added);
        } else if (elements.size() > count) {
            elements.remove(count, elements.size());
        }
    }

    /**
     * Puts element {@code index} of the path at {@code (x, y)}: a {@code MoveTo} or a {@code LineTo}, the existing
     * one moved if it is of that kind, else a new one (added to {@code added} past the path's end). Returns the next
     * index.
     */
    private static int place(ObservableList<PathElement> elements, List<PathElement> added, int index,
                             boolean move, double x, double y) {
        PathElement element = index < elements.size() ? elements.get(index) : null;
        if (move && element instanceof MoveTo moveTo) {
            moveTo.setX(x);
            moveTo.setY(y);
        } else if (!move && element instanceof LineTo lineTo) {
            lineTo.setX(x);
            lineTo.setY(y);
        } else {
            PathElement made = move ? new MoveTo(x, y) : new LineTo(x, y);
            if (element != null) {
                elements.set(index, made);
            } else {
                added.add(made);
            }
        }
        return index + 1;
    }

    /**
     * Draws the grid lines at the axes' major ticks, as XYChart does (none at an axis' zero while its zero line shows,
     * none on the plot's left and bottom edges), but in paths of this chart, which move their elements only where the
     * ticks have moved. XYChart makes its grid paths anew at every layout, which a live chart asks for at every frame,
     * and a path made anew is painted anew: without a GPU the window painted the whole plot at each frame however
     * little of the curves had changed. XYChart's own grid lines are therefore turned off; a theme that turns them
     * back on ({@code -fx-vertical-grid-lines-visible: true}) gets them in place of these.
     */
    private void layOutGrid() {
        ObservableList<Node> children = getPlotChildren();
        if (children.get(0) != verticalGrid || children.get(1) != horizontalGrid) {
            horizontalGrid.toBack();
            verticalGrid.toBack();
        }
        double width = getXAxis().getWidth();
        double height = getYAxis().getHeight();
        gridLines(verticalGrid, getXAxis(), !getVerticalGridLinesVisible(), isVerticalZeroLineVisible(),
                x -> x > 0 && x <= width, x -> new double[] {x + 0.5, 0, x + 0.5, height});
        gridLines(horizontalGrid, getYAxis(), !isHorizontalGridLinesVisible(), isHorizontalZeroLineVisible(),
                y -> y >= 0 && y < height, y -> new double[] {0, y + 0.5, width, y + 0.5});
    }

    /**
     * Makes {@code grid} a line {@code ends} gives (x1, y1, x2, y2) for each major tick of {@code axis} at a display
     * position that {@code within} takes, but none at the axis' zero while a zero line is drawn there, and none at
     * all unless {@code shown}.
     */
    private static <T> void gridLines(Path grid, Axis<T> axis, boolean shown, boolean zeroLineShown,
                                      DoublePredicate within, DoubleFunction<double[]> ends) {
        ObservableList<PathElement> elements = grid.getElements();
        List<PathElement> added = new ArrayList<>();
        int count = 0;
        if (shown) {
            double zero = axis.getZeroPosition();
            for (Axis.TickMark<T> tick : axis.getTickMarks()) {
                double at = axis.getDisplayPosition(tick.getValue());
                if ((at != zero || !zeroLineShown) && within.test(at)) {
                    double[] line = ends.apply(at);
                    count = place(elements, added, count, true, line[0], line[1]);
                    count = place(elements, added, count, false, line[2], line[3]);
                }
            }
        }
        keepOnly(elements, added, count);
    }

    private static Path gridLines(String styleClass) {
        Path grid = new Path();
        grid.getStyleClass().add(styleClass);
        grid.setManaged(false);
        grid.setMouseTransparent(true);
        return grid;
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

    /**
     * Shows an entry for each series whose look asks for one, in the order of the series. An entry is made once per
     * series (and name and look) and kept while the series stays: a legend made anew at each change, as LineChart
     * makes it, gave every run already on the chart a new entry, styled from scratch, in the frame where another
     * run started. Entries are added and removed where they change; the others stay in the scene untouched.
     */
    @Override
    protected void updateLegend() {
        if (legend == null) {
            return; // called by the super constructor
        }
        Map<Series<X, Y>, LegendEntry> entries = new IdentityHashMap<>();
        List<Node> items = new ArrayList<>();
        for (Series<X, Y> series : getData()) {
            SeriesLook look = looks.get(series);
            String name = series.getName();
            if (look != null && look.inLegend() && name != null) {
                LegendEntry entry = legendEntries.get(series);
                if (entry == null || !entry.name().equals(name) || entry.look() != look) {
                    entry = new LegendEntry(legendItem(look, name), name, look);
                }
                entries.put(series, entry);
                items.add(entry.item());
            }
        }
        legendEntries = entries;
        if (items.isEmpty()) {
            if (emptyRow == null) {
                emptyRow = legendItem(null, " ");
                emptyRow.setVisible(false);
            }
            items.add(emptyRow);
        }
        showInOrder(legend.getChildren(), items);
    }

    /**
     * Makes {@code children} the {@code wanted} nodes, in order, by removing and inserting only the nodes that differ
     * when the ones that stay are already in order (series are added at the end and removed anywhere); otherwise
     * replaces them all.
     */
    static void showInOrder(ObservableList<Node> children, List<Node> wanted) {
        if (children.equals(wanted)) {
            return;
        }
        Map<Node, Boolean> keep = new IdentityHashMap<>();
        wanted.forEach(n -> keep.put(n, Boolean.TRUE));
        children.removeIf(n -> !keep.containsKey(n));
        int at = 0;
        for (Node n : wanted) {
            if (at < children.size() && children.get(at) == n) {
                at++;
            } else if (!children.contains(n)) {
                children.add(at++, n);
            } else {
                children.setAll(wanted); // the nodes that stay changed order
                return;
            }
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
