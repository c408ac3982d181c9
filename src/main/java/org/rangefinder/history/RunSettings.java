package org.rangefinder.history;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.rangefinder.data.DataOptions;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.SuggestionOptions;
import org.rangefinder.train.SchedulePolicy;
import org.rangefinder.train.TrainingConfig;

/**
 * What a run's {@code settings.json} holds: the settings the engine took (a range test's or a training's config; a
 * sweep's base config, with its {@code sweep} such as {@code weight-decay=0,1e-4}) and the data options its dataset
 * was loaded with (label column, validation fraction and split seed, image size), so that the run can be repeated
 * from its record.
 *
 * @param config            the range test's, training's or sweep's base configuration
 * @param sweep             a sweep's factor and values; null for a single run
 * @param data              the data options
 * @param suggestionOptions a range test's or sweep's: how its suggestions and 1cycle range were read off its curves
 *                          (as {@code range-test --out} writes them); null for a training
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSettings(Object config, String sweep, DataOptions data, SuggestionOptions suggestionOptions) {

    /**
     * Settings whose suggestions are the engine's, read with {@link SuggestionOptions#defaults} (a range test's or
     * sweep's; none for a training): the window's, which records each curve's suggestions as the engine gives them.
     */
    public RunSettings(Object config, String sweep, DataOptions data) {
        this(config, sweep, data, config instanceof RangeTestConfig ? SuggestionOptions.defaults() : null);
    }

    /** A single run's settings, its suggestions the engine's. */
    public static RunSettings of(Object config, DataOptions data) {
        return new RunSettings(config, null, data);
    }

    /**
     * A training's learning-rate schedule in a word, as {@code run.json} records it: {@code one-cycle}, or
     * {@code constant=} and the rate ({@code constant=0.005}); null for a range test or a sweep.
     */
    @JsonIgnore
    public String schedule() {
        if (!(config instanceof TrainingConfig training)) {
            return null;
        }
        return training.policy() == SchedulePolicy.CONSTANT ? training.policy().id() + "=" + training.constantLr()
                : training.policy().id();
    }
}
