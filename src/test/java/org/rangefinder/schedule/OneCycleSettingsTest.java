package org.rangefinder.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.rangefinder.UserInputException;

class OneCycleSettingsTest {

    @Test
    void defaultsArePyTorchs() {
        OneCycleSettings s = OneCycleSettings.defaults(100, 0.1);
        assertThat(s).isEqualTo(new OneCycleSettings(100, 0.1, 0.3, Anneal.COS, 25, 1e4, false, true, 0.85, 0.95));
        assertThat(s.initialLr()).isEqualTo(0.1 / 25);
        assertThat(s.minLr()).isEqualTo(0.1 / 25 / 1e4);
    }

    @Test
    void phaseEndStepsAreComputedAsInPyTorch() {
        // 0.3*10 - 1 = 2.0; three-phase 2*0.3*10 - 2 = 4.0; T - 1 = 9
        assertThat(OneCycleSettings.defaults(10, 1).phaseEndSteps()).containsExactly(2.0, 9.0);
        assertThat(OneCycleSettings.defaults(10, 1).withThreePhase(true).phaseEndSteps())
                .containsExactly(2.0, 4.0, 9.0);
        // a step that is no whole number: python3 -c "print(repr(float(0.3 * 17) - 1))" prints 4.1
        assertThat(OneCycleSettings.defaults(17, 1).phaseEndSteps()[0]).isEqualTo(4.1);
    }

    @Test
    void aPhaseWithoutStepsIsRefused() {
        // 0.001*100 - 1 = -0.9: phase 1 would hold no step
        assertThatThrownBy(() -> OneCycleSettings.defaults(100, 0.1).withPctStart(0.001))
                .isInstanceOf(UserInputException.class)
                .hasMessage("--pct-start 0.001 leaves phase 1 of 2 with no steps in a cycle of 100 steps");
        // 0.01*100 - 1 = 0: PyTorch would divide 0 by 0 at step 0
        assertThatThrownBy(() -> OneCycleSettings.defaults(100, 0.1).withPctStart(0.01))
                .isInstanceOf(UserInputException.class).hasMessageContaining("phase 1 of 2");
        // three-phase, pct 0.013, T 100: ends 0.3 and 0.6, so phase 2 (0.3, 0.6] holds no whole step
        assertThatThrownBy(() -> OneCycleSettings.defaults(100, 0.1).withThreePhase(true).withPctStart(0.013))
                .isInstanceOf(UserInputException.class).hasMessageContaining("leaves phase 2 of 3 with no steps");
        // three-phase, pct 0.55, T 10: ends 4.5, 9, 9: the annihilation phase is empty
        assertThatThrownBy(() -> OneCycleSettings.defaults(10, 0.1).withThreePhase(true).withPctStart(0.55))
                .isInstanceOf(UserInputException.class).hasMessageContaining("leaves phase 3 of 3 with no steps");
        // T = 1: phase 1 ends at 0.3 - 1 < 0
        assertThatThrownBy(() -> OneCycleSettings.defaults(1, 0.1))
                .isInstanceOf(UserInputException.class).hasMessageContaining("in a cycle of 1 step");
        // the smallest cycles that work: phase 1 holds step 0 only (T = 4: 0.3*4 - 1 = 0.2; T = 2, pct 0.6: 0.2)
        assertThat(OneCycleSchedule.of(OneCycleSettings.defaults(4, 0.1)).lr(0)).isCloseTo(0.004, within(1e-17));
        OneCycleSettings shortest = new OneCycleSettings(2, 0.1, 0.6, Anneal.COS, 25, 1e4, false, true, 0.85, 0.95);
        double[] two = OneCycleSchedule.of(shortest).lrs();
        assertThat(two[0]).isCloseTo(0.004, within(1e-17));
        assertThat(two[1]).isEqualTo(0.1 / 25 / 1e4);
    }

