package org.rangefinder.train;

/**
 * The summary of one epoch: mean training loss of its batches, validation loss and accuracy at its end, and the
 * training time since the run started.
 */
public record EpochRecord(int epoch, double trainLoss, double valLoss, double valAccuracy, double elapsedSeconds) {
}
