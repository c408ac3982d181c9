package org.rangefinder.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic (its timings are not tested: CI times nothing). */
class BenchmarkTest {

    /** Sorted 1.0, 2.0, 5.0: the middle one. */
    @Test
    void theMedianOfAnOddNumberOfRunsIsTheMiddleOne() {
        assertThat(Benchmark.median(new double[] {5.0, 1.0, 2.0})).isEqualTo(2.0);
        assertThat(Benchmark.median(new double[] {0.25})).isEqualTo(0.25);
    }

    /** Sorted 1.0, 2.0, 3.0, 10.0: (2.0 + 3.0) / 2 = 2.5, as Python's statistics.median, not the upper middle 3.0. */
    @Test
    void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
        double[] seconds = {10.0, 3.0, 1.0, 2.0};
        assertThat(Benchmark.median(seconds)).isEqualTo(2.5);
        assertThat(seconds).containsExactly(10.0, 3.0, 1.0, 2.0); // left as it was
        assertThat(Benchmark.median(new double[] {0.5, 0.25})).isEqualTo(0.375);
    }
}
