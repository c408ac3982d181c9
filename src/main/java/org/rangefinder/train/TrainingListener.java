package org.rangefinder.train;

/**
 * Receives a training run's progress on the training thread. Implementations must return quickly (hand the data to
 * another thread, never block): the next step waits for them.
 */
public interface TrainingListener {
    default void iterationDone(IterationRecord record, int totalIterations) {
    }

    default void evaluated(EvaluationRecord record) {
    }

    default void epochDone(EpochRecord record) {
    }

    TrainingListener NONE = new TrainingListener() { };
}
