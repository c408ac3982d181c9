package org.rangefinder.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class StyledLineChartTest {

    @BeforeAll
    static void javaFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** A path's elements as text: "M x y" and "L x y". */
    private static List<String> drawn(XYChart.Series<Number, Number> series) {
        List<String> out = new ArrayList<>();
        for (PathElement e : ((Path) series.getNode()).getElements()) {
            if (e instanceof MoveTo m) {
                out.add("M " + m.getX() + " " + m.getY());
            } else if (e instanceof LineTo l) {
                out.add("L " + l.getX() + " " + l.getY());
            } else {
                out.add(e.toString());
            }
        }
        return out;
    }

    private static void add(XYChart.Series<Number, Number> series, double x, double y) {
        series.getData().add(new XYChart.Data<>(x, y));
    }

    /** A series taken off and put back with another look (a run hidden and shown again) has only the new one. */
    @Test
    void aSeriesPutBackWithAnotherLookKeepsNoTraceOfTheOldOne() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            StyledLineChart<Number, Number> chart =
                    new StyledLineChart<>(new LinearAxis(0, 10, 1), new LogAxis(1e-3, 10));
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            chart.addSeries(series, SeriesLook.of("look-a"));
            chart.removeSeries(series);
            chart.addSeries(series, SeriesLook.of("look-b"));
            Path node = new Path();
            series.setNode(node);
            assertThat(node.getStyleClass()).contains("look-b").doesNotContain("look-a");
            chart.removeSeries(series);
            Path later = new Path();
            series.setNode(later);
            assertThat(later.getStyleClass()).doesNotContain("look-a", "look-b");
        }).get();
    }

    @Test
    void linesAreTheOnesLineChartDrawsAndKeepTheirElements() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            // the same curve in JavaFX's LineChart and in a StyledLineChart, side by side, same size and axes
            LineChart<Number, Number> plain = new LineChart<>(new LinearAxis(0, 10, 1), new LogAxis(1e-3, 10));
            plain.setAnimated(false);
            plain.setCreateSymbols(false);
            plain.setAxisSortingPolicy(LineChart.SortingPolicy.NONE);
            StyledLineChart<Number, Number> styled =
                    new StyledLineChart<>(new LinearAxis(0, 10, 1), new LogAxis(1e-3, 10));
            XYChart.Series<Number, Number> a = new XYChart.Series<>();
            XYChart.Series<Number, Number> b = new XYChart.Series<>();
            plain.getData().add(a);
            styled.addSeries(b, new SeriesLook(List.of(), "", true));
            for (XYChart.Series<Number, Number> s : List.of(a, b)) {
                add(s, 0, 2.5);
                add(s, 1, 1.25);
                add(s, Double.NaN, 1.0); // the x axis cannot place it: left out
                add(s, 2, 0.5); // out of x order: drawn in the order given
            }
            for (LineChart<Number, Number> chart : List.of(plain, styled)) {
                chart.setPrefSize(500, 300);
                chart.setLegendVisible(false); // the same plot area in both
            }
            HBox root = new HBox(plain, styled);
            new Scene(root, 1000, 300);
            root.applyCss();
            root.layout();
            // MoveTo the first point, LineTo each of the three placed points
            assertThat(drawn(b)).hasSize(4).isEqualTo(drawn(a));
            assertThat(drawn(b).get(0)).startsWith("M ");
            assertThat(drawn(b).get(1)).isEqualTo("L" + drawn(b).get(0).substring(1));

            List<PathElement> before = List.copyOf(((Path) b.getNode()).getElements());
            for (XYChart.Series<Number, Number> s : List.of(a, b)) {
                add(s, 4, 0.2);
                add(s, 5, 0.1);
            }
            root.layout();
            assertThat(drawn(b)).hasSize(6).isEqualTo(drawn(a));
            assertThat(((Path) b.getNode()).getElements().subList(0, 4))
                    .as("points already drawn keep their elements").containsExactlyElementsOf(before);

            for (XYChart.Series<Number, Number> s : List.of(a, b)) {
                s.getData().remove(0, 3);
                s.getData().get(0).setYValue(5.0);
            }
            ((LinearAxis) plain.getXAxis()).showRange(2, 6, 1);
            ((LinearAxis) styled.getXAxis()).showRange(2, 6, 1);
            root.layout();
            assertThat(drawn(b)).as("fewer points, another range").hasSize(4).isEqualTo(drawn(a));

            a.getData().clear();
            b.getData().clear();
            root.layout();
            assertThat(drawn(b)).as("no points, no line (LineChart would keep the last one)").isEmpty();
            return null;
        }).get();
    }

    /** The grid lines of a path, each end in the scene's coordinates: "x1 y1 - x2 y2". */
    private static List<String> gridInScene(Path grid) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < grid.getElements().size(); i += 2) {
            MoveTo from = (MoveTo) grid.getElements().get(i);
            LineTo to = (LineTo) grid.getElements().get(i + 1);
            Point2D a = grid.localToScene(from.getX(), from.getY());
            Point2D b = grid.localToScene(to.getX(), to.getY());
            // to a thousandth of a pixel: the two charts add the plot's offset to x in another order
            out.add(String.format(Locale.ROOT, "%.3f %.3f - %.3f %.3f", a.getX(), a.getY(), b.getX(), b.getY()));
        }
        return out;
    }

    /**
     * The grid lines are XYChart's, in the same places, but a layout that leaves the ticks where they were leaves
     * them untouched: XYChart makes its grid paths anew at each layout, and without a GPU a path made anew has the
     * window paint the whole plot again.
     */
    @Test
    void gridLinesAreXYChartsAndStayPutWhileTheTicksDo() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            LineChart<Number, Number> plain = new LineChart<>(new LinearAxis(-2, 10, 1), new LinearAxis(0, 3, 0.5));
            StyledLineChart<Number, Number> styled =
                    new StyledLineChart<>(new LinearAxis(-2, 10, 1), new LinearAxis(0, 3, 0.5));
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            styled.addSeries(series, SeriesLook.of("rf-line"));
            for (LineChart<Number, Number> chart : List.of(plain, styled)) {
                chart.setAnimated(false);
                chart.setLegendVisible(false);
                new Scene(new HBox(chart), 500, 300);
                chart.setPrefSize(500, 300);
                chart.getParent().applyCss();
                chart.getParent().layout();
            }
            for (String grid : List.of(".chart-vertical-grid-lines", ".chart-horizontal-grid-lines")) {
                List<Path> plainGrid = plain.lookupAll(grid).stream().map(Path.class::cast).toList();
                List<Path> styledGrid = styled.lookupAll(grid).stream().map(Path.class::cast)
                        .filter(Node::isVisible).filter(p -> !p.getElements().isEmpty()).toList();
                assertThat(styledGrid).as(grid + ": one path of lines").hasSize(1);
                // x = -2 .. 10: no line on the left edge nor at 0 (the zero line's); y = 0 .. 3: none at 0
                assertThat(gridInScene(styledGrid.get(0))).as(grid).hasSize(grid.contains("vertical") ? 11 : 6)
                        .isEqualTo(gridInScene(plainGrid.get(0)));
            }
            Path vertical = (Path) styled.lookup(".plot-content .chart-vertical-grid-lines");
            List<PathElement> before = List.copyOf(vertical.getElements());
            List<ListChangeListener.Change<? extends PathElement>> changes = new ArrayList<>();
            vertical.getElements().addListener((ListChangeListener<PathElement>) changes::add);
            add(series, 1, 1.5);
            add(series, 2, 1.0);
            styled.getParent().layout();
            assertThat(vertical.getElements()).containsExactlyElementsOf(before);
            assertThat(changes).as("a layout with the ticks in place changes no grid line").isEmpty();
            assertThat(gridInScene(vertical)).isEqualTo(gridInScene(
                    (Path) plain.lookupAll(".chart-vertical-grid-lines").iterator().next()));

            ((LinearAxis) styled.getXAxis()).showRange(0, 5, 1);
            styled.getParent().layout();
            assertThat(vertical.getElements()).as("another range, other lines: 1 to 5").hasSize(10);
            return null;
        }).get();
    }

    private static List<Node> legendItems(StyledLineChart<Number, Number> chart) {
        return List.copyOf(((Pane) chart.lookup(".rf-legend")).getChildren());
    }

    @Test
    void legendEntriesStayWhileTheirSeriesStay() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            StyledLineChart<Number, Number> chart =
                    new StyledLineChart<>(new LinearAxis(0, 10, 1), new LogAxis(1e-3, 10));
            assertThat(ChartFixtures.legendTexts(chart)).containsExactly("(empty)");
            Node empty = legendItems(chart).get(0);

            XYChart.Series<Number, Number> a = named("a");
            XYChart.Series<Number, Number> b = named("b");
            XYChart.Series<Number, Number> raw = named("b (raw)");
            XYChart.Series<Number, Number> c = named("c");
            chart.addSeries(a, SeriesLook.of("rf-line"));
            chart.addSeries(b, SeriesLook.of("rf-line"));
            chart.addSeries(raw, SeriesLook.of("rf-line").withoutLegend());
            List<Node> ab = legendItems(chart);
            assertThat(ChartFixtures.legendTexts(chart)).containsExactly("a", "b");

            chart.addSeries(c, SeriesLook.of("rf-line"));
            assertThat(ChartFixtures.legendTexts(chart)).containsExactly("a", "b", "c");
            assertThat(legendItems(chart).subList(0, 2)).as("the entries of a and b are the same nodes")
                    .containsExactlyElementsOf(ab);

            chart.removeSeries(a);
            assertThat(ChartFixtures.legendTexts(chart)).containsExactly("b", "c");
            assertThat(legendItems(chart).get(0)).isSameAs(ab.get(1));
            List<Node> bc = legendItems(chart);

            // a series put on the chart without a look (not through addSeries) has no entry
            chart.getData().add(0, a);
            chart.addSeries(named("d"), SeriesLook.of("rf-line"));
            assertThat(ChartFixtures.legendTexts(chart)).containsExactly("b", "c", "d");
            assertThat(legendItems(chart).subList(0, 2)).containsExactlyElementsOf(bc);

            chart.getData().clear();
            assertThat(legendItems(chart)).containsExactly(empty);
            return null;
        }).get();
    }

    @Test
    void showInOrderInsertsAndRemovesOnlyWhatDiffers() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Region a = new Region();
            Region b = new Region();
            Region c = new Region();
            Region d = new Region();
            Pane pane = new Pane(a, b, c);
            List<Node> removed = new ArrayList<>();
            pane.getChildren().addListener((ListChangeListener<Node>) ch -> {
                while (ch.next()) {
                    removed.addAll(ch.getRemoved());
                }
            });

            StyledLineChart.showInOrder(pane.getChildren(), List.of(a, c, d));
            assertThat(pane.getChildren()).containsExactly(a, c, d);
            assertThat(removed).as("only b left the pane; a and c stayed").containsExactly(b);

            removed.clear();
            StyledLineChart.showInOrder(pane.getChildren(), List.of(a, c, d));
            assertThat(removed).isEmpty();

            StyledLineChart.showInOrder(pane.getChildren(), List.of(d, a));
            assertThat(pane.getChildren()).as("another order: all replaced").containsExactly(d, a);
            return null;
        }).get();
    }

    private static XYChart.Series<Number, Number> named(String name) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        return series;
    }
}
