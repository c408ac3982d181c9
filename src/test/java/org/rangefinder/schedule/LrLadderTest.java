package org.rangefinder.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rangefinder.UserInputException;

class LrLadderTest {

    private static void assertRelativelyClose(double[] actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("lr %d", i).isCloseTo(expected[i], within(1e-15 * expected[i]));
        }
    }

    @Test
    void exponentialLadderMultipliesByTheSameFactorAndIncludesBothEnds() {
        // (end/start) = 1/1e-3 = 1000, exponents i/(N-1) = 0, 1/3, 2/3, 1:
        // 1e-3 * 1000^0 = 1e-3, 1e-3 * 10 = 1e-2, 1e-3 * 100 = 1e-1, 1e-3 * 1000 = 1
        assertRelativelyClose(LrLadder.values(1e-3, 1, 4, LadderMode.EXP, 1), 1e-3, 1e-2, 1e-1, 1);
    }

    @Test
    void linearLadderAddsTheSameAmountAndIncludesBothEnds() {
        // pos = i/3; lr = 1 + pos * (4 - 1) = 1, 2, 3, 4
        assertRelativelyClose(LrLadder.values(1, 4, 4, LadderMode.LINEAR, 1), 1, 2, 3, 4);
    }

    @Test
    void exponentialLadderAgreesWithPythonToTheLastDigit() {
        // /usr/bin/python3 -c "print([repr(1e-7*(10/1e-7)**(i/99)) for i in (0,1,50,98,99)])"
        double[] lrs = LrLadder.values(1e-7, 10, 100, LadderMode.EXP, 1);
        assertThat(new double[] {lrs[0], lrs[1], lrs[50], lrs[98], lrs[99]})
                .containsExactly(1e-07, 1.2045035402587822e-07, 0.0010974987654930567, 8.302175681319753, 10.0);
        // /usr/bin/python3 -c "print(repr(1e-7*(10/1e-7)**(83/199)))": Java's Math.pow rounds this one the other way
        // (2.1711179456945033E-4)
        assertThat(LrLadder.values(1e-7, 10, 200, LadderMode.EXP, 1)[83]).isEqualTo(0.00021711179456945028);
    }

    /**
     * pytorch-lr-finder's LinearLR gives step i {@code base_lr + r * (end_lr - base_lr)} with {@code r = i /
     * (num_iter - 1)}, the ratio taken first. Summing {@code i * (end - start) / (n - 1)} instead rounds otherwise at
     * 41 of these 100 rungs (i = 1: 0.10101020000000001, i = 2: 0.2020203, i = 93: 9.393939399999999).
     */
    @Test
    void linearLadderAgreesWithPythonToTheLastDigit() {
        // /usr/bin/python3 -c "print([repr(1e-7+(i/99)*(10-1e-7)) for i in (0,1,2,50,93,98,99)])"
        double[] lrs = LrLadder.values(1e-7, 10, 100, LadderMode.LINEAR, 1);
        assertThat(new double[] {lrs[0], lrs[1], lrs[2], lrs[50], lrs[93], lrs[98], lrs[99]}).containsExactly(
                1e-07, 0.10101020000000002, 0.20202030000000004, 5.0505051000000005, 9.3939394, 9.8989899,
                10.0);
    }

    @Test
    void staircaseHoldsEachRungForStepSizeIterations() {
        // N = 5, K = 2: R = ceil(5/2) = 3 rungs of the exp ladder 1e-3 -> 1 over 3 points:
        // 1e-3, 1e-3 * 1000^(1/2) = 0.0316227766016838, 1. Iterations 0,1 -> rung 0; 2,3 -> rung 1; 4 -> rung 2.
        double mid = 1e-3 * Math.sqrt(1000);
        assertRelativelyClose(LrLadder.values(1e-3, 1, 5, LadderMode.EXP, 2), 1e-3, 1e-3, mid, mid, 1);
        // linear 1 -> 3, N = 6, K = 2: R = 3 rungs 1, 2, 3
        assertRelativelyClose(LrLadder.values(1, 3, 6, LadderMode.LINEAR, 2), 1, 1, 2, 2, 3, 3);
    }

    @Test
    void staircaseRepeatsEachValueOfTheLadderOverItsRungs() {
        // N = 12, K = 3: R = 4 rungs, which are the plain 4-point ladder, each held 3 times
        for (LadderMode mode : LadderMode.values()) {
            double[] rungs = LrLadder.values(1e-4, 1, 4, mode, 1);
            double[] stairs = LrLadder.values(1e-4, 1, 12, mode, 3);
            for (int i = 0; i < 12; i++) {
                assertThat(stairs[i]).as("%s iteration %d", mode, i).isEqualTo(rungs[i / 3]);
            }
        }
    }

    @Test
    void aStaircaseNeedsTwoRungs() {
        // K >= N would give R = 1 rung: every iteration at the start value, the end never reached
        assertThatThrownBy(() -> LrLadder.values(0.01, 1, 5, LadderMode.EXP, 5))
                .isInstanceOf(UserInputException.class)
                .hasMessage("--step-size must be below --iterations (5) to leave two rungs or more, got 5");
        assertThatThrownBy(() -> LrLadder.check(0.01, 1, 3, LadderMode.LINEAR, 1000))
                .isInstanceOf(UserInputException.class).hasMessageContaining("got 1000");
        // K = N - 1: two rungs, the last iteration alone at the end
        assertThat(LrLadder.values(0.01, 1, 3, LadderMode.LINEAR, 2)).containsExactly(0.01, 0.01, 1.0);
    }

    @Test
    void badLadderSettingsAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> LrLadder.values(0, 1, 10, LadderMode.EXP, 1))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--start-lr must be");
        assertThatThrownBy(() -> LrLadder.values(Double.NaN, 1, 10, LadderMode.EXP, 1))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--start-lr");
        assertThatThrownBy(() -> LrLadder.values(1, 1, 10, LadderMode.EXP, 1))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--end-lr must be");
        assertThatThrownBy(() -> LrLadder.values(1e-3, Double.POSITIVE_INFINITY, 10, LadderMode.EXP, 1))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--end-lr");
        assertThat(LrLadder.values(1e-300, 1e10, 2, LadderMode.LINEAR, 1)).as("a linear ladder takes no ratio")
                .containsExactly(1e-300, 1e10);
        assertThatThrownBy(() -> LrLadder.values(1e-300, 1e10, 20, LadderMode.EXP, 1))
                .isInstanceOf(UserInputException.class).hasMessage("--end-lr 1.0E10 / --start-lr 1.0E-300 is beyond "
                        + "the largest number a double holds (1.7976931348623157E308): raise --start-lr or lower "
                        + "--end-lr");
        assertThatThrownBy(() -> LrLadder.values(1e-3, 1, 1, LadderMode.EXP, 1))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("--iterations must be between 2 and 1000000, got 1");
        assertThatThrownBy(() -> LrLadder.values(1e-3, 1, 1_000_001, LadderMode.EXP, 1))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("--iterations must be between 2 and 1000000, got 1000001");
        assertThatThrownBy(() -> LrLadder.values(1e-3, 1, 10, LadderMode.EXP, 0))
                .isInstanceOf(UserInputException.class).hasMessageContaining("--step-size must be >= 1, got 0");
    }

    @Test
    void ladderModeIsParsedFromItsId() {
        assertThat(LadderMode.parse(" EXP ")).isEqualTo(LadderMode.EXP);
        assertThat(LadderMode.parse("linear")).isEqualTo(LadderMode.LINEAR);
        assertThatThrownBy(() -> LadderMode.parse("log"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("--mode must be one of 'exp', 'linear', got 'log'");
    }
}
