package org.rangefinder;

/**
 * A number with the noun it counts, as the messages say it: the noun in the singular for one, else in the plural
 * ({@code 1 epoch}, {@code 0 epochs}, {@code 8 iterations}).
 */
public final class Counts {

    private Counts() {
    }

    /**
     * {@code n} and {@code noun}, which takes an s unless {@code n} is 1: {@code of(1, "epoch")} is {@code 1 epoch},
     * {@code of(8, "iteration")} is {@code 8 iterations}. A noun of several words takes it on the last
     * ({@code 1 validation sample}); one with another plural has no place here.
     */
    public static String of(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
