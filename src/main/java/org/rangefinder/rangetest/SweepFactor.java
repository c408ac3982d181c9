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
        String v = value.trim();
        try {
            return switch (this) {
                case WEIGHT_DECAY -> base.withWeightDecay(Double.parseDouble(v));
                case MOMENTUM -> base.withMomentum(Double.parseDouble(v));
                case BATCH_SIZE -> base.withBatchSize(Integer.parseInt(v));
                case OPTIMIZER -> base.withOptimizer(OptimizerKind.parse(v));
                case SEED -> base.withSeed(Long.parseLong(v));
            };
        } catch (NumberFormatException e) {
            throw new SettingProblem(Setting.SWEEP, "%s: '%s' is not a valid %s", id(), value,
                    this == WEIGHT_DECAY || this == MOMENTUM ? "number" : "integer");
        } catch (UserInputException e) {
            throw new SettingProblem(Setting.SWEEP, "%s=%s: %s", id(), v, e);
        }
    }
}
