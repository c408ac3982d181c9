package org.rangefinder.train;

/**
 * A validation measurement after {@code iteration} steps ({@code iteration} is the count of steps done, so the
 * evaluation at the end of epoch 1 of 22-step epochs has iteration 22).
 */
public record EvaluationRecord(int iteration, double valLoss, double valAccuracy, double elapsedSeconds) {
}
