package org.rangefinder.rangetest;

import org.rangefinder.EnumIds;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;
import org.rangefinder.UserInputException;
import org.rangefinder.optim.OptimizerKind;

/**
 * The one setting a condition sweep varies (the paper's recipe: range tests under a variety of regularization
 * conditions), and how a value of it is read and applied to a base configuration.
 */
public enum SweepFactor {
    WEIGHT_DECAY,
    MOMENTUM,
    BATCH_SIZE,
    OPTIMIZER,
    /** Repeats with different seeds: the family reports a mean curve with a min/max band. */
    SEED;

    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    @JsonCreator
    public static SweepFactor parse(String text) {
        return EnumIds.parse(SweepFactor.class, text, "--sweep factor");
    }

    /**
     * The base configuration with this factor set to {@code value}; a bad value is a problem of the sweep, naming the
     * factor and the value, and the factor's own refusal in the same names.
     */
    public RangeTestConfig apply(RangeTestConfig base, String value) {
        Object v = value(value);
        try {
            return switch (this) {
                case WEIGHT_DECAY -> base.withWeightDecay((Double) v);
                case MOMENTUM -> base.withMomentum((Double) v);
                case BATCH_SIZE -> base.withBatchSize((Integer) v);
                case OPTIMIZER -> base.withOptimizer((OptimizerKind) v);
                case SEED -> base.withSeed((Long) v);
            };
        } catch (UserInputException e) {
            throw refused(value, e);
        }
    }

    /**
     * The value {@code text} sets, as {@link #apply} reads it: a {@link Double}, an {@link Integer}, an
     * {@link OptimizerKind} or a {@link Long}, equal to that of another text of the same value however each is spelt
     * ({@code 1e-4} and {@code 0.0001}, {@code 0} and {@code -0}, {@code sgd} and {@code SGD}, {@code 1} and
     * {@code 01}). A value that is not of this factor's kind (not a number, not an optimizer) is refused as
     * {@link #apply} refuses it: that needs no base configuration to tell, so a sweep of one such value is refused
     * for it, not for its count.
     */
    public Object value(String text) {
        String v = text.trim();
        try {
            return switch (this) {
                // adding 0 turns -0 into 0, the same weight decay or momentum
                case WEIGHT_DECAY, MOMENTUM -> Double.parseDouble(v) + 0.0;
                case BATCH_SIZE -> Integer.parseInt(v);
                case OPTIMIZER -> OptimizerKind.parse(v);
                case SEED -> Long.parseLong(v);
            };
        } catch (NumberFormatException e) {
            throw new SettingProblem(Setting.SWEEP, "%s: '%s' is not a valid %s", id(), text,
                    this == WEIGHT_DECAY || this == MOMENTUM ? "number" : "integer");
        } catch (UserInputException e) {
            throw refused(text, e);
        }
    }

    private SettingProblem refused(String value, UserInputException e) {
        return new SettingProblem(Setting.SWEEP, "%s=%s: %s", id(), value.trim(), e);
    }
}
