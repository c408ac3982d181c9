package org.rangefinder.ui.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.rangetest.CurvePoint;

/**
 * Writes range-test curves as CSV, as the CLI's {@code --csv} does: header {@code iteration,lr,loss,smoothed_loss},
 * one row per point; with several curves a leading {@code run} column holds each curve's label. Written atomically.
 */
public final class CurvesCsv {

    /** One curve and the label of its rows in the {@code run} column. */
    public record Curve(String run, List<CurvePoint> points) {
    }

    private CurvesCsv() {
    }

    public static String format(List<Curve> curves) {
        boolean withRun = curves.size() > 1;
        StringBuilder sb = new StringBuilder(withRun ? "run,iteration,lr,loss,smoothed_loss\n"
                : "iteration,lr,loss,smoothed_loss\n");
        for (Curve curve : curves) {
            for (CurvePoint p : curve.points()) {
                if (withRun) {
                    sb.append(curve.run()).append(',');
                }
                sb.append(p.iteration()).append(',').append(p.lr()).append(',').append(p.loss()).append(',')
                        .append(p.smoothedLoss()).append('\n');
            }
        }
        return sb.toString();
    }

    public static void write(Path file, List<Curve> curves) throws IOException {
        AtomicFiles.writeString(file, format(curves));
    }
}
