package org.rangefinder.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rangefinder.rangetest.Smoothing;

class LossRangeTest {

    @Test
    void ignoresTheTailThatClimbsAboveTheStartingLoss() {
        // lowest at index 3; the first value after it above y0 = 2.3 is 5.0 at index 5: range over 0..4
        double[] ys = {2.3, 2.1, 1.2, 0.8, 1.9, 5.0, 1e29};
        assertThat(LossRange.withoutDivergedTail(ys)).containsExactly(0.8, 2.3);
    }

    @Test
    void aRawCurveKeepsItsDipsAndLosesItsOwnTail() {
        // raw noise around a falling loss: up to 2.5 before the valley, down to 0.9 (index 5, its lowest); the first
        // raw value after it above y0 = 2.3 is 2.6 at index 7, where it diverged: range over 0..6
        double[] raw = {2.3, 2.5, 2.2, 1.1, 1.6, 0.9, 1.8, 2.6, 1.2, 40};
        assertThat(LossRange.withoutDivergedTail(raw)).containsExactly(0.9, 2.5);
    }

    @Test
    void aCurveThatOnlyRisesIsCutWhereTheRangeTestWouldHaveStoppedIt() {
        // lowest at index 0, no valley: the tail starts at the first value above 4 * 2.3 = 9.2, 10 at index 8
        assertThat(LossRange.withoutDivergedTail(new double[] {2.3, 2.4, 2.5, 2.7, 3.0, 3.5, 4, 5, 10, 100, 1e5}))
                .containsExactly(2.3, 5.0);
        // a start at 0 has no such bound: the whole curve
        assertThat(LossRange.withoutDivergedTail(new double[] {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5}))
                .containsExactly(0.0, 4.5);
    }

    /**
     * Fewer than ten points are too few to tell a rise from noise: they are cut above their first value, whatever
     * their lowest, as a run's first points arrive. Fitted to each of them, the axis was fitted anew at almost each
     * point as a run started, and the whole plot painted again with it.
     */
    @Test
    void aCurveOfFewerThanTenPointsIsCutAboveItsFirstValue() {
        assertThat(LossRange.withoutDivergedTail(new double[] {2.3, 2.5, 3.0, 5, 10, 100, 1e5, 1e6, 1e7}))
                .containsExactly(2.3, 2.3);
        assertThat(LossRange.withoutDivergedTail(new double[] {2.25, 2.34, 2.28, 2.31})).containsExactly(2.25, 2.25);
    }

