package org.rangefinder.ui.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.SystemProperty;
import org.rangefinder.data.Datasets;

/** The window's engine start: ND4J, then a short range test and 1cycle training on iris. */
class EngineWarmUpTest {

    /** A range test of 10 iterations (it may diverge before the last) and 2 epochs of 1cycle: 120 / 30 = 4 steps each. */
    @Test
    void warmsUpOnTheBundledIrisData() {
        EngineWarmUp.Warmed warmed = EngineWarmUp.run();
        assertThat(warmed.rangeTestPoints()).isBetween(2, EngineWarmUp.RANGE_TEST_ITERATIONS);
        assertThat(warmed.trainingIterations()).isEqualTo(8);
    }

    @Test
    void withoutTheIrisDataItOnlyInitialisesTheEngine(@TempDir Path emptyDatasets) {
        try (SystemProperty p = SystemProperty.set(Datasets.ROOT_PROPERTY, emptyDatasets.toString())) {
            assertThat(EngineWarmUp.run()).isEqualTo(new EngineWarmUp.Warmed(0, 0));
        }
    }
}
