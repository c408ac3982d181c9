package org.rangefinder.rangetest;

import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
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
        UnaryOperator<RangeTestConfig> set = read(value);
        try {
            return set.apply(base);
        } catch (UserInputException e) {
            throw refused(value, e);
        }
    }

    /**
     * Refuses, as {@link #apply} does, a value that is not of this factor's kind (not a number, not an optimizer),
     * which needs no base configuration to tell: a sweep of one such value is refused for it, not for its count.
     */
    public void check(String value) {
        read(value);
    }

    /** What {@code value} sets in a configuration, read now: refused as {@link #apply} says when it cannot be read. */
    private UnaryOperator<RangeTestConfig> read(String value) {
        String v = value.trim();
        try {
            return switch (this) {
                case WEIGHT_DECAY -> setting(Double.parseDouble(v), RangeTestConfig::withWeightDecay);
                case MOMENTUM -> setting(Double.parseDouble(v), RangeTestConfig::withMomentum);
                case BATCH_SIZE -> setting(Integer.parseInt(v), RangeTestConfig::withBatchSize);
                case OPTIMIZER -> setting(OptimizerKind.parse(v), RangeTestConfig::withOptimizer);
                case SEED -> setting(Long.parseLong(v), RangeTestConfig::withSeed);
            };
        } catch (NumberFormatException e) {
            throw new SettingProblem(Setting.SWEEP, "%s: '%s' is not a valid %s", id(), value,
                    this == WEIGHT_DECAY || this == MOMENTUM ? "number" : "integer");
        } catch (UserInputException e) {
            throw refused(value, e);
        }
    }

    private static <T> UnaryOperator<RangeTestConfig> setting(T value,
                                                             BiFunction<RangeTestConfig, T, RangeTestConfig> with) {
        return config -> with.apply(config, value);
    }

    private SettingProblem refused(String value, UserInputException e) {
        return new SettingProblem(Setting.SWEEP, "%s=%s: %s", id(), value.trim(), e);
    }
}
