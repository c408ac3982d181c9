package org.rangefinder.history;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

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
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RunStatus parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
