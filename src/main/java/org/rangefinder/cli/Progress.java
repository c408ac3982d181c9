package org.rangefinder.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr, redrawn at most ten times a second, and only when stderr is a terminal (so
 * logs and pipes stay clean).
 */
final class Progress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier nanos;
    private boolean drawn;
    private long lastDraw;

    Progress(PrintWriter err) {
        this(err, System.console() != null);
    }

    Progress(PrintWriter err, boolean enabled) {
        this(err, enabled, System::nanoTime);
    }

    /**
     * With the clock that times the redraws given: {@code nanos} reads nanoseconds, as {@link System#nanoTime} does
     * (its origin is arbitrary, so only differences count, and the first line is always drawn). Tests pass a clock
     * they set, so a skipped redraw follows from the time they state, never from how fast the machine is.
     */
    Progress(PrintWriter err, boolean enabled, LongSupplier nanos) {
        this.err = err;
        this.enabled = enabled;
        this.nanos = nanos;
    }

    /** Redraws the bar for {@code done} of {@code total} with a short status text; cheap when it skips. */
    void update(long done, long total, String status) {
        if (skips(done < total)) {
            return;
        }
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        draw("[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + "  " + status);
    }

    /** Redraws the line with a text alone, for work whose end is not known; cheap when it skips. */
    void update(String status) {
        if (!skips(true)) {
            draw(status);
        }
    }

    /** Whether to leave the line as it is: not a terminal, or drawn less than 0.1 s ago (unless it is the last). */
    private boolean skips(boolean mayWait) {
        if (!enabled) {
            return true;
        }
        long now = nanos.getAsLong();
        if (drawn && mayWait && now - lastDraw < 100_000_000L) {
            return true;
        }
        drawn = true;
        lastDraw = now;
        return false;
    }

    private void draw(String line) {
        err.print("\r" + line + "   ");
        err.flush();
    }

    /** Clears the bar's line. */
    void finish() {
        if (enabled) {
            err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            err.flush();
        }
    }
}
