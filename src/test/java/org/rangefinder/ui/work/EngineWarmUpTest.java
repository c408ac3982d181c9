package org.rangefinder.ui.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.SystemProperty;
import org.rangefinder.data.Datasets;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.RangeTestConfig;

/** The window's engine start: ND4J, then a short range test and 1cycle training on iris. */
class EngineWarmUpTest {

    /** A range test of 10 iterations (it may diverge before the last) and 2 epochs of 1cycle: 120 / 30 = 4 steps each. */
    @Test
    void warmsUpOnTheBundledIrisData() throws IOException {
        List<Path> before = throwawayHistories();
        EngineWarmUp.Warmed warmed = EngineWarmUp.run();
        assertThat(warmed.rangeTestPoints()).isBetween(2, EngineWarmUp.RANGE_TEST_ITERATIONS);
        assertThat(warmed.trainingIterations()).isEqualTo(8);
        assertThat(warmed.runsRecorded()).as("the range test and the training, listed back").isEqualTo(2);
        assertThat(throwawayHistories()).as("the throwaway history removed").isEqualTo(before);
    }

    /** A run that cannot be recorded (here a range test without a result) leaves nothing behind and fails nothing. */
    @Test
    void aThrowawayHistoryThatFailsHalfWrittenIsRemovedWithAllItHolds() throws IOException {
        List<Path> before = throwawayHistories();
        RangeTestConfig config = RangeTestConfig.defaults(EngineWarmUp.DATASET, ModelSpec.preset("mlp"));
        assertThat(EngineWarmUp.recordInThrowawayHistory(config, null, null, null)).isZero();
        assertThat(throwawayHistories()).isEqualTo(before);
    }

    /** The warm-up's run histories left in the system's temporary folder. */
    private static List<Path> throwawayHistories() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("rangefinder-warm-up")).sorted().toList();
        }
    }

    @Test
    void withoutTheIrisDataItOnlyInitialisesTheEngine(@TempDir Path emptyDatasets) {
        try (SystemProperty p = SystemProperty.set(Datasets.ROOT_PROPERTY, emptyDatasets.toString())) {
            assertThat(EngineWarmUp.run()).isEqualTo(new EngineWarmUp.Warmed(0, 0, 0));
        }
    }
}
