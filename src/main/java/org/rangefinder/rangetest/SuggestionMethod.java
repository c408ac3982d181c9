package org.rangefinder.rangetest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.rangefinder.EnumIds;

/** The ways of reading a learning rate off a range-test curve (see {@link Suggestions} for each formula). */
public enum SuggestionMethod {
    /** Where the smoothed loss falls fastest per unit of log LR. */
    STEEP,
    /** fastai's default: a point some way down the longest decreasing stretch of the curve. */
    VALLEY,
    /** One tenth of the LR at the lowest smoothed loss. */
    MINIMUM;

    /** The name used on the command line and in files: {@code steep}, {@code valley}, {@code minimum}. */
    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    /** Reads {@code steep}, {@code valley} or {@code minimum} (any case). */
    @JsonCreator
    public static SuggestionMethod parse(String text) {
        return EnumIds.parse(SuggestionMethod.class, text, "--method");
    }
}