    /**
     * A rising loss whose second point dips a little below its first has its lowest value among the first tenth of its
     * points, which is no valley: it is cut where the range test would have stopped it, above 4 times that lowest
     * value. Cut above its first value, it kept {2.9, 3.0}, and the axis showed the rest of the curve off its top.
     */
    @Test
    void aRisingCurveLowestAmongItsFirstTenthIsCutWhereTheRangeTestWouldHaveStoppedIt() {
        // y_i = 3 e^(0.04 i) for 40 points, y_1 = 2.9: lowest at index 1 < 40/10; 4 * 2.9 = 11.6 is first passed at
        // index 34 (3 e^1.36 = 11.69; 3 e^1.32 = 11.23 at index 33)
        double[] ys = new double[40];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = 3 * Math.exp(0.04 * i);
        }
        ys[1] = 2.9;
        assertThat(LossRange.withoutDivergedTail(ys)).containsExactly(2.9, 3 * Math.exp(0.04 * 33));
        // lowest at index 4 = 40/10: a valley, climbed out of above y_0 = 3 at index 5
        ys[4] = 2.8;
        assertThat(LossRange.withoutDivergedTail(ys)).containsExactly(2.8, 3 * Math.exp(0.04 * 3));
    }

    @Test
    void aRisingRawLossAndItsSmoothedCurveKeepTheirRiseUpToTheDivergence() {
        // a start LR too high: the loss only rises. Bias-corrected, the smoothed curve starts one ulp below the raw
        // loss it starts from (3.862679400395888 for 3.8626794003958884); both were cut to their first value, and the
        // axis got a range 4.4e-16 wide
        double[] raw = {3.8626794003958884, 4.0, 4.2, 4.5, 5, 5.5, 6, 9, 30, 1e29};
        double[] smoothed = Smoothing.smooth(raw, 0.98);
        assertThat(smoothed[0]).isEqualTo(3.862679400395888);
        // raw: cut at 30 (above 4 * 3.86 = 15.45); smoothed: 3.86, 3.93, 4.02, 4.15, 4.32, 4.53, 4.75, 5.32, 8.29,
        // cut at 1.09e28
        assertThat(LossRange.withoutDivergedTail(raw)).containsExactly(3.8626794003958884, 9.0);
        assertThat(LossRange.withoutDivergedTail(smoothed)).containsExactly(3.862679400395888, smoothed[8]);
        assertThat(smoothed[8]).isCloseTo(8.2907, within(1e-4));
    }

    @Test
    void keepsTheWholeCurveWhenItNeverClimbsBack() {
        assertThat(LossRange.withoutDivergedTail(new double[] {2, 1, 0.5, 1.5})).containsExactly(0.5, 2.0);
    }

    @Test
    void stopsAtTheFirstNonFiniteValue() {
        assertThat(LossRange.withoutDivergedTail(new double[] {2, 1, Double.NaN, 0.1})).containsExactly(1.0, 2.0);
        assertThat(LossRange.withoutDivergedTail(new double[] {Double.NaN})).isNull();
    }

    @Test
    void unionSpansBoth() {
        assertThat(LossRange.union(new double[] {1, 2}, new double[] {0.5, 1.5})).containsExactly(0.5, 2.0);
        assertThat(LossRange.union(null, new double[] {1, 2})).containsExactly(1.0, 2.0);
    }

    @Test
    void niceScaleRoundsOutToOneTwoFiveSpacing() {
        // (2.3 - 0.8) / 5 = 0.3 -> 0.25; bounds 0.75 .. 2.5
        NiceScale s = NiceScale.of(0.8, 2.3, 6);
        assertThat(s.tickUnit()).isCloseTo(0.25, within(1e-12));
        assertThat(s.lower()).isCloseTo(0.75, within(1e-12));
        assertThat(s.upper()).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void niceScaleHeldToWholeUnitsSkipsTwoAndAHalfButNotTwentyFive() {
        // 8 / 3 = 2.67: 2.5 in general, 2 in whole units; 100 / 4 = 25: 25 either way
        assertThat(NiceScale.of(0, 8, 4).tickUnit()).isEqualTo(2.5);
        assertThat(NiceScale.of(0, 8, 4, true).tickUnit()).isEqualTo(2);
        assertThat(NiceScale.of(0, 100, 5, true).tickUnit()).isEqualTo(25);
        // 3 / 4 = 0.75: 0.5 in general, at least 1 in whole units
        assertThat(NiceScale.of(0, 3, 5).tickUnit()).isEqualTo(0.5);
        assertThat(NiceScale.of(0, 3, 5, true)).isEqualTo(new NiceScale(0, 3, 1));
    }

    @Test
    void niceScaleWidensAnEmptyRange() {
        NiceScale s = NiceScale.of(2, 2, 6);
        assertThat(s.lower()).isLessThan(2);
        assertThat(s.upper()).isGreaterThan(2);
    }

    @Test
    void niceScaleWidensARangeOfValuesARoundingApartAsOneValue() {
        // one ulp apart: 2.3 +- 0.23, spacing 0.46 / 5 = 0.092 -> 0.05, bounds 2.05 .. 2.55 (11 ticks, not 17)
        NiceScale ulpApart = NiceScale.of(2.3, Math.nextUp(2.3), 6);
        assertThat(ulpApart).isEqualTo(NiceScale.of(2.3, 2.3, 6));
        assertThat(ulpApart.tickUnit()).isEqualTo(0.05);
        assertThat(ulpApart.lower()).isCloseTo(2.05, within(1e-12));
        assertThat(ulpApart.upper()).isCloseTo(2.55, within(1e-12));
        // a span of 5e-10 of the magnitude is empty (1 +- 0.1, ticks 0.025 apart); 2e-9 is a range of its own
        assertThat(NiceScale.of(1, 1 + 5e-10, 6).tickUnit()).isEqualTo(0.025);
        assertThat(NiceScale.of(1, 1 + 2e-9, 6).tickUnit()).isEqualTo(2.5e-10);
    }

    @Test
    void paddingAddsAFractionEachSideButStopsAtZeroForANonNegativeRange() {
        assertThat(LossRange.padded(new double[] {1.0, 3.0}, 0.05)).containsExactly(0.9, 3.1);
        assertThat(LossRange.padded(new double[] {0.02, 2.02}, 0.05)).as("0.02 - 0.1 would be below 0")
                .containsExactly(0.0, 2.12);
        assertThat(LossRange.padded(new double[] {-1.0, 1.0}, 0.05)).as("a range already below 0 is padded")
                .containsExactly(-1.1, 1.1);
    }
}
