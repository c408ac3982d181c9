package org.rangefinder.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import javafx.geometry.Side;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

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

    private static double[] fitted(boolean wholeUnits, Side side, double min, double max, double length) {
        LinearAxis axis = LinearAxis.fittingData(wholeUnits);
        axis.setSide(side);
        return (double[]) axis.autoRange(min, max, length, 0);
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
        assertThat((double[]) axis.autoRange(Double.NaN, 1, 300, 0)).containsExactly(0, 1, 0.25);
        assertThat((double[]) axis.autoRange(0, Double.POSITIVE_INFINITY, 300, 0)).containsExactly(0, 1, 0.25);
    }
}
