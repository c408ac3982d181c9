package org.rangefinder.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
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

    @Test
    void aHeldRegionIsLaidOutWhereAnAncestorKeepsAnOldRequest() throws Exception {
        Label label = new Label("short");
        label.setPrefWidth(200);
        boolean[] drop = {false};
        Pane stuck = new Pane(new LayoutBoundary(label)) {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                if (drop[0]) {
                    drop[0] = false;
                    requestLayout(); // while its parent lays out: JavaFX does not pass it on (as in a table's row)
                }
            }
        };
        VBox root = new VBox(stuck);
        FxToolkit.setupSceneRoot(() -> root);
        FxToolkit.showStage();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> {
            drop[0] = true;
            stuck.requestLayout();
            root.layout();
            return stuck.isNeedsLayout() && !root.isNeedsLayout();
        }).get()).as("an ancestor left with its request").isTrue();

        WaitForAsyncUtils.asyncFx(() -> label.setText("other")).get();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> ((Text) label.lookup(".text")).getText()).get())
                .as("the text laid out in the label").isEqualTo("other");
    }
}
