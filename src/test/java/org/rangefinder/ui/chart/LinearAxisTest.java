package org.rangefinder.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Side;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class LinearAxisTest {

    @BeforeAll
    static void javaFx() throws Exception {
        FxToolkit.registerPrimaryStage(); // an axis is a control: JavaFX must be started to make one
    }

    private static double[] ticks(double lower, double upper, double unit) {
        return LinearAxis.multiplesWithin(lower, upper, unit).stream().mapToDouble(Number::doubleValue).toArray();
    }

    @Test
    void ticksAreMultiplesOfTheUnitInsideTheBounds() {
        // 1.213 .. 1.987 with unit 0.1: 1.3, 1.4, ..., 1.9 (seven ticks), not 1.213, 1.313, ...
        double[] ticks = ticks(1.213, 1.987, 0.1);
        assertThat(ticks).hasSize(7);
        for (int i = 0; i < ticks.length; i++) {
            assertThat(ticks[i]).isCloseTo(1.3 + 0.1 * i, within(1e-12));
        }
    }

    @Test
    void boundsOnAMultipleAreTicksDespiteRounding() {
        // 0.3 / 0.1 is 2.9999999999999996 in doubles; 0.3 is still a tick
        assertThat(ticks(0.3, 0.7, 0.1)).hasSize(5);
        assertThat(ticks(0.3, 0.7, 0.1)[0]).isCloseTo(0.3, within(1e-12));
        assertThat(ticks(0, 2.5, 0.5)).containsExactly(0, 0.5, 1, 1.5, 2, 2.5);
    }

    @Test
    void negativeRangesAndDegenerateUnits() {
        assertThat(ticks(-1.05, 0.2, 0.5)).containsExactly(-1, -0.5, 0);
        assertThat(LinearAxis.multiplesWithin(0, 1, 0)).isEmpty();
        assertThat(LinearAxis.multiplesWithin(0, 1, Double.NaN)).isEmpty();
        assertThat(LinearAxis.multiplesWithin(1, 0, 0.1)).isEmpty();
        assertThat(LinearAxis.multiplesWithin(0, 1, 1e-9)).isEqualTo(List.of());
    }

    @Test
    void labelsCarryTheDecimalsOfTheUnit() {
        assertThat(LinearAxis.label(1.3, 0.1)).isEqualTo("1.3");
        assertThat(LinearAxis.label(2, 0.1)).isEqualTo("2.0");
        assertThat(LinearAxis.label(1.5, 0.25)).isEqualTo("1.50");
        assertThat(LinearAxis.label(0.30000000000000004, 0.1)).isEqualTo("0.3");
        assertThat(LinearAxis.label(0.025 * 3, 0.025)).isEqualTo("0.075");
        assertThat(LinearAxis.label(-0.0, 0.5)).isEqualTo("0.0");
        assertThat(LinearAxis.label(20, 5)).isEqualTo("20");
        assertThat(LinearAxis.label(1500, 500)).isEqualTo("1500");
    }

    /** A 400 x 200 chart of {@code y} against an iteration axis ({@link ChartFixtures#laidOut}), laid out. */
    private static LineChart<Number, Number> underIterations(LinearAxis y) {
        return ChartFixtures.laidOut(LinearAxis.fittingData(true), y, 400, 200, 700);
    }

    /** The axis's lower bound, upper bound and tick unit. */
    private static double[] shown(LinearAxis axis) {
        return new double[] {axis.getLowerBound(), axis.getUpperBound(), axis.tickUnit()};
    }

    private static double[] fitted(boolean wholeUnits, Side side, double min, double max, double length) {
        LinearAxis axis = LinearAxis.fittingData(wholeUnits);
        axis.setSide(side);
        return axis.fit(min, max, length);
    }

    @Test
    void aVerticalAxisFitsItsDataWithATickIntervalPerFortyPixels() {
        // 200 px: at least 5 intervals; (0.0101 - 0.0004) / 5 = 0.00194 -> unit 0.001, bounds 0 .. 0.011
        double[] r = fitted(false, Side.LEFT, 0.0004, 0.0101, 200);
        assertThat(r[0]).isCloseTo(0, within(1e-15));
        assertThat(r[1]).isCloseTo(0.011, within(1e-15));
        assertThat(r[2]).isCloseTo(0.001, within(1e-15));
        assertThat(r[3]).as("pixels per unit, upwards").isCloseTo(-200 / 0.011, within(1e-6));
    }

    @Test
    void aHorizontalAxisFitsItsDataWithAtLeastFourTickIntervalsWhateverItsWidth() {
        // 114 / 4 = 28.5 -> unit 25, bounds 0 .. 125 (a 115-iteration 1cycle preview), on 180 px as on 170 px
        assertThat(fitted(true, Side.BOTTOM, 0, 114, 180)).containsExactly(0, 125, 25, 180 / 125.0);
        assertThat(fitted(true, Side.BOTTOM, 0, 114, 170)).containsExactly(0, 125, 25, 170 / 125.0);
        // 16 / 4 = 4 -> unit 2 (2.5 is not whole), bounds 0 .. 16
        assertThat(fitted(true, Side.BOTTOM, 0, 16, 300)).containsExactly(0, 16, 2, 18.75);
        // 10 / 4 = 2.5 -> 2.5 in general, 2 for whole units (iterations)
        assertThat(fitted(false, Side.BOTTOM, 0, 10, 300)).containsExactly(0, 10, 2.5, 30);
        assertThat(fitted(true, Side.BOTTOM, 0, 10, 300)).containsExactly(0, 10, 2, 30);
        // whole units never go below 1
        assertThat(fitted(true, Side.BOTTOM, 0, 2, 300)).containsExactly(0, 2, 1, 150);
    }

    @Test
    void dataThatIsNotFiniteLeavesTheRangeAsItIs() {
        LinearAxis axis = LinearAxis.fittingData(false);
        assertThat(axis.fit(Double.NaN, 1, 300)).containsExactly(0, 1, 0.25);
        assertThat(axis.fit(0, Double.POSITIVE_INFINITY, 300)).containsExactly(0, 1, 0.25);
    }

    @Test
    void labelsRoundAsFormatDoes() {
        for (double unit : new double[] {0.001, 0.025, 0.1, 0.25, 1, 5, 500}) {
            int decimals = Math.max(0, BigDecimal.valueOf(unit).stripTrailingZeros().scale());
            for (int k = -40; k <= 40; k++) {
                double value = k * unit + unit / 3;
                assertThat(LinearAxis.label(value, unit)).as("%s with unit %s", value, unit)
                        .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", value));
            }
        }
        assertThat(LinearAxis.label(0.125, 0.01)).isEqualTo("0.13");
        assertThat(LinearAxis.label(1e7, 1e6)).isEqualTo("10000000");
        assertThat(LinearAxis.label(-0.001, 0.01)).as("never a negative zero").isEqualTo("0.00");
        assertThat(LinearAxis.label(Double.NaN, 0.1)).isEqualTo("NaN");
    }

    @Test
    void aHeldRangeIsTheFittedRoundingOfTheRangeAndKeepsItsTicksAsTheDataGrowsIntoIt() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            LinearAxis x = LinearAxis.fittingData(true);
            LineChart<Number, Number> chart = ChartFixtures.laidOut(x, LinearAxis.fittingData(false), 400, 200, 700);
            XYChart.Series<Number, Number> series = chart.getData().get(0);
            Parent root = chart.getParent();
            assertThat(x.getUpperBound()).as("fitted to the data, 0 .. 10").isEqualTo(10);

            // a 115-iteration training: 114 / 4 = 28.5 -> unit 25, bounds 0 .. 125, as fitting rounds it
            x.holdRange(0, 114);
            root.layout();
            assertThat(shown(x)).containsExactly(0, 125, 25);
            List<Axis.TickMark<Number>> ticks = List.copyOf(x.getTickMarks());
            assertThat(ticks).extracting(Axis.TickMark::getValue).extracting(Number::doubleValue)
                    .containsExactly(0.0, 25.0, 50.0, 75.0, 100.0, 125.0);

            for (int i = 11; i <= 114; i += 13) {
                series.getData().add(new XYChart.Data<>(i, 0.5));
                root.layout();
                assertThat(x.getUpperBound()).isEqualTo(125);
                assertThat(x.getTickMarks()).as("held at %d iterations", i).containsExactlyElementsOf(ticks);
            }

            series.getData().add(new XYChart.Data<>(140, 0.5));
            root.layout();
            assertThat(shown(x))
                    .as("data past the held range widens the axis: 140 / 4 = 35 -> unit 25, 0 .. 150")
                    .containsExactly(0, 150, 25);

            // another launch: its runs' curves replace the old ones, and its 16 iterations the held range
            series.getData().clear();
            x.holdRange(0, 16);
            root.layout();
            assertThat(shown(x)).containsExactly(0, 16, 2);
            assertThat(x.heldRange()).containsExactly(0, 16);
            return null;
        }).get();
    }

    @Test
    void aHeldVerticalRangeKeepsItsTicksAsTheDataGrowsAndFitsTheAxisLength() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            LinearAxis y = LinearAxis.fittingData(false);
            LineChart<Number, Number> chart = underIterations(y);
            XYChart.Series<Number, Number> series = chart.getData().get(0);
            Parent root = chart.getParent();

            // a learning rate schedule's range, 4e-7 .. 0.006, on an axis of about 170 px (4 intervals or more)
            series.getData().forEach(d -> d.setYValue(0.0001));
            y.holdRange(4e-7, 0.006);
            root.layout();
            double[] held = y.fit(4e-7, 0.006, y.getHeight());
            assertThat(shown(y)).containsExactly(Arrays.copyOf(held, 3));
            assertThat(held[0]).isZero();
            assertThat(held[1]).isGreaterThanOrEqualTo(0.006);
            List<Axis.TickMark<Number>> ticks = List.copyOf(y.getTickMarks());
            for (double lr = 0.001; lr <= 0.006; lr += 0.001) {
                series.getData().get(1).setYValue(lr);
                root.layout();
                assertThat(y.getTickMarks()).as("held at lr %s", lr).containsExactlyElementsOf(ticks);
            }

            double tall = 600 - (200 - y.getHeight());
            chart.setPrefSize(400, 600);
            root.layout();
            double[] taller = y.fit(4e-7, 0.006, tall);
            assertThat(y.getHeight()).isEqualTo(tall);
            assertThat(shown(y))
                    .as("a taller axis: the held range fitted with a tick interval per 40 px")
                    .containsExactly(Arrays.copyOf(taller, 3));
            assertThat(taller[2]).isLessThan(held[2]);
            return null;
        }).get();
    }

    @Test
    void theTicksAtBothEndsKeepTheirLabels() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            // momenta 0.85 .. 0.95: 95 * 0.01 is 0.9500000000000001, and the bound and the tick on it can map to a
            // position a rounding error above the axis's top (-2.8e-14 px at 224 px), where JavaFX's Axis hides a label
            for (double height = 200; height <= 420; height += 4) {
                LinearAxis y = LinearAxis.fittingData(false);
                LineChart<Number, Number> chart = ChartFixtures.laidOut(LinearAxis.fittingData(true), y, 400, height,
                        700);
                chart.getData().get(0).getData().forEach(d -> d.setYValue(0.9));
                y.holdRange(0.85, 0.95);
                chart.getParent().layout();
                List<Axis.TickMark<Number>> ticks = y.getTickMarks();
                assertThat(ticks.get(ticks.size() - 1).getValue().doubleValue()).as("%s px", height)
                        .isEqualTo(y.getUpperBound());
                assertThat(ticks.get(ticks.size() - 1).getPosition()).as("%s px", height).isZero();
                assertThat(ticks.get(0).getPosition()).as("%s px", height).isEqualTo(y.getHeight());
                assertThat(y.getChildrenUnmodifiable()).filteredOn(n -> n instanceof javafx.scene.text.Text)
                        .filteredOn(javafx.scene.Node::isVisible).extracting(n -> ((javafx.scene.text.Text) n).getText())
                        .as("%s px", height)
                        .contains(LinearAxis.label(y.getLowerBound(), y.tickUnit()),
                                LinearAxis.label(y.getUpperBound(), y.tickUnit()));
            }
            return null;
        }).get();
    }

    @Test
    void anAnchoredAxisReachesItsAnchorWhenItHasData() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            LinearAxis loss = LinearAxis.fittingData(false);
            LineChart<Number, Number> chart = underIterations(loss);
            XYChart.Series<Number, Number> series = chart.getData().get(0);
            Parent root = chart.getParent();
            series.getData().get(0).setYValue(2.3);
            series.getData().get(1).setYValue(2.25);
            root.layout();
            assertThat(loss.getLowerBound()).as("fitted to 2.25 .. 2.3 alone").isGreaterThan(2);

            loss.anchorAt(0);
            root.layout();
            double[] anchored = loss.fit(0, 2.3, loss.getHeight());
            assertThat(shown(loss)).containsExactly(Arrays.copyOf(anchored, 3));
            List<Axis.TickMark<Number>> ticks = List.copyOf(loss.getTickMarks());
            for (double low = 2.0; low > 0.1; low -= 0.3) {
                series.getData().get(1).setYValue(low);
                root.layout();
                assertThat(loss.getTickMarks()).as("loss down to %s", low).containsExactlyElementsOf(ticks);
            }

            LinearAxis accuracy = LinearAxis.fittingData(false);
            accuracy.anchorAt(1);
            LineChart<Number, Number> empty = ChartFixtures.laidOut(LinearAxis.fittingData(true), accuracy, 400, 200,
                    700);
            empty.getData().get(0).getData().clear();
            empty.getParent().layout();
            double[] before = {accuracy.getLowerBound(), accuracy.getUpperBound()};
            assertThat(before[1]).as("no data: the anchor alone makes no range").isLessThanOrEqualTo(1);
            empty.getData().get(0).getData().add(new XYChart.Data<>(4, 0.235));
            empty.getParent().layout();
            double[] fitted = accuracy.fit(0.235, 1, accuracy.getHeight());
            assertThat(new double[] {accuracy.getLowerBound(), accuracy.getUpperBound()})
                    .containsExactly(fitted[0], fitted[1]);
            assertThat(fitted[1]).isEqualTo(1);
            return null;
        }).get();
    }

    @Test
    void ticksStayWhileTheDataKeepsItsFitAndFollowTheLatestDataOtherwise() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            LinearAxis y = LinearAxis.fittingData(false);
            LineChart<Number, Number> chart = underIterations(y);
            XYChart.Series<Number, Number> series = chart.getData().get(0);
            Parent root = chart.getParent();
            List<Axis.TickMark<Number>> ticks = List.copyOf(y.getTickMarks());
            assertThat(ticks).isNotEmpty();
            double upper = y.getUpperBound();

            series.getData().get(1).setYValue(0.97);
            root.layout();
            assertThat(y.getUpperBound()).isEqualTo(upper).isEqualTo(y.fit(0, 0.97, y.getHeight())[1]);
            assertThat(y.getTickMarks()).as("the same range keeps its tick marks").containsExactlyElementsOf(ticks);

            double tall = 600 - (200 - y.getHeight());
            assertThat(y.fit(0, 0.93, tall)[1]).as("a taller axis fits 0.93 and 0.97 apart")
                    .isNotEqualTo(y.fit(0, 0.97, tall)[1]);
            chart.setPrefSize(400, 600);
            root.layout();
            assertThat(y.getHeight()).isEqualTo(tall);
            assertThat(y.getUpperBound()).as("resized, it fits the latest data").isEqualTo(y.fit(0, 0.97, tall)[1]);

            series.getData().get(1).setYValue(2.6);
            root.layout();
            assertThat(y.getUpperBound()).isEqualTo(y.fit(0, 2.6, tall)[1]).isGreaterThanOrEqualTo(2.6);
            assertThat(y.getTickMarks()).as("another range, other ticks").doesNotContainAnyElementsOf(ticks);
            return null;
        }).get();
    }
}
