package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rangefinder.ui.work.PulseMonitor;
import org.testfx.api.FxToolkit;

/**
 * The window's workloads of {@code bench} run to the end in the real window (headless here): the session from range
 * test to export, and the two streaming range tests. Their timings are figures for the README, not asserted.
 */
class WindowBenchmarkTest {

    @BeforeAll
    static void javaFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theSessionAndTheStreamRunThroughTheWindow() throws Exception {
        List<WindowBenchmark.Result> results = WindowBenchmark.run(true, true);
        assertThat(results).extracting(WindowBenchmark.Result::name).containsExactly("fx-session", "fx-stream");

        WindowBenchmark.Result session = results.get(0);
        assertThat(session.openSeconds()).isPositive();
        assertThat(session.phases()).extracting(WindowBenchmark.Phase::name).containsExactly(
                "engine and dataset loading", "range test on digits", "drag max and min onto the valley",
                "1cycle training", "export hyperparameters", "whole session");
        assertThat(session.points()).isBetween(50, 100); // the default 100-step ladder, or fewer if it diverged
        PulseMonitor.Stats whole = session.whole().pulses();
        int phasePulses = session.phases().subList(0, 5).stream().mapToInt(p -> p.pulses().pulses()).sum();
        assertThat(whole.pulses()).isGreaterThanOrEqualTo(phasePulses);
        // each drag moves its marker once per frame, 61 positions each
        assertThat(session.phases().get(2).pulses().pulses()).isGreaterThanOrEqualTo(120);
        for (WindowBenchmark.Phase p : session.phases()) {
            assertThat(p.seconds()).isLessThanOrEqualTo(session.whole().seconds());
            assertThat(p.pulses().longestGapMs()).isLessThanOrEqualTo(whole.longestGapMs());
            assertThat(p.pulses().stutters()).isLessThanOrEqualTo(p.pulses().pulses());
            assertThat(p.pulses().meanFxWorkMs()).isLessThanOrEqualTo(p.pulses().longestFxWorkMs());
            assertThat(p.pulses().stutterGaps()).hasSize(p.pulses().stutters());
            for (PulseMonitor.Stutter st : p.pulses().stutterGaps()) {
                assertThat(st.gapMs()).isGreaterThan(PulseMonitor.STUTTER_MS);
                // the parts are not bounded by the gap: the clocks behind them are read one after another in the
                // monitor's handler, so a collection there counts in this gap's collections but in the next gap's time
                assertThat(st.fxMs()).isNotNegative();
                assertThat(st.gcMs()).isNotNegative();
            }
        }
        assertThat(session.phases().get(1).pulses().meanFxWorkMs()).isPositive(); // curves drawn while it ran
        assertThat(session.phases().get(2).pulses().meanPaintMs()).isPositive(); // the moved markers painted

        WindowBenchmark.Result stream = results.get(1);
        // two 1000-point range tests without the divergence stop: each ends at its last iteration or, on some CPUs,
        // at a loss that is not finite near lr 10 (as in RangeTestWorkflowTest); never before the ladder's middle
        // (lr 1e-3, far below where this model's loss blows up)
        assertThat(stream.points()).isBetween(1000, 2000);
        assertThat(stream.whole().pulses().pulses()).isPositive();
    }
}
