package org.rangefinder.rangetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rangefinder.UserInputException;

class SmoothingTest {

    @Test
    void biasCorrectedAverageOfThreePointsByHand() {
        // beta 0.5, L = 4, 2, 8:
        // v1 = 0.5*0 + 0.5*4 = 2, s1 = 2 / (1 - 0.5)   = 4
        // v2 = 0.5*2 + 0.5*2 = 2, s2 = 2 / (1 - 0.25)  = 8/3
        // v3 = 0.5*2 + 0.5*8 = 5, s3 = 5 / (1 - 0.125) = 40/7
        assertThat(Smoothing.smooth(new double[] {4, 2, 8}, 0.5)).containsExactly(4, 8.0 / 3, 40.0 / 7);
    }

    @Test
    void defaultBetaByHand() {
        // beta 0.98, L = 1, 2, 3:
        // v1 = 0.02,                          s1 = 0.02 / 0.02                = 1
        // v2 = 0.98*0.02 + 0.02*2 = 0.0596,   s2 = 0.0596 / (1 - 0.9604)      = 1.50505...
        // v3 = 0.98*0.0596 + 0.02*3 = 0.118408, s3 = 0.118408 / (1 - 0.941192) = 2.01346755...
        double[] s = Smoothing.smooth(new double[] {1, 2, 3}, Smoothing.DEFAULT_BETA);
        assertThat(s[0]).isCloseTo(1, within(1e-15));
        assertThat(s[1]).isCloseTo(0.0596 / 0.0396, within(1e-13));
        assertThat(s[2]).isCloseTo(0.118408 / 0.058808, within(1e-13));
    }

    @Test
    void zeroBetaLeavesTheLossesAsTheyAre() {
        assertThat(Smoothing.smooth(new double[] {3, 1, 2}, 0)).containsExactly(3, 1, 2);
    }

    @Test
    void runningAverageGivesTheSameValuesAsTheWholeCurve() {
        double[] raw = {2.3, 2.1, 2.2, 1.7, 1.9, 1.2};
        double[] whole = Smoothing.smooth(raw, 0.9);
        Smoothing.Ema ema = new Smoothing.Ema(0.9);
        for (int i = 0; i < raw.length; i++) {
            assertThat(ema.add(raw[i])).isEqualTo(whole[i]);
        }
    }

    @Test
    void aNonFiniteLossMakesTheRestNonFinite() {
        double[] s = Smoothing.smooth(new double[] {1, 2, Double.NaN, 1}, 0.98);
        assertThat(s[1]).isFinite();
        assertThat(s[2]).isNaN();
        assertThat(s[3]).isNaN();
    }

    @Test
    void betaOutsideZeroToOneIsRefused() {
        for (double beta : new double[] {1, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> Smoothing.smooth(new double[] {1}, beta))
                    .isInstanceOf(UserInputException.class)
                    .hasMessageStartingWith("--smoothing must be in [0, 1)");
        }
    }
}
