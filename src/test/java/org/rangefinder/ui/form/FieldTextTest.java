package org.rangefinder.ui.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;
import org.rangefinder.UserInputException;
import org.rangefinder.schedule.OneCycleSettings;
import org.rangefinder.ui.onecycle.OneCycleField;
import org.rangefinder.ui.rangetest.ExperimentField;

class FieldTextTest {

    @Test
    void numbersAreFirstShownShort() {
        assertThat(FieldText.of(1e-7)).isEqualTo("1e-7");
        assertThat(FieldText.of(10)).isEqualTo("10");
        assertThat(FieldText.of(0.98)).isEqualTo("0.98");
        assertThat(FieldText.of(1e4)).isEqualTo("10000");
        assertThat(FieldText.of(2.5e-12)).isEqualTo("2.5e-12");
    }

    @Test
    void textThatIsNoNumberNamesTheField() {
        assertThatThrownBy(() -> FieldText.decimal(ExperimentField.START_LR, " x1 "))
                .isInstanceOf(FieldProblem.class).hasMessage("Start LR: 'x1' is not a number");
        assertThat(FieldText.wholes(ExperimentField.HIDDEN_SIZES, "64, 32")).containsExactly(64, 32);
        assertThatThrownBy(() -> FieldText.wholes(ExperimentField.HIDDEN_SIZES, "64,,32"))
                .hasMessage("Hidden layers: '' is not a whole number");
    }

    /** An empty item is refused wherever it stands: "128," was read as one layer of 128, "128, " and ",128" refused. */
    @Test
    void anEmptyItemOfAListIsRefusedAtTheEndToo() {
        for (String text : new String[] {"128,", "128, ", ",128", " , 128"}) {
            assertThatThrownBy(() -> FieldText.wholes(ExperimentField.HIDDEN_SIZES, text)).as("'%s'", text)
                    .isInstanceOf(FieldProblem.class).hasMessage("Hidden layers: '' is not a whole number");
        }
    }

    @Test
    void aSettingProblemIsShownAtItsFieldWithEverySettingNamedByTheForm() {
        FieldProblem p = assertThrows(FieldProblem.class, () -> FieldText.check(ExperimentField.values(), () -> {
            throw new SettingProblem(Setting.END_LR, "must be a finite number > %s (%s), got %s", Setting.START_LR,
                    1.0, 0.5);
        }));
        assertThat(p.field()).isEqualTo(ExperimentField.END_LR);
        assertThat(p.getMessage()).isEqualTo("End LR must be a finite number > Start LR (1.0), got 0.5");
    }

    @Test
    void aFieldThatEditsSeveralSettingsNamesEachItsOwnWay() {
        FieldProblem p = assertThrows(FieldProblem.class, () -> FieldText.check(OneCycleField.values(),
                () -> OneCycleSettings.divFactorFor(0.1, 0.01)));
        assertThat(p.field()).isEqualTo(OneCycleField.BOUNDS);
        assertThat(p.getMessage()).isEqualTo("Min LR must be below Max LR, got Min LR 0.1 and Max LR 0.01");
    }

    /** The 1cycle form has no field for the cycle's steps (the epochs and the batch size make them). */
    @Test
    void aSettingNoFieldOfTheFormEditsIsAProblemAtNoFieldInPlainWords() {
        FieldProblem p = assertThrows(FieldProblem.class, () -> FieldText.check(OneCycleField.values(),
                () -> OneCycleSettings.defaults(0, 0.1)));
        assertThat(p.field()).isNull();
        assertThat(p.getMessage()).isEqualTo("Total steps must be between 1 and 1000000, got 0");
        assertThat(FormField.name(OneCycleField.values(), Setting.SMOOTHING)).isEqualTo("Smoothing");
        assertThat(FormField.name(ExperimentField.values(), Setting.SMOOTHING)).isEqualTo("Smoothing (beta)");
    }

    /** Only a SettingProblem's setting decides the field: an option in a message's text no longer does. */
    @Test
    void anyOtherRefusalIsShownAsItIsAtTheFieldGivenForIt() {
        UserInputException plain = new UserInputException("--diverge must be 0 (off) or a factor above 1, got 1");
        FieldProblem p = assertThrows(FieldProblem.class, () -> FieldText.check(ExperimentField.values(), () -> {
            throw plain;
        }));
        assertThat(p.field()).isNull();
        assertThat(p.getMessage()).isEqualTo(plain.getMessage());
        assertThat(FieldText.problem(ExperimentField.values(), plain, ExperimentField.DATASET).field())
                .isEqualTo(ExperimentField.DATASET);
    }
}
