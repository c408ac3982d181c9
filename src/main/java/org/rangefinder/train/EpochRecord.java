package org.rangefinder.train;

/**
 * The summary of one epoch: mean training loss of its batches (each batch counts once, a smaller last one too),
 * validation loss and accuracy at its end (a mean over samples), and the time since the run started, that
 * evaluation included.
 */
public record EpochRecord(int epoch, double trainLoss, double valLoss, double valAccuracy, double elapsedSeconds) {
}
