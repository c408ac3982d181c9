package org.rangefinder.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
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
            styled.addSeries(b, new SeriesLook(List.of(), "", true, true));
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
}
