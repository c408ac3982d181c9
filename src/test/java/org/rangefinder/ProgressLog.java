package org.rangefinder;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.rangefinder.data.Loading;

/** A load that is never cancelled and writes down what it is told, each report as {@code done/total unit}. */
public final class ProgressLog implements Loading {
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstReport = new CountDownLatch(1);

    @Override
    public boolean cancelled() {
        return false;
    }

    @Override
    public void progress(long done, long total, String unit) {
        reports.add(done + "/" + total + " " + unit);
        firstReport.countDown();
    }

    /** The reports so far, in order. */
    public List<String> reports() {
        return List.copyOf(reports);
    }

    /** Counted down at the first report. */
    public CountDownLatch firstReport() {
        return firstReport;
    }
}
