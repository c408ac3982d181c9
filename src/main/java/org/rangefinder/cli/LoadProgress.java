package org.rangefinder.cli;

import org.rangefinder.data.Loading;
import org.rangefinder.engine.CancelToken;

/** A dataset load seen from the command line: Ctrl-C stops it, and a terminal shows how far it is on stderr. */
final class LoadProgress implements Loading {
    private final CancelToken cancel;
    private final Progress progress;

    LoadProgress(CancelToken cancel, Progress progress) {
        this.cancel = cancel;
        this.progress = progress;
    }

    @Override
    public boolean cancelled() {
        return cancel.isCancelled();
    }

    @Override
    public void progress(long done, long total, String unit) {
        if (total > 0) {
            progress.update(done, total, "loading the data (" + unit + ")");
        } else {
            progress.update("loading the data: " + done + " " + unit);
        }
    }
}
