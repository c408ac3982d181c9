package org.rangefinder.engine;

import org.rangefinder.EnumIds;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a range test or a training run ended. Every result reports one. */
public enum StopReason {
    /** All iterations (or epochs) ran. */
    COMPLETED,
    /** Range test only: the smoothed loss exceeded the divergence factor times its minimum. */
    DIVERGED,
    /** A raw loss was NaN or infinite; that point is recorded as it was. */
    NON_FINITE,
    /** The user cancelled; what was recorded until then is kept. */
    CANCELLED,
    /** The run was interrupted (the program ended) before it finished; found in the run history. */
    INTERRUPTED;

    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    @JsonCreator
    public static StopReason parse(String id) {
        return EnumIds.parse(StopReason.class, id, "stop reason");
    }

    /**
     * The stop reason a file read back names by its id; null where it names none, and for one this Rangefinder
     * does not know (a later version's, or one edited by hand), which marks nothing.
     */
    public static StopReason known(String id) {
        return EnumIds.find(StopReason.class, id);
    }
}
