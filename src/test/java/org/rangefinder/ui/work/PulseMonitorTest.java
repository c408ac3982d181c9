package org.rangefinder.ui.work;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The summary of recorded pulse gaps, against hand-counted values. */
class PulseMonitorTest {
    private static final long MS = 1_000_000;

    /** Gaps of {gap, FX CPU, renderer CPU} in ms, the FX thread never waiting for a core, no collection. */
    private static PulseMonitor recorded(long[][] gapsFxAndPaintMs) {
        PulseMonitor monitor = new PulseMonitor();
        for (long[] g : gapsFxAndPaintMs) {
            monitor.record(g[0] * MS, g[1] * MS, g[2] * MS, 0, 0);
        }
        return monitor;
    }

    @Test
    void summarisesTheLongestGapTheLongestWorkAndTheStutters() {
        PulseMonitor monitor = recorded(new long[][] {{16, 4, 10}, {17, 12, 3}, {120, 9, 40}, {50, 30, 0}, {51, 2, 20},
                {16, 5, 8}});
        PulseMonitor.Stats all = monitor.stats();
        assertThat(all.pulses()).isEqualTo(6);
        assertThat(all.longestGapMs()).isEqualTo(120.0);
        assertThat(all.fxCpuInLongestGapMs()).isEqualTo(9.0); // the thread waited 111 of the 120 ms
        assertThat(all.longestFxWorkMs()).isEqualTo(30.0);
        assertThat(all.meanFxWorkMs()).isEqualTo(62.0 / 6); // 4 + 12 + 9 + 30 + 2 + 5
        assertThat(all.meanPaintMs()).isEqualTo(81.0 / 6); // 10 + 3 + 40 + 0 + 20 + 8
        assertThat(all.stutters()).isEqualTo(2); // 120 and 51; a gap of exactly 50 ms is not one
        assertThat(all.stutterGaps()).extracting(PulseMonitor.Stutter::gapMs).containsExactly(120.0, 51.0);
    }

    @Test
    void tellsWhatAStutterWasMadeOf() {
        PulseMonitor monitor = new PulseMonitor();
        monitor.record(16 * MS, 5 * MS, 8 * MS, 2 * MS, 0);
        monitor.record(90 * MS, 20 * MS, 30 * MS, 25 * MS, 38 * MS); // 20 + 25 + 38 = 83 of 90 ms
        monitor.record(64 * MS, 10 * MS, 40 * MS, -1, 0); // the system did not say how long it waited
        monitor.record(17 * MS, 3 * MS, 4 * MS, 1 * MS, 12 * MS);
        PulseMonitor.Stats all = monitor.stats();
        assertThat(all.stutterGaps()).containsExactly(new PulseMonitor.Stutter(90, 20, 25, 38, 30),
                new PulseMonitor.Stutter(64, 10, Double.NaN, 0, 40));
        assertThat(all.stutterGaps().get(0).restMs()).isEqualTo(7.0);
        assertThat(all.stutterGaps().get(1).restMs()).isEqualTo(54.0); // 64 - 10, the unknown wait left in
        // parts read a little apart that add up to more than the gap leave no negative rest
        assertThat(new PulseMonitor.Stutter(58, 26, 26, 0, 9).restMs()).isEqualTo(6.0);
        assertThat(new PulseMonitor.Stutter(51, 26, 26, 0, 9).restMs()).isEqualTo(0.0);
        assertThat(monitor.stats(2, 4).stutterGaps()).hasSize(1);
    }

    @Test
    void summarisesAStretchBetweenTwoMarks() {
        PulseMonitor monitor = recorded(new long[][] {{200, 150, 90}, {16, 1, 5}, {60, 3, 30}, {17, 2, 4},
                {90, 80, 70}});
        PulseMonitor.Stats middle = monitor.stats(1, 4);
        assertThat(middle.pulses()).isEqualTo(3);
        assertThat(middle.longestGapMs()).isEqualTo(60.0);
        assertThat(middle.fxCpuInLongestGapMs()).isEqualTo(3.0);
        assertThat(middle.longestFxWorkMs()).isEqualTo(3.0);
        assertThat(middle.meanFxWorkMs()).isEqualTo(2.0); // (1 + 3 + 2) / 3
        assertThat(middle.meanPaintMs()).isEqualTo(13.0); // (5 + 30 + 4) / 3
        assertThat(middle.stutters()).isEqualTo(1);
        assertThat(monitor.pulses()).isEqualTo(5);
    }

    @Test
    void keepsEveryGapOfALongRecording() {
        PulseMonitor monitor = new PulseMonitor();
        for (int i = 0; i < 5000; i++) {
            monitor.record((i == 4321 ? 75 : 16) * MS, MS, 2 * MS, 0, 0);
        }
        assertThat(monitor.stats().pulses()).isEqualTo(5000);
        assertThat(monitor.stats().longestGapMs()).isEqualTo(75.0);
        assertThat(monitor.stats(4322, 5000).stutters()).isZero();
    }
}
