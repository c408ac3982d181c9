package org.rangefinder.ui.chart;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Pane;

/** Charts for the axis tests. FX thread only. */
final class ChartFixtures {
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
}
