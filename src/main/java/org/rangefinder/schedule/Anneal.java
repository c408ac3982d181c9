package org.rangefinder.schedule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.rangefinder.EnumIds;

/**
 * How a 1cycle phase moves from its start value to its end value as {@code pct} goes from 0 to 1 (PyTorch's
 * {@code anneal_strategy}).
 */
public enum Anneal {
    /**
     * {@code end + (start - end)/2 * (cos(pi*pct) + 1)}: slow at both ends, fast in the middle. The cosine is the C
     * library's, as in PyTorch (see {@link Libm}).
     */
    COS {
        @Override
        public double apply(double start, double end, double pct) {
            double cosOut = Libm.cos(Math.PI * pct) + 1;
            return end + (start - end) / 2.0 * cosOut;
        }
    },
    /** {@code (end - start)*pct + start}. */
    LINEAR {
        @Override
        public double apply(double start, double end, double pct) {
            return (end - start) * pct + start;
        }
    };

    /**
     * The value at {@code pct} (0 gives {@code start}, 1 gives {@code end}), with PyTorch's order of operations so
     * that the doubles agree with {@code OneCycleLR._annealing_cos} and {@code _annealing_linear}.
     */
    public abstract double apply(double start, double end, double pct);

    /** The name used on the command line and in files: {@code cos} or {@code linear}. */
    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    /** Reads {@code cos} or {@code linear} (any case). */
    @JsonCreator
    public static Anneal parse(String text) {
        return EnumIds.parse(Anneal.class, text, "--anneal");
    }
}
