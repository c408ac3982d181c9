package org.rangefinder.train;

/**
 * Receives a training run's progress on the training thread. Implementations must return quickly (hand the data to
 * another thread, never block): the next step waits for them.
 */
public interface TrainingListener {
    /**
     * The run has passed its last check and built its network, and its first step follows: a run refused (a network
     * too large for this machine's memory) calls nothing.
     */
    default void started() {
    }

    default void iterationDone(IterationRecord record, int totalIterations) {
    }

    default void evaluated(EvaluationRecord record) {
    }

    default void epochDone(EpochRecord record) {
    }

    TrainingListener NONE = new TrainingListener() { };
}
