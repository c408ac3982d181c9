package org.rangefinder.train;

import org.rangefinder.EnumIds;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the learning rate moves during a training run. */
public enum SchedulePolicy {
    /** Smith's 1cycle, as PyTorch's OneCycleLR. */
    ONE_CYCLE,
    /** A fixed learning rate and momentum: the baseline the paper compares 1cycle with. */
    CONSTANT;

    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    @JsonCreator
    public static SchedulePolicy parse(String text) {
        return EnumIds.parse(SchedulePolicy.class, text, "--schedule");
    }
}
