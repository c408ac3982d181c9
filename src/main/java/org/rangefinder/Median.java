package org.rangefinder;

import java.util.Arrays;

/**
 * The median of some numbers, as Python's {@code statistics.median} takes it: of {@code v[0] <= ... <= v[n-1]},
 * {@code v[n/2]} for an odd n and {@code (v[n/2-1] + v[n/2]) / 2} for an even n. A seed sweep's median suggestions and
 * the benchmark's seconds (whose PyTorch side, src/bench/compare.py, takes Python's) are both this.
 */
public final class Median {

    private Median() {
    }

    /** The median of {@code values}, at least one of them, which are left as they are. */
    public static double of(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
