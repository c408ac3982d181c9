package org.rangefinder.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, redrawn at most ten times a second, and only when stderr is a terminal (so
 * logs and pipes stay clean).
 */
final class Progress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean enabled;
    private long lastDraw;

    Progress(PrintWriter err) {
        this(err, System.console() != null);
    }

    Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
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
        long now = System.nanoTime();
        if (!enabled || mayWait && now - lastDraw < 100_000_000L) {
            return true;
        }
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
