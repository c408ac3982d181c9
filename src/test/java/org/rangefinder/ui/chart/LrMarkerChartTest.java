package org.rangefinder.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rangefinder.ui.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LrMarkerChartTest {

    private LrMarkerChart chart;
    private XYChart.Series<Number, Number> curve;

    @Start
    void start(Stage stage) {
        chart = new LrMarkerChart();
        curve = new XYChart.Series<>();
        curve.setName("run 1");
        for (int i = 0; i < 100; i++) {
            double lr = 1e-6 * Math.pow(1e6, i / 99.0);
            double loss = i < 80 ? 2.3 - 1.5 * i / 80.0 : 0.8 + Math.pow(10, (i - 80) / 2.0);
            curve.getData().add(new XYChart.Data<>(lr, loss));
        }
        chart.addSeries(curve, SeriesLook.of("rf-line", "run-color-0", "smoothed-line"));
        chart.minMarkerProperty().set(1e-4);
        chart.maxMarkerProperty().set(1e-2);
        stage.setScene(new Scene(chart, 800, 500));
        stage.show();
        layOutNow();
    }

    /**
     * Lays the chart out on the FX thread as the next pulse would (CSS, then layout from the scene's root) and returns
     * when done. The chart fits its axes and places and shows its marks only when laid out, and
     * {@code waitForFxEvents} runs what is queued on the FX thread, which need not include a pulse.
     */
    private void layOut(FxRobot robot) {
        robot.interact(this::layOutNow);
    }

    /**
     * FX thread: two layout passes, as two pulses make them; the second lays out what the first asked for again (an
     * axis whose tick labels grew, say), as the next pulse would.
     */
    private void layOutNow() {
        Parent root = chart.getScene().getRoot();
        for (int pass = 0; pass < 2; pass++) {
            root.applyCss();
            root.layout();
        }
    }

    @Test
    void draggingTheMaxMarkerChangesItsValue(FxRobot robot) {
        Line grip = robot.lookup("#maxMarker").queryAs(Line.class);
        robot.drag(grip, MouseButton.PRIMARY).moveBy(-120, 0).drop();
        layOut(robot);
        double value = chart.maxMarkerProperty().get();
        assertThat(value).isLessThan(1e-2).isGreaterThan(chart.minMarkerProperty().get());
        // 120 px to the left over a plot of 6 decades in about 700 px: about one decade lower
        double pixelsPerDecade = chart.lrAxis().getWidth() / 6;
        assertThat(Math.log10(value)).isCloseTo(-2 - 120 / pixelsPerDecade, within(0.1));
        Screenshots.save(chart, "chart-marker-dragged");
    }

    /** A marker dragged past the other stops short of it, so that the bounds stay a range (min below max). */
    @Test
    void aMarkerDraggedOntoTheOtherStopsShortOfIt(FxRobot robot) {
        robot.drag(robot.lookup("#minMarker").queryAs(Line.class), MouseButton.PRIMARY).moveBy(400, 0).drop();
        layOut(robot);
        assertThat(chart.minMarkerProperty().get()).isEqualTo(0.00999);
        assertThat(chart.maxMarkerProperty().get()).isEqualTo(0.01);

        robot.interact(() -> chart.minMarkerProperty().set(1e-4));
        layOut(robot);
        robot.drag(robot.lookup("#maxMarker").queryAs(Line.class), MouseButton.PRIMARY).moveBy(-400, 0).drop();
        layOut(robot);
        assertThat(chart.maxMarkerProperty().get()).isEqualTo(1.01e-4);
        assertThat(chart.minMarkerProperty().get()).isEqualTo(1e-4);
    }

    @Test
    void settingTheMinValueMovesTheMarker(FxRobot robot) {
        Line grip = robot.lookup("#minMarker").queryAs(Line.class);
        double x0 = grip.getStartX();
        robot.interact(() -> chart.minMarkerProperty().set(1e-3));
        layOut(robot);
        assertThat(grip.getStartX()).isGreaterThan(x0);
        assertThat(grip.getStartX()).isCloseTo(chart.lrAxis().getDisplayPosition(1e-3), within(0.5));
    }

    @Test
    void theLrAxisFollowsTheDecadesOfTheData(FxRobot robot) {
        assertThat(chart.lrAxis().getLowerBound()).isEqualTo(1e-6);
        assertThat(chart.lrAxis().getUpperBound()).isEqualTo(1.0);
        // points inside the decades shown change nothing; one past them widens the axis, and its removal narrows it
        robot.interact(() -> curve.getData().add(new XYChart.Data<>(0.5, 1.0)));
        layOut(robot);
        assertThat(chart.lrAxis().getUpperBound()).isEqualTo(1.0);
        robot.interact(() -> curve.getData().add(new XYChart.Data<>(5.0, 1.0)));
        layOut(robot);
        assertThat(chart.lrAxis().getUpperBound()).isEqualTo(10.0);
        robot.interact(() -> curve.getData().remove(curve.getData().size() - 1));
        layOut(robot);
        assertThat(chart.lrAxis().getUpperBound()).isEqualTo(1.0);
        assertThat(chart.lrAxis().getLowerBound()).isEqualTo(1e-6);
    }

    @Test
    void theLrAxisFitsThePositiveLrsOfEverySeries(FxRobot robot) {
        robot.interact(() -> {
            for (double lr : new double[] {0, -3, Double.NaN, Double.POSITIVE_INFINITY}) {
                curve.getData().add(new XYChart.Data<>(lr, 1.0));
            }
        });
        layOut(robot);
        assertThat(chart.lrAxis().getLowerBound()).as("no place on a log axis: left out").isEqualTo(1e-6);
        assertThat(chart.lrAxis().getUpperBound()).isEqualTo(1.0);

        XYChart.Series<Number, Number> other = new XYChart.Series<>();
        other.getData().add(new XYChart.Data<>(2e-8, 1.5));
        robot.interact(() -> chart.addSeries(other, SeriesLook.of("rf-line", "run-color-1", "smoothed-line")));
        layOut(robot);
        assertThat(chart.lrAxis().getLowerBound()).as("another series' decades").isEqualTo(1e-8);
        robot.interact(() -> chart.removeSeries(other));
        layOut(robot);
        assertThat(chart.lrAxis().getLowerBound()).isEqualTo(1e-6);
    }

    @Test
    void aLiveSeriesPlannedRangeHoldsTheLrAxisAndItsTicksFromItsFirstPointOn(FxRobot robot) {
        XYChart.Series<Number, Number> live = new XYChart.Series<>();
        robot.interact(() -> {
            chart.removeSeries(curve);
            live.getData().add(new XYChart.Data<>(1e-7, 2.3));
            chart.planLrRange(live, 1e-7, 10);
            chart.addSeries(live, SeriesLook.of("rf-line", "run-color-1", "smoothed-line"));
        });
        layOut(robot);
        assertThat(chart.lrAxis().getLowerBound()).isEqualTo(1e-7);
        assertThat(chart.lrAxis().getUpperBound()).as("the planned end, not the first point's decade").isEqualTo(10);
        List<Axis.TickMark<Number>> ticks = List.copyOf(chart.lrAxis().getTickMarks());
        for (int i = 1; i <= 8; i++) {
            double lr = 1e-7 * Math.pow(10, i);
            robot.interact(() -> live.getData().add(new XYChart.Data<>(lr, 2.0)));
            layOut(robot);
            assertThat(chart.lrAxis().getUpperBound()).isEqualTo(10);
            assertThat(chart.lrAxis().getTickMarks()).as("at lr %s", lr).containsExactlyElementsOf(ticks);
        }
        XYChart.Series<Number, Number> unplanned = new XYChart.Series<>();
        robot.interact(() -> {
            chart.removeSeries(live);
            unplanned.getData().add(new XYChart.Data<>(1e-7, 2.3));
            unplanned.getData().add(new XYChart.Data<>(3e-6, 2.2));
            chart.addSeries(unplanned, SeriesLook.of("rf-line", "run-color-2", "smoothed-line"));
        });
        layOut(robot);
        assertThat(chart.lrAxis().getUpperBound()).as("without a plan, the data's decades").isEqualTo(1e-5);
    }

    @Test
    void lossAxisIgnoresTheDivergedTail() {
        // the curve reaches 1e10 at its end; the axis stays near the 0.8 .. 2.3 part
        assertThat(chart.lossAxis().getUpperBound()).isLessThan(3);
        assertThat(chart.lossAxis().getLowerBound()).isGreaterThanOrEqualTo(0.5).isLessThan(0.8);
    }

    @Test
    void marksAreShownWithTheirLabels(FxRobot robot) {
        robot.interact(() -> chart.setMarks(List.of(new LrMarkerChart.Mark("valley 3.16e-4", 3.16e-4, 1.5))));
        assertThat(chart.markLabels()).containsExactly("valley 3.16e-4");
    }

    @Test
    void marksReuseTheDotsAndLabelsMadeWithTheChartAndHideThoseLeftOver(FxRobot robot) {
        Set<Node> labels = Set.copyOf(chart.lookupAll(".suggestion-label"));
        Set<Node> dots = Set.copyOf(chart.lookupAll(".suggestion-dot"));
        assertThat(labels).as("made with the chart, for a range test's three suggestions").hasSize(3);
        robot.interact(() -> chart.setMarks(List.of(new LrMarkerChart.Mark("steep 1e-4", 1e-4, 2.0),
                new LrMarkerChart.Mark("valley 3.16e-4", 3.16e-4, 1.5),
                new LrMarkerChart.Mark("minimum 0.01", 0.01, 0.9))));
        layOut(robot);
        assertThat(chart.markLabels()).containsExactly("steep 1e-4", "valley 3.16e-4", "minimum 0.01");
        assertThat(Set.copyOf(chart.lookupAll(".suggestion-label"))).isEqualTo(labels);
        assertThat(labels).allMatch(Node::isVisible);
        robot.interact(() -> chart.setMarks(List.of(new LrMarkerChart.Mark("valley 0.001", 1e-3, 1.2))));
        layOut(robot);
        assertThat(chart.markLabels()).containsExactly("valley 0.001");
        assertThat(Set.copyOf(chart.lookupAll(".suggestion-label"))).isEqualTo(labels);
        assertThat(Set.copyOf(chart.lookupAll(".suggestion-dot"))).isEqualTo(dots);
        assertThat(labels.stream().filter(Node::isVisible)).hasSize(1);
        assertThat(dots.stream().filter(Node::isVisible)).hasSize(1);
        robot.interact(() -> chart.setMarks(List.of()));
        layOut(robot);
        assertThat(chart.markLabels()).isEmpty();
        assertThat(labels).noneMatch(Node::isVisible);
        assertThat(dots).noneMatch(Node::isVisible);
    }

    @Test
    void moreMarksThanTheChartMadeGetNodesOfTheirOwn(FxRobot robot) {
        List<LrMarkerChart.Mark> six = IntStream.range(0, 6)
                .mapToObj(i -> new LrMarkerChart.Mark("mark " + i, Math.pow(10, -5 + i * 0.5), 1.0 + 0.1 * i)).toList();
        robot.interact(() -> chart.setMarks(six));
        layOut(robot);
        assertThat(chart.markLabels()).containsExactly("mark 0", "mark 1", "mark 2", "mark 3", "mark 4", "mark 5");
        assertThat(chart.lookupAll(".suggestion-label")).hasSize(6).allMatch(Node::isVisible);
    }

    @Test
    void zoomAndResetRestoreTheFittedAxes(FxRobot robot) {
        double upper = chart.lossAxis().getUpperBound();
        robot.interact(() -> chart.zoom(2, chart.lrAxis().getWidth() / 2, chart.lossAxis().getHeight() / 2));
        assertThat(chart.zoomedProperty().get()).isTrue();
        assertThat(chart.lrAxis().getUpperBound()).isLessThan(1);
        robot.interact(chart::resetZoom);
        layOut(robot);
        assertThat(chart.zoomedProperty().get()).isFalse();
        assertThat(chart.lossAxis().getUpperBound()).isEqualTo(upper);
        assertThat(chart.lrAxis().getUpperBound()).isEqualTo(1.0);
    }

    @Test
    void draggingARectangleZoomsOntoIt(FxRobot robot) {
        // a rectangle from lr 1e-5 to 1e-3 and loss 1.2 to 2.0, dragged from its top-left to its bottom-right corner
        robot.drag(plotPointOnScreen(1e-5, 2.0), MouseButton.PRIMARY).moveTo(plotPointOnScreen(1e-3, 1.2));
        assertThat(robot.lookup("#zoomBox").query().isVisible()).isTrue();
        robot.drop();
        layOut(robot);
        assertThat(chart.zoomedProperty().get()).isTrue();
        assertThat(robot.lookup("#zoomBox").query().isVisible()).isFalse();
        assertThat(chart.hoverText()).isEmpty(); // the point it named has moved
        // one pixel of a 6-decade axis about 700 px wide is 0.009 decades; of a loss axis ~450 px, 0.004
        assertThat(Math.log10(chart.lrAxis().getLowerBound())).isCloseTo(-5, within(0.02));
        assertThat(Math.log10(chart.lrAxis().getUpperBound())).isCloseTo(-3, within(0.02));
        assertThat(chart.lossAxis().getLowerBound()).isCloseTo(1.2, within(0.01));
        assertThat(chart.lossAxis().getUpperBound()).isCloseTo(2.0, within(0.01));
        // the markers keep their lr: min 1e-4 is drawn where the new axis puts it, about the middle of the plot
        Line grip = robot.lookup("#minMarker").queryAs(Line.class);
        assertThat(grip.getStartX()).isCloseTo(chart.lrAxis().getDisplayPosition(1e-4), within(0.5));
        assertThat(grip.getStartX() / chart.lrAxis().getWidth()).isCloseTo(0.5, within(0.02));
        Screenshots.save(chart, "chart-zoomed-by-rectangle");
    }

    @Test
    void escapeDropsTheRectangleAndADoubleClickFitsAgain(FxRobot robot) {
        robot.drag(plotPointOnScreen(1e-5, 2.0), MouseButton.PRIMARY).moveTo(plotPointOnScreen(1e-3, 1.2));
        robot.type(KeyCode.ESCAPE);
        robot.drop();
        layOut(robot);
        assertThat(chart.zoomedProperty().get()).isFalse();
        assertThat(robot.lookup("#zoomBox").query().isVisible()).isFalse();

        robot.interact(() -> chart.zoom(2, chart.lrAxis().getWidth() / 2, chart.lossAxis().getHeight() / 2));
        assertThat(chart.zoomedProperty().get()).isTrue();
        robot.doubleClickOn(plotPointOnScreen(1e-4 * 3, 1.5));
        layOut(robot);
        assertThat(chart.zoomedProperty().get()).isFalse();
        assertThat(chart.lrAxis().getUpperBound()).isEqualTo(1.0);
    }

    @Test
    void aClickOnThePlotDoesNotZoom(FxRobot robot) {
        robot.clickOn(plotPointOnScreen(1e-4 * 3, 1.5));
        robot.drag(plotPointOnScreen(1e-5, 1.5), MouseButton.PRIMARY).moveBy(3, 2).drop();
        layOut(robot);
        assertThat(chart.zoomedProperty().get()).isFalse();
        assertThat(chart.lrAxis().getUpperBound()).isEqualTo(1.0);
    }

    private Point2D plotPointOnScreen(double lr, double loss) {
        var p = chart.lrAxis().localToScreen(chart.lrAxis().getDisplayPosition(lr), 0);
        var q = chart.lossAxis().localToScreen(0, chart.lossAxis().getDisplayPosition(loss));
        return new Point2D(p.getX(), q.getY());
    }

    @Test
    void hoverShowsTheNearestPoint(FxRobot robot) {
        XYChart.Data<Number, Number> d = curve.getData().get(40);
        robot.moveTo(plotPointOnScreen(d.getXValue().doubleValue(), d.getYValue().doubleValue()));
        layOut(robot);
        assertThat(chart.hoverText()).contains("run 1").contains("lr " + LrText.format(d.getXValue().doubleValue()));
    }

    /** The boxes of the visible labels {@code selector} finds, in the plot's coordinates. */
    private List<Bounds> boxes(String selector) {
        return chart.lookupAll(selector).stream().filter(Node::isVisible).map(Node::getBoundsInParent).toList();
    }

    @Test
    void theMarkersLabelsFaceAwayFromEachOtherWhenATypedMinPassesTheMax(FxRobot robot) {
        robot.interact(() -> {
            chart.minMarkerProperty().set(0.0643);
            chart.maxMarkerProperty().set(1e-3);
        });
        layOut(robot);
        List<Bounds> labels = boxes(".lr-marker-label");
        assertThat(labels).hasSize(2);
        assertThat(labels.get(0).intersects(labels.get(1))).isFalse();
        Line min = robot.lookup("#minMarker").queryAs(Line.class);
        Line max = robot.lookup("#maxMarker").queryAs(Line.class);
        assertThat(labels.get(0).getMinX()).as("min, the right one: right of its line").isGreaterThan(min.getStartX());
        assertThat(labels.get(1).getMaxX()).as("max, the left one: left of its line").isLessThan(max.getStartX());

        // both at the plot's left edge, where it pushes them together: max goes below min
        robot.interact(() -> {
            chart.minMarkerProperty().set(1e-6);
            chart.maxMarkerProperty().set(1.1e-6);
        });
        layOut(robot);
        labels = boxes(".lr-marker-label");
        assertThat(labels.get(0).intersects(labels.get(1))).isFalse();
        assertThat(labels.get(1).getMinY()).isGreaterThan(labels.get(0).getMaxY());
        Screenshots.save(chart, "chart-marker-labels-at-the-edge");
    }

    @Test
    void labelsOfCloseSuggestionsCoverNeitherEachOtherNorTheOtherDots(FxRobot robot) {
        robot.interact(() -> chart.setMarks(List.of(new LrMarkerChart.Mark("valley 0.00194", 1.94e-3, 1.6),
                new LrMarkerChart.Mark("steep 0.00287", 2.87e-3, 1.55),
                new LrMarkerChart.Mark("minimum 0.00173", 1.73e-3, 1.62))));
        layOut(robot);
        List<Bounds> labels = boxes(".suggestion-label");
        List<Bounds> dots = boxes(".suggestion-dot");
        assertThat(labels).hasSize(3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    assertThat(labels.get(i).intersects(labels.get(j))).as("labels %d and %d", i, j).isFalse();
                    assertThat(labels.get(i).intersects(dots.get(j))).as("label %d, dot %d", i, j).isFalse();
                }
            }
        }
        Screenshots.save(chart, "chart-close-suggestions");
    }

    @Test
    void theHoverLabelHidesWhileAMarkerIsDragged(FxRobot robot) {
        XYChart.Data<Number, Number> d = curve.getData().get(40);
        robot.interact(() -> chart.maxMarkerProperty().set(d.getXValue().doubleValue()));
        layOut(robot);
        robot.moveTo(plotPointOnScreen(d.getXValue().doubleValue(), d.getYValue().doubleValue()));
        assertThat(chart.hoverText()).as("over a point of the curve, on the max marker").contains("run 1");
        robot.press(MouseButton.PRIMARY).moveBy(-40, 0);
        try {
            assertThat(chart.maxMarkerProperty().get()).as("dragged").isLessThan(d.getXValue().doubleValue());
            assertThat(chart.hoverText()).isEmpty();
        } finally {
            robot.release(MouseButton.PRIMARY);
        }
    }
}
