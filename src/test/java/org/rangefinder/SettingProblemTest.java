package org.rangefinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.Sweep;
import org.rangefinder.rangetest.SweepFactor;
import org.rangefinder.schedule.Anneal;
import org.rangefinder.schedule.OneCycleSettings;

class SettingProblemTest {
    /** How a window might label the settings these tests name. */
    private static final Function<Setting, String> LABELS = Map.of(Setting.MIN_LR, "Min LR", Setting.MAX_LR, "Max LR",
            Setting.DIV_FACTOR, "Div factor", Setting.FINAL_DIV_FACTOR, "Final div factor", Setting.SWEEP, "Sweep",
            Setting.WEIGHT_DECAY, "Weight decay", Setting.MODEL, "Model", Setting.DROPOUT, "Dropout")::get;

    @Test
    void theMessageNamesTheSettingAndThoseItMentionsByTheirCommandLineNames() {
        SettingProblem p = new SettingProblem(Setting.MIN_LR, "must be below %s (%s), got %s", Setting.MAX_LR, 0.01,
                0.1);
        assertThat(p).isInstanceOf(UserInputException.class);
        assertThat(p.setting()).isEqualTo(Setting.MIN_LR);
        assertThat(p.getMessage()).isEqualTo("--min-lr must be below --max-lr (0.01), got 0.1");
        assertThat(p.message(Setting::cliName)).isEqualTo(p.getMessage());
    }

    @Test
    void anotherFaceNamesThemItsOwnWay() {
        SettingProblem p = new SettingProblem(Setting.MIN_LR, "must be below %s (%s), got %s", Setting.MAX_LR, 0.01,
                0.1);
        assertThat(p.message(LABELS)).isEqualTo("Min LR must be below Max LR (0.01), got 0.1");
        assertThat(p.message(Setting::plainName)).isEqualTo("min LR must be below max LR (0.01), got 0.1");
    }

    @Test
    void aRefusalInsideAnotherIsNamedTheSameWay() {
        SettingProblem member = new SettingProblem(Setting.WEIGHT_DECAY, "must be a number >= 0, got %s", -1.0);
        SettingProblem p = new SettingProblem(Setting.SWEEP, "%s=%s: %s", "weight-decay", "-1", member);
        assertThat(p.setting()).isEqualTo(Setting.SWEEP);
        assertThat(p.getMessage()).isEqualTo("--sweep weight-decay=-1: --weight-decay must be a number >= 0, got -1.0");
        assertThat(p.message(LABELS)).isEqualTo("Sweep weight-decay=-1: Weight decay must be a number >= 0, got -1.0");
        SettingProblem plain = new SettingProblem(Setting.SWEEP, "%s", new UserInputException("no such file"));
        assertThat(plain.message(LABELS)).as("another refusal by its message").isEqualTo("Sweep no such file");
    }

    /** A rule between settings names the others it weighs the value against; a value out of its own range none. */
    @Test
    void aRuleBetweenSettingsNamesTheOthers() {
        SettingProblem between = catchThrowableOfType(() -> RangeTestConfig.defaults("iris", ModelSpec.preset("mlp"))
                .withLrs(1e-7, 1e-8), SettingProblem.class);
        assertThat(between.setting()).isEqualTo(Setting.END_LR);
        assertThat(between.others()).containsExactly(Setting.START_LR);
        SettingProblem own = catchThrowableOfType(() -> RangeTestConfig.defaults("iris", ModelSpec.preset("mlp"))
                .withMomentum(1.5), SettingProblem.class);
        assertThat(own.others()).isEmpty();
        SettingProblem minAboveMax = new SettingProblem(Setting.MIN_LR, "must be below %s, got %s %s and %s %s",
                Setting.MAX_LR, Setting.MIN_LR, 0.1, Setting.MAX_LR, 0.01);
        assertThat(minAboveMax.others()).as("not itself").containsExactly(Setting.MAX_LR);
        SettingProblem member = new SettingProblem(Setting.WEIGHT_DECAY, "must be a number >= 0, got %s", -1.0);
        assertThat(new SettingProblem(Setting.SWEEP, "%s=%s: %s", "weight-decay", "-1", member).others()).isEmpty();
    }

    /** The problem alone, for a face that puts its own name of the setting in front (a file's field path). */
    @Test
    void theProblemAloneLeavesTheRefusedSettingsNameOut() {
        SettingProblem p = new SettingProblem(Setting.END_LR, "must be a finite number > %s (%s), got %s",
                Setting.START_LR, 1e-7, 1e-9);
        assertThat(p.problem(s -> s == Setting.START_LR ? "rangeTest.startLr" : "?"))
                .isEqualTo("must be a finite number > rangeTest.startLr (1.0E-7), got 1.0E-9");
        assertThat(SettingProblem.worded(Setting.MODEL, "model '%s' is a CNN", "lenet").problem(LABELS))
                .as("a worded refusal has no problem apart from its message").isNull();
    }

