package org.rangefinder.ui.work;

import java.util.Locale;

/** Where a run of the runs list stands. */
public enum RunStatus {
    /** Waiting for a free worker. */
    QUEUED,
    RUNNING,
    /** Ended with a stop reason (completed, diverged, non-finite, cancelled). */
    FINISHED,
    /** Ended by an error; the run carries the message. */
    FAILED,
    /** A curve read from a file. */
    IMPORTED;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
