package org.rangefinder.rangetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.optim.OptimizerKind;

/** Reading a condition sweep's values: each member must differ from the others in the value it runs. */
class SweepTest {

    /**
     * Duplicates were found by their spelling: {@code seed=1,01} ran seed 1 twice and counted it twice in the seeds'
     * medians, and {@code 0,-0}, {@code 1e-4,0.0001}, {@code sgd,SGD} ran one setting twice too. Values are compared
     * as the members read them, and the message names both spellings.
     */
    @Test
    void aValueListedTwiceInAnySpellingIsRefusedNamingBoth() {
        List<List<String>> twice = List.of(
                List.of("seed=1,01", "seed: 1 and 01"),
                List.of("seed=1,2,1", "seed: 1 and 1"),
                List.of("momentum=0.9,0.90", "momentum: 0.9 and 0.90"),
                List.of("optimizer=adam,sgd,SGD", "optimizer: sgd and SGD"),
                List.of("weight-decay=0,-0", "weight-decay: 0 and -0"),
                List.of("weight-decay=1e-3,1e-4,0.0001", "weight-decay: 1e-4 and 0.0001"),
                List.of("batch-size=32,+32", "batch-size: 32 and +32"));
        for (List<String> sweep : twice) {
            SettingProblem p = catchThrowableOfType(() -> Sweep.parse(sweep.get(0)), SettingProblem.class);
            assertThat(p).as(sweep.get(0)).isNotNull();
            assertThat(p.setting()).isEqualTo(Setting.SWEEP);
            assertThat(p.getMessage()).isEqualTo("--sweep " + sweep.get(1) + " are the same value; list each value "
                    + "once");
        }
    }

    /** Values that differ in the run are kept, in their order and spelling; -0 runs as 0. */
    @Test
    void distinctValuesMakeOneMemberEach() {
        RangeTestConfig base = RangeTestConfig.defaults("iris", ModelSpec.preset("mlp"));
        Sweep decays = Sweep.parse("weight-decay=-0,1e-4,0.001");
        assertThat(decays.values()).containsExactly("-0", "1e-4", "0.001");
        assertThat(decays.members(base).stream().map(RangeTestConfig::weightDecay).toList())
                .containsExactly(0.0, 1e-4, 1e-3);
        assertThat(Double.doubleToRawLongBits(decays.members(base).get(0).weightDecay())).isZero();
        assertThat(Sweep.parse("seed=1,2,10").members(base).stream().map(RangeTestConfig::seed).toList())
                .containsExactly(1L, 2L, 10L);
    }

    /** A recorded sweep is read as it ran, a value in two spellings included; running it again is refused. */
    @Test
    void aRecordedSweepReadsAsItRanWhatParsingRefuses() {
        assertThat(Sweep.recorded("seed=1,01").values()).containsExactly("1", "01");
        assertThat(catchThrowableOfType(() -> Sweep.parse("seed=1,01"), SettingProblem.class)).isNotNull();
    }

    /**
     * Plain SGD has no momentum: a momentum sweep of it would run the same test once per value. Its members are
     * refused, the optimizer named by each face its own way; an optimizer sweep from SGD takes the momentum.
     */
    @Test
    void aMomentumSweepOfPlainSgdIsRefused() {
        RangeTestConfig sgd = RangeTestConfig.defaults("iris", ModelSpec.preset("mlp"))
                .withOptimizer(OptimizerKind.SGD);
        SettingProblem p = catchThrowableOfType(() -> Sweep.parse("momentum=0.5,0.9").members(sgd),
                SettingProblem.class);
        assertThat(p.setting()).isEqualTo(Setting.SWEEP);
        assertThat(p.getMessage()).isEqualTo("--sweep momentum=0.5,0.9 is not used: plain SGD (--optimizer sgd) has no "
                + "momentum; use --optimizer nesterov or adam for one");
        assertThat(p.message(s -> s.plainName())).isEqualTo("sweep momentum=0.5,0.9 is not used: plain SGD (optimizer "
                + "sgd) has no momentum; use optimizer nesterov or adam for one");
        assertThat(Sweep.parse("momentum=0.5,0.9").members(sgd.withOptimizer(OptimizerKind.ADAM))).hasSize(2);
        assertThat(Sweep.parse("optimizer=sgd,nesterov").members(sgd)).hasSize(2);
    }
}