    /** A message worded in a file's terms need not begin with the setting; only settings among its arguments change. */
    @Test
    void aWordedProblemNeedNotBeginWithItsSetting() {
        SettingProblem p = SettingProblem.worded(Setting.MODEL, "model '%s' is a CNN: use %s mlp", "lenet",
                Setting.MODEL);
        assertThat(p.setting()).isEqualTo(Setting.MODEL);
        assertThat(p.getMessage()).isEqualTo("model 'lenet' is a CNN: use --model mlp");
        assertThat(p.message(LABELS)).isEqualTo("model 'lenet' is a CNN: use Model mlp");
    }

    /** What the user typed goes in as an argument, so a '%' in it is text, not a format. */
    @Test
    void typedTextIsShownAsTyped() {
        SettingProblem p = new SettingProblem(Setting.SWEEP, "%s: value %s of %s is empty", "weight-decay=1,,%d", 2, 3);
        assertThat(p.getMessage()).isEqualTo("--sweep weight-decay=1,,%d: value 2 of 3 is empty");
        assertThat(p.message(LABELS)).isEqualTo("Sweep weight-decay=1,,%d: value 2 of 3 is empty");
    }

    @Test
    void eachSettingHasACommandLineNameAndPlainWords() {
        for (Setting s : Setting.values()) {
            assertThat(s.cliName()).as(s.name()).isNotBlank().doesNotContain(" ");
            assertThat(s.plainName()).as(s.name()).isNotBlank();
        }
        assertThat(Setting.BATCH_SIZE.cliName()).isEqualTo("--batch-size");
        assertThat(Setting.CONSTANT_LR.cliName()).isEqualTo("--lr");
    }

    /** The engine's own refusals: the command line's words are those it always printed. */
    @Test
    void anEngineRefusalReadsAsBeforeOnTheCommandLineAndInEachFacesNames() {
        SettingProblem p = catchThrowableOfType(() -> new OneCycleSettings(100, 1e300, 0.3, Anneal.COS, 1e-300, 1e4,
                false, true, 0.85, 0.95), SettingProblem.class);
        assertThat(p.setting()).isEqualTo(Setting.MAX_LR);
        assertThat(p.getMessage()).isEqualTo("--max-lr 1.0E300, --div-factor 1.0E-300 and --final-div-factor 10000.0 "
                + "give an initial LR of Infinity and a final LR of Infinity; both must be finite and > 0");
        assertThat(p.message(LABELS)).isEqualTo("Max LR 1.0E300, Div factor 1.0E-300 and Final div factor 10000.0 "
                + "give an initial LR of Infinity and a final LR of Infinity; both must be finite and > 0");
    }

    /** A sweep member's refusal is the sweep's problem, the member's own words inside it named the same way. */
    @Test
    void aSweepMembersRefusalIsTheSweepsProblem() {
        RangeTestConfig base = RangeTestConfig.defaults("iris", ModelSpec.preset("mlp"));
        SettingProblem p = catchThrowableOfType(() -> SweepFactor.WEIGHT_DECAY.apply(base, "-1"),
                SettingProblem.class);
        assertThat(p.setting()).isEqualTo(Setting.SWEEP);
        assertThat(p.getMessage()).isEqualTo("--sweep weight-decay=-1: --weight-decay must be a number >= 0, got -1.0");
        assertThat(p.message(LABELS)).isEqualTo("Sweep weight-decay=-1: Weight decay must be a number >= 0, got -1.0");
        SettingProblem typed = catchThrowableOfType(() -> Sweep.parse("weight-decay=1,,%d"), SettingProblem.class);
        assertThat(typed.getMessage()).isEqualTo("--sweep weight-decay=1,,%d: value 2 of 3 is empty");
        SettingProblem optimizer = catchThrowableOfType(() -> SweepFactor.OPTIMIZER.apply(base, "foo"),
                SettingProblem.class);
        assertThat(optimizer.message(Map.of(Setting.SWEEP, "Sweep", Setting.OPTIMIZER, "Optimizer")::get))
                .isEqualTo("Sweep optimizer=foo: Optimizer must be one of 'sgd', 'nesterov', 'adam', got 'foo'");
    }

    /** A model spec's refusal is worded in the spec file's terms, the same to every face, and names its field. */
    @Test
    void aModelSpecRefusalNamesItsField() {
        SettingProblem p = catchThrowableOfType(() -> new ModelSpec("mlp", null, 1.5, null, null, null),
                SettingProblem.class);
        assertThat(p.setting()).isEqualTo(Setting.DROPOUT);
        assertThat(p.getMessage()).isEqualTo("model spec: 'dropout' must be in [0, 1), got 1.5");
        assertThat(p.message(LABELS)).isEqualTo(p.getMessage());
        assertThat(catchThrowableOfType(() -> new ModelSpec("mlp", List.of(64, 0), null, null, null, null),
                SettingProblem.class).setting()).isEqualTo(Setting.HIDDEN_SIZES);
        assertThat(catchThrowableOfType(() -> new ModelSpec("resnet", null, null, null, 9, 64),
                SettingProblem.class).setting()).isEqualTo(Setting.CHANNELS);
    }
}
