package org.rangefinder.rangetest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
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
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static SweepFactor parse(String text) {
        for (SweepFactor f : values()) {
            if (f.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new UserInputException("unknown sweep factor '" + text + "' (expected one of "
                + String.join(", ", Arrays.stream(values()).map(SweepFactor::id).toList()) + ")");
    }

    /** The base configuration with this factor set to {@code value}; a bad value names the factor. */
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
            throw new UserInputException("--sweep " + id() + ": '" + value + "' is not a valid "
                    + (this == WEIGHT_DECAY || this == MOMENTUM ? "number" : "integer"));
        } catch (UserInputException e) {
            throw new UserInputException("--sweep " + id() + "=" + v + ": " + e.getMessage());
        }
    }
}
