package org.rangefinder.rangetest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SweepResult.SeedSummary} on curves built by hand, its mean, band and medians computed by hand. */
class SweepResultTest {

    private static final double[] LRS = {1e-4, 1e-3, 1e-2, 1e-1, 1};

    /** A member's curve of these smoothed losses, at the ladder's first learning rates (the raw loss is not read). */
    private static List<CurvePoint> curve(double... smoothed) {
        List<CurvePoint> points = new ArrayList<>();
        for (int i = 0; i < smoothed.length; i++) {
            points.add(new CurvePoint(i, LRS[i], smoothed[i], smoothed[i]));
        }
        return points;
    }

    private static Suggestions valley(Double lr) {
        return new Suggestions(null, lr, null, null, 20, null);
    }

    /**
     * Members of 3, 5 and 0 points: the empty one (its valley 5e-3 would move the median) is left out, the summary
     * covers the 3 indices both others reached, and the valleys 1e-3 and 3e-3 give the mean of the two, 2e-3.
     */
    @Test
    void meanBandAndMedianOverTheMembersWithPoints() {
        SweepResult.SeedSummary s = SweepResult.SeedSummary.of(
                List.of(curve(2, 1, 4), curve(4, 3, 1, 0.5, 0.25), curve()),
                List.of(valley(1e-3), valley(3e-3), valley(5e-3)));
        assertThat(s.lrs()).containsExactly(1e-4, 1e-3, 1e-2);
        // index 0: 2 and 4; index 1: 1 and 3; index 2: 4 and 1
        assertThat(s.meanSmoothedLoss()).containsExactly(3, 2, 2.5);
        assertThat(s.minSmoothedLoss()).containsExactly(2, 1, 1);
        assertThat(s.maxSmoothedLoss()).containsExactly(4, 3, 4);
        assertThat(s.medianValley()).isEqualTo(2e-3);
        assertThat(s.medianSteep()).isNull();
        assertThat(s.medianMinimum()).isNull();
    }

    /** An odd count of suggestions gives the middle one; a member without one is not counted. */
    @Test
    void medianOfAnOddCountIsTheMiddleOne() {
        SweepResult.SeedSummary s = SweepResult.SeedSummary.of(
                List.of(curve(1), curve(2), curve(3), curve(4)),
                List.of(valley(2e-2), valley(1e-3), valley(null), valley(3e-3)));
        assertThat(s.medianValley()).isEqualTo(3e-3);
        assertThat(s.meanSmoothedLoss()).containsExactly(2.5);
    }

    /**
     * A member stopped non-finite at index 2 (its smoothed loss NaN there, as {@link RangeTest} keeps that point):
     * the summary ends before it, at 2 points, though every member reached index 2, and holds no NaN.
     */
    @Test
    void summaryEndsBeforeTheFirstNonFiniteSmoothedLossOfAnyMember() {
        SweepResult.SeedSummary s = SweepResult.SeedSummary.of(
                List.of(curve(2, 1, 4), curve(4, 3, Double.NaN), curve(6, 5, 0.5, 0.25)),
                List.of(valley(1e-3), valley(null), valley(3e-3)));
        assertThat(s.lrs()).containsExactly(1e-4, 1e-3);
        assertThat(s.meanSmoothedLoss()).containsExactly(4, 3);
        assertThat(s.minSmoothedLoss()).containsExactly(2, 1);
        assertThat(s.maxSmoothedLoss()).containsExactly(6, 5);
        assertThat(s.medianValley()).isEqualTo(2e-3);
    }
}
