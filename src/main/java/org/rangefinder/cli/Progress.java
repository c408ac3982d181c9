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
    void update(int done, int total, String status) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + "  " + status
                + "   ");
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
