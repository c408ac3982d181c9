package org.rangefinder.train;

import java.util.List;
import org.rangefinder.engine.StopReason;

/**
 * Everything a training run recorded: per iteration lr, momentum and loss; the validation measurements; one summary
 * per completed epoch; why it stopped and how long it trained.
 */
public record TrainingResult(TrainingConfig config, int totalIterations, List<IterationRecord> iterations,
                             List<EvaluationRecord> evaluations, List<EpochRecord> epochs, StopReason stopReason,
                             double elapsedSeconds) {

    public TrainingResult {
        iterations = List.copyOf(iterations);
        evaluations = List.copyOf(evaluations);
        epochs = List.copyOf(epochs);
    }

    /** The validation accuracy of the last evaluation, or NaN when none ran. */
    public double finalValAccuracy() {
        return evaluations.isEmpty() ? Double.NaN : evaluations.get(evaluations.size() - 1).valAccuracy();
    }

    public double finalValLoss() {
        return evaluations.isEmpty() ? Double.NaN : evaluations.get(evaluations.size() - 1).valLoss();
    }
}
