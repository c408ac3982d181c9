package org.rangefinder.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogAxisTest {

    @Test
    void positionIsLinearInLog10BetweenTheBounds() {
        assertThat(LogAxis.fraction(1e-3, 1e-6, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(LogAxis.fraction(1e-6, 1e-6, 1)).isCloseTo(0.0, within(1e-12));
        assertThat(LogAxis.fraction(1, 1e-6, 1)).isCloseTo(1.0, within(1e-12));
        // log10(2e-4) = -3.69897; (-3.69897 + 6) / 6 = 0.383505
        assertThat(LogAxis.fraction(2e-4, 1e-6, 1)).isCloseTo(0.3835050, within(1e-6));
    }

    @Test
    void valueForAPositionInvertsThePosition() {
        for (double v : new double[] {3.7e-7, 1e-4, 0.02, 9.5}) {
            assertThat(LogAxis.valueAt(LogAxis.fraction(v, 1e-7, 10), 1e-7, 10)).isCloseTo(v, within(v * 1e-12));
        }
    }

    @Test
    void nonPositiveValuesSitAtTheLowerEnd() {
        assertThat(LogAxis.fraction(0, 1e-6, 1)).isZero();
        assertThat(LogAxis.fraction(-1, 1e-6, 1)).isZero();
        assertThat(LogAxis.fraction(Double.NaN, 1e-6, 1)).isZero();
    }

    @Test
    void autoRangeWidensToWholeDecades() {
        assertThat(LogAxis.decadeRange(3e-7, 4.2)).containsExactly(1e-7, 10);
        assertThat(LogAxis.decadeRange(1e-3, 1e-1)).containsExactly(1e-3, 1e-1);
        assertThat(LogAxis.decadeRange(2e-3, 3e-3)).containsExactly(1e-3, 1e-2);
    }

    @Test
    void majorTicksAreTheDecadesInRange() {
        assertThat(LogAxis.majorTicks(1e-7, 10, 800)).containsExactly(1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0, 10.0);
    }

    @Test
    void narrowAxesLabelEverySecondDecade() {
        // 8 decades over 200 px = 25 px per decade, under 42: every second decade (even exponents)
        List<Number> ticks = LogAxis.majorTicks(1e-7, 10, 200);
        assertThat(ticks).containsExactly(1e-6, 1e-4, 1e-2, 1.0);
    }

    @Test
    void wideDecadesGetOneTwoFiveTicks() {
        // 2 decades over 700 px = 350 px per decade; 1 to 2 is 0.301 of it, 105 px, over 42: 1, 2 and 5 are labelled
        assertThat(LogAxis.majorTicks(1e-5, 1e-3, 700))
                .containsExactly(1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3);
        // 139 px per decade: 1 to 2 would be 41.8 px apart, under 42: decades only
        assertThat(LogAxis.majorTicks(1e-5, 1e-3, 278)).containsExactly(1e-5, 1e-4, 1e-3);
        // 140 px per decade: 42.1 px apart
        assertThat(LogAxis.majorTicks(1e-5, 1e-3, 280)).hasSize(7);
    }

    @Test
    void aRangeWithinOneDecadeGetsOneTwoFiveTicks() {
        assertThat(LogAxis.majorTicks(1.5e-3, 9e-3, 500)).containsExactly(2e-3, 5e-3);
    }

    @Test
    void aViewZoomedPastTheOneTwoFiveTicksGetsOneToNineTimesTheDecade() {
        // none of 1, 2, 5 x 10^e within [2.2e-3, 4.5e-3] or [5.5e-3, 9.5e-3]; 5e-3 alone within [3e-3, 9e-3]
        assertThat(LogAxis.majorTicks(2.2e-3, 4.5e-3, 700)).containsExactly(3e-3, 4e-3);
        assertThat(LogAxis.majorTicks(5.5e-3, 9.5e-3, 700)).containsExactly(6e-3, 7e-3, 8e-3, 9e-3);
        assertThat(LogAxis.majorTicks(3e-3, 9e-3, 700)).containsExactly(3e-3, 4e-3, 5e-3, 6e-3, 7e-3, 8e-3, 9e-3);
        assertThat(LogAxis.majorTicks(0.5, 0.9, 300)).containsExactly(0.5, 0.6, 0.7, 0.8, 0.9);
    }

    @Test
    void aViewWithinOneStepOfThoseGetsLinearSteps() {
        // (1.9e-3 - 1.2e-3) / 2 = 3.5e-4 -> 2.5e-4; its multiples within the view
        assertThat(LogAxis.majorTicks(1.2e-3, 1.9e-3, 700)).containsExactly(1.25e-3, 1.5e-3, 1.75e-3);
        assertThat(LogAxis.majorTicks(2.2e-3, 2.9e-3, 700)).containsExactly(2.25e-3, 2.5e-3, 2.75e-3);
        // (2.42e-3 - 2.41e-3) / 2 = 5e-6 -> 5e-6
        assertThat(LogAxis.majorTicks(2.41e-3, 2.42e-3, 700)).containsExactly(2.41e-3, 2.415e-3, 2.42e-3);
        assertThat(LogAxis.majorTicks(21, 29, 700)).containsExactly(22.5, 25.0, 27.5);
        assertThat(LogAxis.majorTicks(1.2e-3, 1.9e-3, 700).stream().map(t -> LogAxis.label(t.doubleValue())))
                .containsExactly("1.25e-3", "1.5e-3", "1.75e-3");
    }

    @Test
    void minorTicksAreTwoToNineTimesEachDecade() {
        assertThat(LogAxis.minorTicks(1e-3, 1e-1)).hasSize(16).contains(2e-3, 9e-3, 2e-2, 9e-2);
    }

    @Test
    void labelsNameDecades() {
        assertThat(LogAxis.label(1e-7)).isEqualTo("1e-7");
        assertThat(LogAxis.label(1e-3)).isEqualTo("1e-3");
        assertThat(LogAxis.label(0.01)).isEqualTo("0.01");
        assertThat(LogAxis.label(1)).isEqualTo("1");
        assertThat(LogAxis.label(10)).isEqualTo("10");
        assertThat(LogAxis.label(1000)).isEqualTo("1e3");
        assertThat(LogAxis.label(5e-3)).isEqualTo("5e-3");
        assertThat(LogAxis.label(Math.pow(10, -5))).isEqualTo("1e-5");
    }

    @Test
    void labelsKeepTheDigitsOfATickBetweenOneTwoFive() {
        assertThat(LogAxis.label(2.5e-3)).isEqualTo("2.5e-3");
        assertThat(LogAxis.label(1.25e-3)).isEqualTo("1.25e-3");
        assertThat(LogAxis.label(2.415e-3)).isEqualTo("2.415e-3");
        assertThat(LogAxis.label(0.025)).isEqualTo("0.025");
        assertThat(LogAxis.label(22.5)).isEqualTo("22.5");
        assertThat(LogAxis.label(7e-3)).isEqualTo("7e-3");
        assertThat(LogAxis.label(200)).isEqualTo("200");
        assertThat(LogAxis.label(2.5e4)).isEqualTo("2.5e4");
        // a double's rounding is no digit: 3 * 0.1 = 0.30000000000000004
        assertThat(LogAxis.label(3 * 0.1)).isEqualTo("0.3");
    }
}
