package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rangefinder.Setting.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rangefinder.Setting;
import org.rangefinder.ui.form.FormField;
import org.rangefinder.ui.onecycle.OneCycleField;
import org.rangefinder.ui.rangetest.ExperimentField;

/**
 * Each form shows an engine refusal at the field of the setting it refuses: every setting is either edited by a
 * field of the form, or said here never to be refused there, with the reason. A new setting fails these tests until
 * it is one or the other for every form.
 */
class FormFieldsTest {

    /** Settings the experiment panel never has refused. */
    private static final Set<Setting> NOT_IN_EXPERIMENT = EnumSet.of(
            // the 1cycle run's, which the experiment panel builds nothing of
            STEPS, MIN_LR, MAX_LR, DIV_FACTOR, FINAL_DIV_FACTOR, PCT_START, BASE_MOMENTUM, MAX_MOMENTUM, EPOCHS,
            EVAL_EVERY, CONSTANT_LR,
            // a check box, given to the model spec for an mlp only, to which it applies
            BATCH_NORM,
            // set on the command line only
            RANGE_FACTOR);

    /** Settings the 1cycle panel never has refused. */
    private static final Set<Setting> NOT_IN_ONE_CYCLE = EnumSet.of(
            // the range test's, which the 1cycle panel builds nothing of
            LABEL_COLUMN, IMAGE_SIZE, VAL_FRACTION, HIDDEN_SIZES, DROPOUT, BATCH_NORM, BLOCKS, CHANNELS, START_LR, END_LR,
            ITERATIONS, MODE, STEP_SIZE, SMOOTHING, DIVERGE, VAL_BATCHES, SWEEP,
            // taken from the experiment panel's settings once it has checked them
            DATASET, MODEL, OPTIMIZER, MOMENTUM,
            // counted from the epochs and the batch size, which are checked first, at least 1 step and at most the
            // most a cycle takes
            STEPS,
            // set on the command line only
            RANGE_FACTOR);

    @Test
    void everySettingTheExperimentPanelCanHaveRefusedHasAField() {
        assertEachSettingIsAtAFieldOrNeverRefused(ExperimentField.values(), NOT_IN_EXPERIMENT);
    }

    @Test
    void everySettingTheOneCyclePanelCanHaveRefusedHasAField() {
        assertEachSettingIsAtAFieldOrNeverRefused(OneCycleField.values(), NOT_IN_ONE_CYCLE);
    }

    private static void assertEachSettingIsAtAFieldOrNeverRefused(FormField[] fields, Set<Setting> neverRefused) {
        for (Setting s : Setting.values()) {
            FormField field = FormField.editing(fields, s);
            if (neverRefused.contains(s)) {
                assertThat(field).as("%s is said never to be refused in this form, but %s edits it", s, field).isNull();
            } else {
                assertThat(field).as("the field that edits %s", s).isNotNull();
            }
        }
        assertThat(Arrays.stream(fields).flatMap(f -> f.words().names().keySet().stream()).toList())
                .as("a setting edited by one field alone").doesNotHaveDuplicates();
    }
}
