package org.rangefinder.ui.export;

import org.rangefinder.data.DataOptions;
import org.rangefinder.engine.StopReason;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.Suggestions;
import org.rangefinder.train.TrainingConfig;
import org.rangefinder.ui.rangetest.BoundsChoice;

/**
 * What the user chose in the window, everything needed to reproduce it.
 *
 * @param experiment      the experiment panel's settings: dataset, model, optimizer, range-test settings
 * @param dataOptions     how the dataset is loaded
 * @param minLr           the chosen lower bound (where the cycle starts)
 * @param maxLr           the chosen upper bound (the cycle's peak)
 * @param chosenBy        how the bounds were chosen
 * @param training        the 1cycle run's settings; null when the 1cycle panel holds a problem
 * @param rangeTest       the range test the bounds were read from: its settings (null for a curve read from a
 *                        file), stop reason and suggestions; null when there is none
 */
public record HyperparameterChoice(RangeTestConfig experiment, DataOptions dataOptions, double minLr, double maxLr,
                                   BoundsChoice chosenBy, TrainingConfig training, RangeTestSource rangeTest) {

    /**
     * The range test behind the choice.
     *
     * @param config      its settings; null for a curve read from a file
     * @param name        the run's name in the runs list (for a file, its name)
     * @param stopReason  why it stopped; null for a file
     * @param points      recorded points
     * @param suggestions its suggestions
     */
    public record RangeTestSource(RangeTestConfig config, String name, StopReason stopReason, int points,
                                  Suggestions suggestions) {
    }
}
