package org.rangefinder.ui.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rangefinder.UserInputException;
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

    @Test
    void anEngineMessageGoesToTheFieldItNamesFirst() {
        assertThat(FormField.named(ExperimentField.values(), "--end-lr must be a finite number > --start-lr (1.0), got 0.5"))
                .isEqualTo(ExperimentField.END_LR);
        assertThat(FormField.named(ExperimentField.values(), "model 'lenet' is a CNN and needs image data; dataset 'iris'"))
                .isEqualTo(ExperimentField.MODEL);
        assertThat(FormField.named(ExperimentField.values(), "something else")).isNull();
        FieldProblem p = org.junit.jupiter.api.Assertions.assertThrows(FieldProblem.class,
                () -> FieldText.check(ExperimentField.values(), () -> {
                    throw new UserInputException("--diverge must be 0 (off) or a factor above 1, got 1");
                }));
        assertThat(p.field()).isEqualTo(ExperimentField.DIVERGE);
        assertThat(p.getMessage()).isEqualTo("Divergence factor: --diverge must be 0 (off) or a factor above 1, got 1");
    }
}
