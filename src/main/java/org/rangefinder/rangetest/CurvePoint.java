package org.rangefinder.rangetest;

/**
 * One recorded iteration of a range test: the learning rate the step used, the raw loss, and the bias-corrected
 * smoothed loss up to this point.
 */
public record CurvePoint(int iteration, double lr, double loss, double smoothedLoss) {
}
