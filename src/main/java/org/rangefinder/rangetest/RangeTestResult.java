package org.rangefinder.rangetest;

import java.util.List;
import org.rangefinder.engine.StopReason;

/**
 * What a range test hands back: its settings, every recorded point, why it stopped, how long the test itself took
 * (not data loading), and the suggestions computed on the smoothed curve.
 */
public record RangeTestResult(RangeTestConfig config, List<CurvePoint> points, StopReason stopReason,
                              double elapsedSeconds, Suggestions suggestions) {

    public RangeTestResult {
        points = List.copyOf(points);
    }

    /** The result of a test cancelled before its first step: no points, no suggestions. */
    public static RangeTestResult stoppedBeforeItsFirstStep(RangeTestConfig config) {
        return new RangeTestResult(config, List.of(), StopReason.CANCELLED, 0,
                Suggestions.fromSmoothed(new double[0], new double[0], SuggestionOptions.defaults()));
    }

    public double[] lrs() {
        return points.stream().mapToDouble(CurvePoint::lr).toArray();
    }

    public double[] losses() {
        return points.stream().mapToDouble(CurvePoint::loss).toArray();
    }

    public double[] smoothedLosses() {
        return points.stream().mapToDouble(CurvePoint::smoothedLoss).toArray();
    }

    /** The point of the lowest finite smoothed loss, the first of equal ones; null when no smoothed loss is finite. */
    public CurvePoint lowest() {
        CurvePoint best = null;
        for (CurvePoint p : points) {
            if (Double.isFinite(p.smoothedLoss()) && (best == null || p.smoothedLoss() < best.smoothedLoss())) {
                best = p;
            }
        }
        return best;
    }

    public RangeTestResult withSuggestions(Suggestions other) {
        return new RangeTestResult(config, points, stopReason, elapsedSeconds, other);
    }

    /** Suggestions recomputed from the stored raw losses with another smoothing or window, without re-running. */
    public Suggestions suggest(double beta, SuggestionOptions options) {
        return Suggestions.fromRaw(lrs(), losses(), beta, options);
    }
}
