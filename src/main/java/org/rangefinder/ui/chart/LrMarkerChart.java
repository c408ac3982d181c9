package org.rangefinder.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

/**
 * Loss against learning rate on a {@link LogAxis}, with what a user needs to pick the bounds of a cycle:
 * <ul>
 *   <li>two vertical markers, min and max, with the band between them shaded; drag them with the mouse (values are
 *       rounded to three significant digits, the precision one picks by eye, and min stays below max); their
 *       values are properties, to bind both ways to fields;</li>
 *   <li>labelled marks on the curve (suggestions), and shaded bands (a family's min/max);</li>
 *   <li>a y axis fitted to the series and bands, each without its diverged tail ({@link LossRange});</li>
 *   <li>zoom with the mouse wheel around the cursor (both axes), or drag a rectangle over the plot to zoom onto it
 *       (Escape drops the rectangle); a double click on the plot or {@link #resetZoom()} fits again; the LR range in
 *       view is {@link #lrViewProperty()}, for the curves' feeder to thin them for it;</li>
 *   <li>a hover label with the lr and loss of the nearest point under the cursor;</li>
 *   <li>a legend of at most two rows, the others scrolled to.</li>
 * </ul>
 */
public final class LrMarkerChart extends StyledLineChart<Number, Number> {

    /** A labelled point on the chart, e.g. the valley suggestion. */
    public record Mark(String label, double x, double y) {
    }

    /** A shaded area between two curves over the same x values. */
    public record Band(double[] xs, double[] lows, double[] highs, SeriesLook look) {
    }

    private static final double ZOOM_STEP = 1.25;
    private static final double HOVER_DISTANCE = 24;
    /** At least this many labelled ticks on the loss axis. */
    private static final int LOSS_TICKS = 6;
    /** Where the markers' labels sit, from the plot's top. */
    private static final double MARKER_LABEL_Y = 2;
    /** A drag shorter than this (pixels, either way) is a click, not a zoom rectangle. */
    private static final double MIN_ZOOM_DRAG = 6;
    /** The marks made with the chart: a range test's steep, valley and minimum suggestions. */
    private static final int SUGGESTIONS = 3;
    /**
     * The legend's rows shown at once: with ten runs it took five, and left the plot 130-230 px of a window of
     * 1200 x 800 to 1400 x 880.
     */
    private static final int LEGEND_ROWS = 2;

    private final LogAxis lrAxis;
    private final LinearAxis lossAxis;
    private final DoubleProperty minMarker = new SimpleDoubleProperty(this, "minMarker", 1e-3);
    private final DoubleProperty maxMarker = new SimpleDoubleProperty(this, "maxMarker", 1e-2);
    private final ReadOnlyBooleanWrapper zoomed = new ReadOnlyBooleanWrapper(this, "zoomed");
    private final ReadOnlyObjectWrapper<AxisScale> lrView = new ReadOnlyObjectWrapper<>(this, "lrView");
    private final Rectangle shade = new Rectangle();
    private final Group backdrop = new Group(shade);
    private final Group overlay = new Group();
    private final Marker min = new Marker("min", minMarker, "minMarker");
    private final Marker max = new Marker("max", maxMarker, "maxMarker");
    private final Group marks = new Group();
    private final Label hover = new Label();
    private final Rectangle zoomBox = new Rectangle();
    private final List<Band> bands = new ArrayList<>();
    /** The LR range each live series will cover when complete; weak, so a series dropped by its view drops out. */
    private final Map<Series<Number, Number>, double[]> plannedLrs = new WeakHashMap<>();
    /** Where the zoom rectangle's drag started, in plot coordinates; null when no drag is under way. */
    private Point2D zoomStart;

    public LrMarkerChart() {
        this(new LogAxis(1e-7, 10), new LinearAxis(0, 2.5, 0.5));
    }

