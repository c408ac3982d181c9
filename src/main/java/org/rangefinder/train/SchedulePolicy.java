package org.rangefinder.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.rangefinder.UserInputException;

/** How the learning rate moves during a training run. */
public enum SchedulePolicy {
    /** Smith's 1cycle, as PyTorch's OneCycleLR. */
    ONE_CYCLE,
    /** A fixed learning rate and momentum: the baseline the paper compares 1cycle with. */
    CONSTANT;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static SchedulePolicy parse(String text) {
        for (SchedulePolicy p : values()) {
            if (p.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new UserInputException("unknown schedule '" + text + "' (expected one-cycle or constant)");
    }
}
