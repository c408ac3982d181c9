package org.rangefinder.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StandardiserTest {

    /** Column 0: 1, 2, 3, 6 (mean 3, population std sqrt(14/4) = sqrt(3.5)); column 1: constant 5. */
    private static final Split TRAIN = new Split(new float[] {1, 5, 2, 5, 3, 5, 6, 5}, new int[] {0, 1, 0, 1}, 2);

    @Test
    void usesTheMeanAndPopulationStandardDeviationOfTheFittedSplit() {
        Standardiser standardiser = Standardiser.fit(TRAIN);

        assertThat(standardiser.mean()).containsExactly(3, 5);
        assertThat(standardiser.std()[0]).isCloseTo(Math.sqrt(3.5), within(1e-15));
        assertThat(standardiser.std()[1]).isZero();
    }

    @Test
    void turnsValuesIntoZScoresAndOnlyCentresAConstantColumn() {
        Split z = Standardiser.fit(TRAIN).apply(TRAIN);

        double s = Math.sqrt(3.5);
        assertThat(z.features()).containsExactly((float) (-2 / s), 0, (float) (-1 / s), 0, 0, 0, (float) (3 / s), 0);
        assertThat(z.labels()).containsExactly(0, 1, 0, 1);
    }

    @Test
    void appliesTrainingStatisticsToOtherSplits() {
        Split other = new Split(new float[] {10, 7}, new int[] {1}, 2);

        Split z = Standardiser.fit(TRAIN).apply(other);

        assertThat(z.features()).containsExactly((float) (7 / Math.sqrt(3.5)), 2);
    }
}
