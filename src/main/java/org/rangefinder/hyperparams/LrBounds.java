package org.rangefinder.hyperparams;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.rangefinder.files.InvalidField;
import org.rangefinder.schedule.OneCycleSettings;

/**
 * The learning-rate bounds of the cycle: it starts at {@code min} and peaks at {@code max} (PyTorch's
 * {@code max_lr}, with {@code div_factor = max / min}).
 *
 * @param min      the initial learning rate, below {@code max}
 * @param max      the peak learning rate
 * @param chosenBy {@code steep}, {@code valley}, {@code minimum} (a range-test suggestion gave {@code max}) or
 *                 {@code manual}
 */
public record LrBounds(@JsonProperty(required = true) double min, @JsonProperty(required = true) double max,
                       @JsonProperty(required = true) String chosenBy) {

    public LrBounds {
        Check.positive("min", min);
        Check.positive("max", max);
        if (!(min < max)) {
            throw new InvalidField("min", "must be below max (" + max + "), got " + min);
        }
        Check.oneOf("chosenBy", chosenBy, LrChoice.IDS);
    }

    public LrBounds(double min, double max, LrChoice chosenBy) {
        this(min, max, chosenBy.id());
    }

    /** The bounds a 1cycle schedule runs between: its initial and its peak learning rate. */
    public static LrBounds of(OneCycleSettings settings, LrChoice chosenBy) {
        return new LrBounds(settings.initialLr(), settings.maxLr(), chosenBy);
    }

    public LrChoice choice() {
        return LrChoice.parse(chosenBy);
    }
}
