package org.rangefinder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountsTest {

    @Test
    void theNounIsSingularForOneAndPluralOtherwise() {
        assertThat(Counts.of(0, "epoch")).isEqualTo("0 epochs");
        assertThat(Counts.of(1, "epoch")).isEqualTo("1 epoch");
        assertThat(Counts.of(2, "epoch")).isEqualTo("2 epochs");
        assertThat(Counts.of(1, "validation sample")).isEqualTo("1 validation sample");
        assertThat(Counts.of(3_000_000_000L, "value")).isEqualTo("3000000000 values");
    }
}
