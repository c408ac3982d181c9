package org.rangefinder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The median, as Python's statistics.median takes it: the benchmark's seconds, a seed sweep's suggestions. */
class MedianTest {

    /** Sorted 1.0, 2.0, 5.0: the middle one. */
    @Test
    void ofAnOddNumberIsTheMiddleOne() {
        assertThat(Median.of(new double[] {5.0, 1.0, 2.0})).isEqualTo(2.0);
        assertThat(Median.of(new double[] {0.25})).isEqualTo(0.25);
    }

    /** Sorted 1.0, 2.0, 3.0, 10.0: (2.0 + 3.0) / 2 = 2.5, as Python's statistics.median, not the upper middle 3.0. */
    @Test
    void ofAnEvenNumberIsTheMeanOfTheMiddleTwo() {
        double[] seconds = {10.0, 3.0, 1.0, 2.0};
        assertThat(Median.of(seconds)).isEqualTo(2.5);
        assertThat(seconds).containsExactly(10.0, 3.0, 1.0, 2.0); // left as it was
        assertThat(Median.of(new double[] {0.5, 0.25})).isEqualTo(0.375);
    }
}
