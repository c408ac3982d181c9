package org.rangefinder.hyperparams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import org.rangefinder.engine.StopReason;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.rangetest.Suggestions;
import org.rangefinder.schedule.LadderMode;
import org.rangefinder.train.TrainingConfig;

/**
 * The range test the bounds came from: its settings (dataset and model are the file's), why it stopped, how many
 * points it recorded and what it suggested. Named as the fields of {@link RangeTestConfig}.
 *
 * @param points         points recorded
 * @param elapsedSeconds time of the range test itself
 */
public record RangeTestSection(@JsonProperty(required = true) String optimizer,
                               @JsonProperty(required = true) double momentum,
                               @JsonProperty(required = true) double weightDecay,
                               @JsonProperty(required = true) int batchSize,
                               @JsonProperty(required = true) int iterations,
                               @JsonProperty(required = true) double startLr,
                               @JsonProperty(required = true) double endLr,
                               @JsonProperty(required = true) String mode,
                               @JsonProperty(required = true) int stepSize,
                               @JsonProperty(required = true) double smoothing,
                               @JsonProperty(required = true) double divergeFactor,
                               @JsonProperty(required = true) int validationBatches,
                               @JsonProperty(required = true) long seed,
                               @JsonProperty(required = true) String stopReason,
                               @JsonProperty(required = true) int points,
                               @JsonProperty(required = true) double elapsedSeconds,
                               @JsonProperty(required = true) SuggestionsSection suggestions) {

    static final List<String> MODES = Arrays.stream(LadderMode.values()).map(LadderMode::id).toList();
    static final List<String> STOP_REASONS = Arrays.stream(StopReason.values()).map(StopReason::id).toList();

    public RangeTestSection {
        Check.oneOf("optimizer", optimizer, OptimizerSection.NAMES);
        Check.oneOf("mode", mode, MODES);
        Check.oneOf("stopReason", stopReason, STOP_REASONS);
        Check.atLeast("points", points, 0);
        Check.nonNegative("elapsedSeconds", elapsedSeconds);
        Check.present("suggestions", suggestions);
    }

    public static RangeTestSection of(RangeTestResult r) {
        RangeTestConfig c = r.config();
        return new RangeTestSection(c.optimizer().id(), c.momentum(), c.weightDecay(), c.batchSize(), c.iterations(),
                c.startLr(), c.endLr(), c.mode().id(), c.stepSize(), c.smoothing(), c.divergeFactor(),
                c.validationBatches(), c.seed(), r.stopReason().id(), r.points().size(), r.elapsedSeconds(),
                SuggestionsSection.of(r.suggestions()));
    }

    /** The settings of this range test on a dataset and a model (it checks them as the CLI does). */
    public RangeTestConfig config(String dataset, ModelSpec model) {
        return new RangeTestConfig(dataset, model, OptimizerKind.parse(optimizer), momentum, weightDecay, batchSize,
                iterations, startLr, endLr, LadderMode.parse(mode), stepSize, smoothing, divergeFactor,
                validationBatches, seed);
    }

    /**
     * Why this range test, run on {@code model} and on the data {@code seen}, does not belong in the hyperparameter
     * file of the 1cycle run {@code training} on the data {@code described}, or null when it does. Bounds read off one
     * model's curve are not another's, nor those of one optimizer another's (Adam's are not SGD's), nor those of other
     * data ({@link DatasetSection#sameData}: another dataset, other split sizes, or the data before it changed on
     * disk). Said as a clause of the report of what a file leaves out, the same from the window's export and from
     * {@code train --hyperparams-out}: {@code the range test is left out: it ran on another model than the 1cycle run}.
     */
    public String leftOutOf(ModelSpec model, DatasetSection seen, TrainingConfig training,
                            DatasetSection described) {
        String ran = "the range test is left out: it ran ";
        if (!model.equals(training.model())) {
            return ran + "on another model than the 1cycle run";
        }
        if (!optimizer.equals(training.optimizer().id())) {
            return ran + "with another optimizer (" + optimizer + ") than the 1cycle run (" + training.optimizer().id()
                    + ")";
        }
        return described.sameData(seen) ? null : ran + "on other data than the file describes";
    }

    /**
     * What the range test suggested, as in its {@code result.json}; each suggestion is absent when the curve gave
     * none, and {@code reason} says why.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SuggestionsSection(Double steep, Double valley, Double minimum, Range range,
                                     @JsonProperty(required = true) int points, String reason) {

        public static SuggestionsSection of(Suggestions s) {
            return new SuggestionsSection(s.steep(), s.valley(), s.minimum(),
                    s.range() == null ? null : new Range(s.range().min(), s.range().max()), s.points(), s.reason());
        }
    }

    /** The suggested bounds for 1cycle. */
    public record Range(@JsonProperty(required = true) double min, @JsonProperty(required = true) double max) {
    }
}
