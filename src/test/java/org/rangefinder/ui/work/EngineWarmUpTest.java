package org.rangefinder.ui.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.SystemProperty;
import org.rangefinder.data.Datasets;

/** The window's engine start: ND4J, then a short range test and 1cycle training on iris. */
class EngineWarmUpTest {

    @Test
    void warmsUpOnTheBundledIrisData() {
        assertThat(EngineWarmUp.run()).isTrue();
    }

    @Test
    void withoutTheIrisDataItOnlyInitialisesTheEngine(@TempDir Path emptyDatasets) {
        try (SystemProperty p = SystemProperty.set(Datasets.ROOT_PROPERTY, emptyDatasets.toString())) {
            assertThat(EngineWarmUp.run()).isFalse();
        }
    }
}
