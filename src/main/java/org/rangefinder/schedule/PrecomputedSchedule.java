package org.rangefinder.schedule;

import java.util.Arrays;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A DL4J/ND4J schedule that reads a value per iteration from a table computed beforehand (an LR ladder, a 1cycle).
 * {@code valueAt(i, epoch)} is {@code values[i]}, and the last value for every iteration past the end. The epoch is
 * ignored: our schedules count iterations.
 *
 * <p>DL4J writes schedules into its JSON when it saves a model or clones a configuration, using ND4J's shaded
 * Jackson with the class name as type; the {@code values} property makes this class survive that round trip.
 */
public final class PrecomputedSchedule implements ISchedule {

    private static final long serialVersionUID = 1L;

    @JsonProperty("values")
    private final double[] values;

    /** A schedule over a copy of {@code values}, which must not be empty. */
    @JsonCreator
    public PrecomputedSchedule(@JsonProperty("values") double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a precomputed schedule needs at least one value");
        }
        this.values = values.clone();
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
        }
        return values[Math.min(iteration, values.length - 1)];
    }

    /** The number of iterations with their own value. */
    public int length() {
        return values.length;
    }

    /** The values (a copy). */
    public double[] values() {
        return values.clone();
    }

    @Override
    public PrecomputedSchedule clone() {
        return new PrecomputedSchedule(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrecomputedSchedule other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "PrecomputedSchedule(" + values.length + " values, first " + values[0] + ", last "
                + values[values.length - 1] + ")";
    }
}
