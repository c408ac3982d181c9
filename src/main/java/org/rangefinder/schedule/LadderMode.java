package org.rangefinder.schedule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.rangefinder.EnumIds;
import org.rangefinder.Setting;

/** How an LR range test spaces its learning rates between the start and the end value. */
public enum LadderMode {
    /** Evenly spaced on a log scale: each step multiplies the LR by the same factor. */
    EXP,
    /** Evenly spaced on a linear scale: each step adds the same amount. */
    LINEAR;

    /** The name used on the command line and in files: {@code exp} or {@code linear}. */
    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    /** Reads {@code exp} or {@code linear} (any case). */
    @JsonCreator
    public static LadderMode parse(String text) {
        return EnumIds.parse(LadderMode.class, text, Setting.MODE);
    }
}
