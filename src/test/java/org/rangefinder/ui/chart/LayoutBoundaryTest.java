package org.rangefinder.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class LayoutBoundaryTest {

    @BeforeAll
    static void javaFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** A column that counts its own layouts. */
    private static final class Column extends VBox {
        int layouts;

        Column(Node child) {
            super(child);
            VBox.setVgrow(child, Priority.ALWAYS);
            new Scene(this, 400, 300);
            applyCss();
            layout();
        }

        @Override
        protected void layoutChildren() {
            layouts++;
            super.layoutChildren();
        }
    }

    private static XYChart.Series<Number, Number> series(StyledLineChart<Number, Number> chart) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        chart.addSeries(series, RunColors.look(0, 0, "smoothed-line"));
        return series;
    }

    @Test
    void aChartsLayoutRequestsEndAtTheBoundaryWhichGivesItItsSize() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            StyledLineChart<Number, Number> held = StyledLineChart.againstIteration("loss", "held");
            XYChart.Series<Number, Number> data = series(held);
            Column column = new Column(new LayoutBoundary(held));
            assertThat(held.getWidth()).isEqualTo(400);
            assertThat(held.getHeight()).isEqualTo(300);
            int layouts = column.layouts;

            data.getData().add(new XYChart.Data<>(0, 1.0));
            data.getData().add(new XYChart.Data<>(40, 2.6));
            assertThat(held.isNeedsLayout()).isTrue();
            assertThat(column.isNeedsLayout()).as("the request ended at the chart").isFalse();
            column.layout();
            assertThat(column.layouts).as("the column was not laid out again").isEqualTo(layouts);
            assertThat(held.isNeedsLayout()).isFalse();
            assertThat(((LinearAxis) held.getYAxis()).getUpperBound()).as("the chart was").isGreaterThanOrEqualTo(2.6);

            column.resize(500, 350);
            column.layout();
            assertThat(held.getWidth()).isEqualTo(500);
            assertThat(held.getHeight()).isEqualTo(350);

            // the same chart without a boundary: its request reaches the column
            StyledLineChart<Number, Number> free = StyledLineChart.againstIteration("loss", "free");
            XYChart.Series<Number, Number> more = series(free);
            Column other = new Column(free);
            more.getData().add(new XYChart.Data<>(0, 1.0));
            assertThat(other.isNeedsLayout()).isTrue();
            return null;
        }).get();
    }
}
