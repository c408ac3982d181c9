package org.rangefinder.rangetest;

/**
 * Receives each point as a range test records it, on the training thread. It must return quickly (hand the point
 * over to another thread, never block): the next iteration waits for it.
 */
@FunctionalInterface
public interface RangeTestListener {
    void pointRecorded(CurvePoint point);

    RangeTestListener NONE = point -> { };
}
