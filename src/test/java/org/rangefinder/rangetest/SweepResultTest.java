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