    @Test
    void badValuesAreRefusedNamingTheOption() {
        assertRefused(() -> OneCycleSettings.defaults(0, 0.1), "--steps must be between 1 and 1000000, got 0");
        assertRefused(() -> OneCycleSettings.defaults(1_000_001, 0.1),
                "--steps must be between 1 and 1000000, got 1000001");
        assertRefused(() -> OneCycleSettings.defaults(100, 0), "--max-lr must be a finite number > 0, got 0.0");
        assertRefused(() -> OneCycleSettings.defaults(100, Double.NaN), "--max-lr must be a finite number > 0");
        assertRefused(() -> OneCycleSettings.defaults(100, 0.1).withPctStart(1.5),
                "--pct-start must be between 0 and 1 (both excluded), got 1.5");
        assertRefused(() -> OneCycleSettings.defaults(100, 0.1).withPctStart(1), "--pct-start");
        assertRefused(() -> OneCycleSettings.defaults(100, 0.1).withPctStart(0), "--pct-start");
        assertRefused(() -> OneCycleSettings.defaults(100, 0.1).withDivFactor(0), "--div-factor must be");
        assertRefused(() -> OneCycleSettings.defaults(100, 0.1).withDivFactor(Double.POSITIVE_INFINITY),
                "--div-factor must be");
        assertRefused(() -> OneCycleSettings.defaults(100, 0.1).withFinalDivFactor(-1), "--final-div-factor must be");
        assertRefused(() -> OneCycleSettings.defaults(100, 0.1).withFinalDivFactor(1e308).withDivFactor(1e20),
                "final LR of 0.0");
        // a subnormal divisor passes '> 0' but divides the final LR to infinity (the schedule was NaN)
        assertRefused(() -> OneCycleSettings.defaults(10, 1).withFinalDivFactor(1e-320), "final LR of Infinity");
        assertRefused(() -> OneCycleSettings.defaults(100, 0.1).withMomenta(0.85, 1.0),
                "--max-momentum must be in [0, 1), got 1.0");
        assertRefused(() -> OneCycleSettings.defaults(100, 0.1).withMomenta(0.96, 0.95),
                "--base-momentum must be in [0, --max-momentum 0.95], got 0.96");
        assertRefused(() -> OneCycleSettings.defaults(100, 0.1).withMomenta(-0.1, 0.95), "--base-momentum");
        // not cycled, they are still a momentum each (a hyperparameter file holds them, and refused 1.2 only there)
        assertRefused(() -> OneCycleSettings.defaults(100, 0.1).withCycleMomentum(false).withMomenta(0.85, 1.2),
                "--max-momentum must be in [0, 1), got 1.2");
        assertThat(OneCycleSettings.defaults(100, 0.1).withCycleMomentum(false).withMomenta(0.96, 0.95)
                .baseMomentum()).as("base above max is fine when neither is cycled").isEqualTo(0.96);
        assertRefused(() -> OneCycleSettings.fromBounds(100, 0.1, 0.1),
                "--min-lr must be below --max-lr, got --min-lr 0.1 and --max-lr 0.1");
        assertRefused(() -> OneCycleSettings.fromBounds(100, 0.2, 0.1), "--min-lr must be below --max-lr");
        // the ratio overflows (a subnormal --min-lr), which named --div-factor, an option not given
        assertRefused(() -> OneCycleSettings.divFactorFor(1e-320, 1), "--max-lr 1.0 / --min-lr 1.0E-320 "
                + "is beyond the largest number a double holds");
        assertRefused(() -> OneCycleSettings.fromBounds(100, 0, 0.1), "--min-lr must be a finite number > 0");
    }

    @Test
    void momentaAreNotCheckedWhenTheyAreNotCycled() {
        OneCycleSettings s = OneCycleSettings.defaults(100, 0.1).withCycleMomentum(false).withMomenta(0.99, 0.5);
        assertThat(s.baseMomentum()).isEqualTo(0.99);
    }

    @Test
    void annealIsParsedFromItsId() {
        assertThat(Anneal.parse("COS")).isEqualTo(Anneal.COS);
        assertThat(Anneal.parse("linear")).isEqualTo(Anneal.LINEAR);
        assertRefused(() -> Anneal.parse("exp"), "--anneal must be one of 'cos', 'linear', got 'exp'");
    }

    private static void assertRefused(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(UserInputException.class).hasMessageContaining(message);
    }
}