    private LrMarkerChart(LogAxis lrAxis, LinearAxis lossAxis) {
        super(lrAxis, lossAxis);
        this.lrAxis = lrAxis;
        this.lossAxis = lossAxis;
        lrAxis.setLabel("learning rate");
        lossAxis.setLabel("loss");
        getStyleClass().add("lr-marker-chart");
        setLegendRows(LEGEND_ROWS);
        // defaults for use without the application's CSS, which overrides them
        shade.setFill(Color.rgb(66, 133, 244, 0.14));
        shade.getStyleClass().add("lr-band");
        shade.setId("lrBand");
        shade.setMouseTransparent(true);
        backdrop.setManaged(false);
        hover.getStyleClass().add("hover-label");
        hover.setId("hoverLabel");
        hover.setMouseTransparent(true);
        hover.setVisible(false);
        marks.setMouseTransparent(true);
        for (int i = 0; i < SUGGESTIONS; i++) {
            addMarkPair(); // styled with the window, before any run ends
        }
        zoomBox.getStyleClass().add("zoom-box");
        zoomBox.setId("zoomBox");
        zoomBox.setFill(Color.rgb(128, 128, 128, 0.15));
        zoomBox.setStroke(Color.GRAY);
        zoomBox.getStrokeDashArray().setAll(4.0, 3.0);
        zoomBox.setMouseTransparent(true);
        zoomBox.setVisible(false);
        overlay.getChildren().addAll(min.line, max.line, min.grip, max.grip, min.label, max.label, marks, hover,
                zoomBox);
        overlay.setManaged(false);
        getPlotChildren().addAll(backdrop, overlay);
        // moving a marker moves the marker only: a chart layout would redraw every curve, on each step of a drag
        minMarker.addListener(o -> layoutMarkers());
        maxMarker.addListener(o -> layoutMarkers());
        addEventHandler(MouseEvent.MOUSE_MOVED, this::showHover);
        // a press starts a drag (a marker's, or a zoom rectangle's), which moves no hover label: the one from where
        // it started would cover the marks and labels the drag passes
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> hover.setVisible(false));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setVisible(false));
        addEventHandler(ScrollEvent.SCROLL, this::zoomByWheel);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::startZoomBox);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragZoomBox);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::endZoomBox);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && plotPoint(e) != null) {
                resetZoom();
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && zoomStart != null) {
                zoomStart = null;
                zoomBox.setVisible(false);
                e.consume();
            }
        });
    }

    public LogAxis lrAxis() {
        return lrAxis;
    }

    public LinearAxis lossAxis() {
        return lossAxis;
    }

    public DoubleProperty minMarkerProperty() {
        return minMarker;
    }

    public DoubleProperty maxMarkerProperty() {
        return maxMarker;
    }

    /** True while the user's zoom holds the axes; {@link #resetZoom()} fits them to the data again. */
    public ReadOnlyBooleanProperty zoomedProperty() {
        return zoomed.getReadOnlyProperty();
    }

    /**
     * The LR range a zoom shows, null while the LR axis fits the data: set by {@link #zoomTo} and {@link #resetZoom()}
     * only, not as the fitted axis grows with a live run, so that a {@link LiveSeriesFeeder} can thin the curves for
     * the view ({@link LiveSeriesFeeder#setView}) when it changes, never per frame.
     */
    public ReadOnlyObjectProperty<AxisScale> lrViewProperty() {
        return lrView.getReadOnlyProperty();
    }

    /**
     * Replaces the labelled marks. Each mark is a dot and a label, kept in {@link #marks} in pairs and reused from one
     * call to the next (pairs without a mark hold none and stay hidden): made anew, they were styled from scratch in
     * the frame where a range test ended, and the first ones loaded their classes there.
     */
    public void setMarks(List<Mark> newMarks) {
        List<Node> pairs = marks.getChildren();
        while (pairs.size() < 2 * newMarks.size()) {
            addMarkPair();
        }
        for (int i = 0; i < pairs.size(); i++) {
            Mark m = i / 2 < newMarks.size() ? newMarks.get(i / 2) : null;
            Node node = pairs.get(i);
            node.setUserData(m);
            node.setVisible(false); // until laid out where the mark is
            if (m != null && node instanceof Label text) {
                text.setText(m.label());
            }
        }
        requestChartLayout();
    }

    /** Adds a dot and a label for one more mark, holding none yet. */
    private void addMarkPair() {
        Circle dot = new Circle(4.5, Color.rgb(220, 50, 47));
        dot.getStyleClass().add("suggestion-dot");
        dot.setVisible(false);
        Label text = new Label();
        text.getStyleClass().add("suggestion-label");
        text.setVisible(false);
        marks.getChildren().addAll(dot, text);
    }

    /**
     * Tells the chart the LR range a live series will cover (a range test's start and end LR), so that the LR axis
     * shows those decades from the series' first point on. Fitted to the points so far, the axis grew a decade at a
     * time as a range test ran: each time JavaFX made all its tick labels anew, and every curve and marker moved.
     */
    public void planLrRange(Series<Number, Number> series, double lo, double hi) {
        plannedLrs.put(series, new double[] {lo, hi});
        requestChartLayout();
    }

    /** The labels of the marks set, in order. */
    public List<String> markLabels() {
        return marks.getChildren().stream().filter(n -> n instanceof Label && n.getUserData() != null)
                .map(n -> ((Label) n).getText()).toList();
    }

    public void addBand(Band band) {
        bands.add(band);
        if (!zoomed.get()) {
            fitLossAxis();
        }
        Polygon polygon = new Polygon();
        polygon.getStyleClass().addAll("rf-band");
        polygon.getStyleClass().addAll(band.look().styleClasses());
        polygon.setStyle(band.look().inlineStyle());
        polygon.setUserData(band);
        polygon.setMouseTransparent(true);
        backdrop.getChildren().add(polygon);
        requestChartLayout();
    }

    public void removeBand(Band band) {
        bands.remove(band);
        backdrop.getChildren().removeIf(n -> n.getUserData() == band);
        requestChartLayout();
    }

    /** Zooms by {@code factor} (above 1: in) around a point of the plot, in plot coordinates. */
    public void zoom(double factor, double plotX, double plotY) {
        double lo = Math.log10(lrAxis.getLowerBound());
        double hi = Math.log10(lrAxis.getUpperBound());
        double at = Math.log10(lrAxis.getValueForDisplay(plotX).doubleValue());
        double lossAt = lossAxis.getValueForDisplay(plotY).doubleValue();
        zoomTo(Math.pow(10, at - (at - lo) / factor), Math.pow(10, at + (hi - at) / factor),
                lossAt - (lossAt - lossAxis.getLowerBound()) / factor,
                lossAt + (lossAxis.getUpperBound() - lossAt) / factor);
    }

    /** Shows exactly lr in [lrLow, lrHigh] and loss in [lossLow, lossHigh], until {@link #resetZoom()}. */
    public void zoomTo(double lrLow, double lrHigh, double lossLow, double lossHigh) {
        lrAxis.setAutoRanging(false);
        lrAxis.setLowerBound(lrLow);
        lrAxis.setUpperBound(lrHigh);
        lossAxis.showRange(lossLow, lossHigh, NiceScale.of(lossLow, lossHigh, LOSS_TICKS).tickUnit());
        zoomed.set(true);
        lrView.set(AxisScale.logarithmic(lrLow, lrHigh));
        hover.setVisible(false); // its point has moved, or left the view
    }

    /** Fits both axes to the data again. */
    public void resetZoom() {
        zoomed.set(false);
        lrView.set(null);
        hover.setVisible(false);
        lrAxis.setAutoRanging(true);
        fitLossAxis();
        requestChartLayout();
    }

    private void zoomByWheel(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        Point2D p = toPlot(e.getSceneX(), e.getSceneY());
        zoom(e.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, p.getX(), p.getY());
        e.consume();
    }

    /** A point of the scene in plot coordinates: x as the lr axis measures it, y as the loss axis does. */
    private Point2D toPlot(double sceneX, double sceneY) {
        return new Point2D(lrAxis.sceneToLocal(sceneX, sceneY).getX(), lossAxis.sceneToLocal(sceneX, sceneY).getY());
    }

    /** The point of the plot under a mouse event, in plot coordinates, or null when it is outside the plot. */
    private Point2D plotPoint(MouseEvent e) {
        Point2D p = toPlot(e.getSceneX(), e.getSceneY());
        boolean inside = p.getX() >= 0 && p.getX() <= lrAxis.getWidth() && p.getY() >= 0
                && p.getY() <= lossAxis.getHeight();
        return inside ? p : null;
    }

    private void startZoomBox(MouseEvent e) {
        zoomStart = e.isPrimaryButtonDown() ? plotPoint(e) : null;
        if (zoomStart != null) {
            requestFocus(); // so that Escape reaches the chart
        }
    }

    private void dragZoomBox(MouseEvent e) {
        if (zoomStart == null) {
            return;
        }
        Point2D p = toPlot(e.getSceneX(), e.getSceneY());
        double x = Math.max(0, Math.min(lrAxis.getWidth(), p.getX()));
        double y = Math.max(0, Math.min(lossAxis.getHeight(), p.getY()));
        zoomBox.setX(Math.min(zoomStart.getX(), x));
        zoomBox.setY(Math.min(zoomStart.getY(), y));
        zoomBox.setWidth(Math.abs(x - zoomStart.getX()));
        zoomBox.setHeight(Math.abs(y - zoomStart.getY()));
        zoomBox.setVisible(true);
        e.consume();
    }

    /** Zooms onto the rectangle dragged, unless it is too small to be meant (a click). */
    private void endZoomBox(MouseEvent e) {
        boolean meant = zoomStart != null && zoomBox.isVisible()
                && zoomBox.getWidth() >= MIN_ZOOM_DRAG && zoomBox.getHeight() >= MIN_ZOOM_DRAG;
        zoomStart = null;
        zoomBox.setVisible(false);
        if (!meant) {
            return;
        }
        double left = zoomBox.getX();
        double top = zoomBox.getY();
        zoomTo(lrAxis.getValueForDisplay(left).doubleValue(),
                lrAxis.getValueForDisplay(left + zoomBox.getWidth()).doubleValue(),
                lossAxis.getValueForDisplay(top + zoomBox.getHeight()).doubleValue(),
                lossAxis.getValueForDisplay(top).doubleValue());
        e.consume();
    }

    /**
     * Fits the LR axis to the decades of the data and of the series' planned ranges ({@link #planLrRange}), and the
     * loss axis to the curves. LineChart would copy every x value of every series into a list for the LR axis at each
     * change of the data (each frame of a live curve); the range is all it needs.
     */
    @Override
    protected void updateAxisRange() {
        if (lrAxis.isAutoRanging()) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Series<Number, Number> s : getData()) {
                double[] planned = plannedLrs.get(s);
                if (planned != null) {
                    min = Math.min(min, planned[0]);
                    max = Math.max(max, planned[1]);
                }
                for (Data<Number, Number> d : s.getData()) {
                    double lr = d.getXValue().doubleValue();
                    if (LogAxis.isPositiveFinite(lr)) {
                        min = Math.min(min, lr);
                        max = Math.max(max, lr);
                    }
                }
            }
            lrAxis.fitData(min, max);
        }
        if (!zoomed.get()) {
            fitLossAxis();
        }
    }

    /**
     * Fits the loss axis to the series drawn with a look (a raw curve shown among them) and to the bands, each without
     * its diverged tail, 5% padding each side (none below 0 for losses that are never negative).
     */
    private void fitLossAxis() {
        double[] range = null;
        for (Series<Number, Number> s : getData()) {
            if (lookOf(s) != null) {
                double[] ys = s.getData().stream().mapToDouble(d -> d.getYValue().doubleValue()).toArray();
                range = LossRange.union(range, LossRange.withoutDivergedTail(ys));
            }
        }
        for (Band band : bands) {
            range = LossRange.union(range, LossRange.withoutDivergedTail(band.highs()));
            range = LossRange.union(range, LossRange.withoutDivergedTail(band.lows()));
        }
        if (range == null) {
            return;
        }
        double[] padded = LossRange.padded(range, 0.05);
        NiceScale scale = NiceScale.of(padded[0], padded[1], LOSS_TICKS);
        lossAxis.showRange(scale.lower(), scale.upper(), scale.tickUnit());
    }

    @Override
    protected void seriesAdded(Series<Number, Number> series, int seriesIndex) {
        super.seriesAdded(series, seriesIndex);
        backdrop.toBack();
        overlay.toFront();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        layoutMarkers();
        layoutMarks();
        for (var node : backdrop.getChildren()) {
            if (node instanceof Polygon polygon && node.getUserData() instanceof Band band) {
                polygon.getPoints().setAll(bandOutline(band));
            }
        }
    }

    /**
     * Puts the min and max markers, their labels and the band between them where the axes place their values. The
     * left marker's label goes left of its line and the right one's right of it (min is the right one when a typed
     * min passes max), so that they face away from each other; where the plot's edges still push them together, the
     * max label goes below the min label.
     */
    private void layoutMarkers() {
        double width = lrAxis.getWidth();
        double height = lossAxis.getHeight();
        double x0 = lrAxis.getDisplayPosition(minMarker.get());
        double x1 = lrAxis.getDisplayPosition(maxMarker.get());
        shade.setX(Math.min(x0, x1));
        shade.setY(0);
        shade.setWidth(Math.abs(x1 - x0));
        shade.setHeight(height);
        Bounds minLabel = min.layout(x0, height, width, x0 <= x1, MARKER_LABEL_Y);
        Bounds maxLabel = max.layout(x1, height, width, x0 > x1, MARKER_LABEL_Y);
        if (minLabel.intersects(maxLabel)) {
            max.layout(x1, height, width, x0 > x1, minLabel.getMaxY() + MarkLabels.GAP);
        }
    }

    /**
     * Puts each mark's dot on its point and its label beside it ({@link MarkLabels}), clear of the other marks and of
     * the markers' labels; a mark outside the plot is hidden.
     */
    private void layoutMarks() {
        double width = lrAxis.getWidth();
        double height = lossAxis.getHeight();
        List<Label> texts = new ArrayList<>();
        List<Point2D> dots = new ArrayList<>();
        List<Dimension2D> sizes = new ArrayList<>();
        List<Node> pairs = marks.getChildren();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            if (!(pairs.get(i).getUserData() instanceof Mark m)) {
                continue;
            }
            Circle dot = (Circle) pairs.get(i);
            Label text = (Label) pairs.get(i + 1);
            double px = lrAxis.getDisplayPosition(m.x());
            double py = lossAxis.getDisplayPosition(m.y());
            boolean shown = Double.isFinite(py) && py >= 0 && py <= height && px >= 0 && px <= width;
            dot.setVisible(shown);
            text.setVisible(shown);
            if (shown) {
                dot.setCenterX(px);
                dot.setCenterY(py);
                text.autosize();
                texts.add(text);
                dots.add(new Point2D(px, py));
                sizes.add(new Dimension2D(text.getWidth(), text.getHeight()));
            }
        }
        List<Bounds> boxes = MarkLabels.place(dots, sizes, width, height,
                List.of(min.label.getBoundsInParent(), max.label.getBoundsInParent()));
        for (int i = 0; i < texts.size(); i++) {
            texts.get(i).relocate(boxes.get(i).getMinX(), boxes.get(i).getMinY());
        }
    }

    private List<Double> bandOutline(Band band) {
        List<Double> points = new ArrayList<>(band.xs().length * 4);
        for (int i = 0; i < band.xs().length; i++) {
            if (Double.isFinite(band.highs()[i])) {
                points.add(lrAxis.getDisplayPosition(band.xs()[i]));
                points.add(lossAxis.getDisplayPosition(band.highs()[i]));
            }
        }
        for (int i = band.xs().length - 1; i >= 0; i--) {
            if (Double.isFinite(band.lows()[i])) {
                points.add(lrAxis.getDisplayPosition(band.xs()[i]));
                points.add(lossAxis.getDisplayPosition(band.lows()[i]));
            }
        }
        return points;
    }

    private void showHover(MouseEvent e) {
        Point2D cursor = toPlot(e.getSceneX(), e.getSceneY());
        double px = cursor.getX();
        double py = cursor.getY();
        Data<Number, Number> nearest = null;
        Series<Number, Number> nearestSeries = null;
        double best = HOVER_DISTANCE;
        for (Series<Number, Number> s : getData()) {
            for (Data<Number, Number> d : s.getData()) {
                double dx = lrAxis.getDisplayPosition(d.getXValue()) - px;
                double dy = lossAxis.getDisplayPosition(d.getYValue()) - py;
                double dist = Math.hypot(dx, dy);
                if (dist < best) {
                    best = dist;
                    nearest = d;
                    nearestSeries = s;
                }
            }
        }
        if (nearest == null) {
            hover.setVisible(false);
            return;
        }
        hover.setText((nearestSeries.getName() == null ? "" : nearestSeries.getName() + "\n") + "lr "
                + LrText.format(nearest.getXValue().doubleValue()) + "   loss "
                + String.format(Locale.ROOT, "%.4g", nearest.getYValue().doubleValue()));
        hover.autosize();
        double x = lrAxis.getDisplayPosition(nearest.getXValue());
        double y = lossAxis.getDisplayPosition(nearest.getYValue());
        hover.relocate(Math.max(0, Math.min(x + 10, lrAxis.getWidth() - hover.getWidth())),
                Math.max(0, y - hover.getHeight() - 8));
        hover.setVisible(true);
    }

    /** The hover label's text, empty when hidden. */
    public String hoverText() {
        return hover.isVisible() ? hover.getText() : "";
    }

    /** One draggable vertical marker: a thin visible line, a wide transparent grip over it, and its value label. */
    private final class Marker {
        final Line line = new Line();
        final Line grip = new Line();
        final Label label = new Label();
        final String name;
        final DoubleProperty value;

        Marker(String name, DoubleProperty value, String id) {
            this.name = name;
            this.value = value;
            line.getStyleClass().addAll("lr-marker", name + "-marker");
            line.setStroke(Color.rgb(66, 133, 244));
            line.setStrokeWidth(2);
            line.setMouseTransparent(true);
            grip.setId(id);
            grip.getStyleClass().add("lr-marker-grip");
            grip.setStroke(Color.TRANSPARENT);
            grip.setStrokeWidth(11);
            grip.setCursor(Cursor.H_RESIZE);
            grip.setOnMousePressed(MouseEvent::consume);
            grip.setOnMouseDragged(this::drag);
            label.getStyleClass().add("lr-marker-label");
            label.setMouseTransparent(true);
        }

        private void drag(MouseEvent e) {
            double lr = LrText.round(lrAxis.getValueForDisplay(
                    Math.max(0, Math.min(lrAxis.getWidth(), e.getX()))).doubleValue());
            // a marker stops short of the other: bounds of equal values are no range
            value.set(this == min ? Math.min(lr, LrText.below(maxMarker.get()))
                    : Math.max(lr, LrText.above(minMarker.get())));
            e.consume();
        }

        /** Puts the marker at {@code x}, its label left or right of it at {@code labelY}; returns the label's box. */
        Bounds layout(double x, double height, double width, boolean labelLeft, double labelY) {
            for (Line l : List.of(line, grip)) {
                l.setStartX(x);
                l.setEndX(x);
                l.setStartY(0);
                l.setEndY(height);
            }
            label.setText(name + " " + LrText.format(value.get()));
            label.autosize();
            double lx = labelLeft ? x - label.getWidth() - 4 : x + 4;
            double left = Math.max(0, Math.min(lx, width - label.getWidth()));
            label.relocate(left, labelY);
            return new BoundingBox(left, labelY, label.getWidth(), label.getHeight());
        }
    }
}
