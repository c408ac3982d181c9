package org.rangefinder.train;

/** One training step: the learning rate and momentum it used, and the raw loss of its batch. */
public record IterationRecord(int iteration, double lr, double momentum, double loss) {
}
