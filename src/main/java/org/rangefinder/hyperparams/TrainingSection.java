package org.rangefinder.hyperparams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.rangefinder.train.EpochRecord;
import org.rangefinder.train.TrainingResult;

/**
 * What a training run under these hyperparameters reached: why it stopped, how far it got, the last validation
 * measurement, and one summary per completed epoch. A record of results, not a setting: reading checks its types
 * only.
 *
 * @param totalIterations   steps the run was set to take
 * @param iterationsRun     steps it took
 * @param finalValLoss      loss of the last validation measurement; absent when none ran
 * @param finalValAccuracy  accuracy (0..1) of the last validation measurement; absent when none ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingSection(@JsonProperty(required = true) String stopReason,
                              @JsonProperty(required = true) int totalIterations,
                              @JsonProperty(required = true) int iterationsRun,
                              @JsonProperty(required = true) double elapsedSeconds,
                              Double finalValLoss, Double finalValAccuracy,
                              @JsonProperty(required = true) List<EpochRecord> epochs) {

    public TrainingSection {
        Check.oneOf("stopReason", stopReason, RangeTestSection.STOP_REASONS);
        epochs = Check.list("epochs", epochs);
    }

    public static TrainingSection of(TrainingResult r) {
        return new TrainingSection(r.stopReason().id(), r.totalIterations(), r.iterations().size(), r.elapsedSeconds(),
                finiteOrNull(r.finalValLoss()), finiteOrNull(r.finalValAccuracy()), r.epochs());
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
