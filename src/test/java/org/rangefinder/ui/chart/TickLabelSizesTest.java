package org.rangefinder.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Dimension2D;
import javafx.geometry.Side;
import javafx.scene.chart.LineChart;
import javafx.scene.text.Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class TickLabelSizesTest {

    @BeforeAll
    static void javaFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void eachTextIsMeasuredOnceUntilTheFontOrRotationChanges() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            LinearAxis axis = new LinearAxis(0, 1, 0.25);
            List<String> measured = new ArrayList<>();
            TickLabelSizes sizes = new TickLabelSizes(axis, label -> {
                measured.add(label);
                return new Dimension2D(label.length(), measured.size());
            });
            assertThat(sizes.of("0.25")).isEqualTo(new Dimension2D(4, 1));
            assertThat(sizes.of("0.50")).isEqualTo(new Dimension2D(4, 2));
            assertThat(sizes.of("0.25")).as("kept").isEqualTo(new Dimension2D(4, 1));
            assertThat(measured).containsExactly("0.25", "0.50");

            axis.setTickLabelFont(Font.font(axis.getTickLabelFont().getSize() + 4));
            assertThat(sizes.of("0.25")).as("another font: measured again").isEqualTo(new Dimension2D(4, 3));
            axis.setTickLabelRotation(90);
            assertThat(sizes.of("0.25")).as("another rotation: measured again").isEqualTo(new Dimension2D(4, 4));
            assertThat(measured).containsExactly("0.25", "0.50", "0.25", "0.25");

            for (int i = 0; i < TickLabelSizes.LIMIT; i++) {
                sizes.of(Integer.toString(i));
            }
            assertThat(sizes.size()).as("past the limit all are forgotten").isEqualTo(1);
            return null;
        }).get();
    }

    @Test
    void anAxisIsAsWideAsItsLabelsInTheCurrentFont() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            LinearAxis y = LinearAxis.fittingData(false);
            LineChart<Number, Number> chart = ChartFixtures.laidOut(LinearAxis.fittingData(true), y, 400, 300, 300);
            assertThat(y.getSide()).isEqualTo(Side.LEFT);
            double height = y.getHeight();
            double narrow = y.prefWidth(height);
            int labels = y.measuredLabels();
            assertThat(labels).as("one size per label of the fitted range").isPositive();
            chart.layout();
            assertThat(y.prefWidth(height)).isEqualTo(narrow);
            assertThat(y.measuredLabels()).as("no new label, no new size").isEqualTo(labels);

            y.setTickLabelFont(Font.font(y.getTickLabelFont().getFamily(), 3 * y.getTickLabelFont().getSize()));
            double wide = y.prefWidth(height);
            assertThat(wide).as("labels three times as large widen the axis").isGreaterThan(narrow + 10);
            return null;
        }).get();
    }

    @Test
    void aLogAxisMeasuresItsLabelsInTheCurrentFont() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            LogAxis x = new LogAxis(1e-7, 10);
            x.setSide(Side.BOTTOM);
            double small = x.prefHeight(600);
            x.setTickLabelFont(Font.font(x.getTickLabelFont().getFamily(), 3 * x.getTickLabelFont().getSize()));
            assertThat(x.prefHeight(600)).as("taller labels, taller axis").isGreaterThan(small + 5);
            return null;
        }).get();
    }
}
