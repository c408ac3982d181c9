package org.rangefinder.ui.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;

/** Charts for the axis tests, and what a test reads off a chart. FX thread only. */
public final class ChartFixtures {
    private ChartFixtures() {
    }

    /**
     * A line chart of one series, (0, 0) and (10, 0.93), {@code width x height} pixels in a pane of a scene
     * {@code sceneHeight} high, styled and laid out. Its parent lays it out again.
     */
    static LineChart<Number, Number> laidOut(LinearAxis x, LinearAxis y, double width, double height,
                                             double sceneHeight) {
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.getData().add(new XYChart.Data<>(0, 0.0));
        series.getData().add(new XYChart.Data<>(10, 0.93));
        chart.getData().add(series);
        chart.setPrefSize(width, height);
        Parent root = new Pane(chart);
        new Scene(root, width, sceneHeight);
        root.applyCss();
        root.layout();
        return chart;
    }

    /** The chart's legend entries (their labels' texts), the invisible stand-in of an empty legend as "(empty)". */
    public static List<String> legendTexts(StyledLineChart<?, ?> chart) {
        List<String> out = new ArrayList<>();
        for (Node item : ((Pane) chart.lookup(".rf-legend")).getChildren()) {
            out.add(item.isVisible() ? ((Label) ((HBox) item).getChildren().get(1)).getText() : "(empty)");
        }
        return out;
    }
}
