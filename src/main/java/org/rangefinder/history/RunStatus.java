package org.rangefinder.history;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.rangefinder.EnumIds;

/** Where a recorded run stands. */
public enum RunStatus {
    /** Started and not finished; its process is still alive (or was when last looked at). */
    RUNNING,
    /** Ended with a result (its stop reason says how: completed, diverged, cancelled, ...). */
    FINISHED,
    /** Ended with an error, before any result. */
    FAILED,
    /** Its process ended while it was running (a crash, a kill, the machine going down). */
    INTERRUPTED;

    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    @JsonCreator
    public static RunStatus parse(String id) {
        return EnumIds.parse(RunStatus.class, id, "run status");
    }
}
