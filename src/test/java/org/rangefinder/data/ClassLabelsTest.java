package org.rangefinder.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassLabelsTest {

    @Test
    void integerLabelsSortNumericallyAndAreNamedCanonically() {
        ClassLabels labels = ClassLabels.of(List.of("10", "2", "07", "2", "-1"));

        assertThat(labels.names()).containsExactly("-1", "2", "7", "10");
        assertThat(labels.indices()).containsExactly(3, 1, 2, 1, 0);
    }

    @Test
    void anyTextLabelMakesAllLabelsSortAsText() {
        ClassLabels labels = ClassLabels.of(List.of("10", "2", "b", "a"));

        assertThat(labels.names()).containsExactly("10", "2", "a", "b");
        assertThat(labels.indices()).containsExactly(0, 1, 3, 2);
    }
}
