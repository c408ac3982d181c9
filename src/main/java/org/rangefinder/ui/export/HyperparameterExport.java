package org.rangefinder.ui.export;

import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.hyperparams.DatasetSection;
import org.rangefinder.hyperparams.Hyperparameters;
import org.rangefinder.hyperparams.LrBounds;
import org.rangefinder.hyperparams.RangeTestSection;
import org.rangefinder.hyperparams.TrainingSection;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.train.TrainingConfig;
import org.rangefinder.train.TrainingResult;

/**
 * What "Export hyperparameters..." writes, gathered on the FX thread from the window's state. {@link #build()}
 * turns it into the project's {@link Hyperparameters} file content; call it on a worker, as it hashes the user's
 * data files (bundled datasets are named, not hashed).
 *
 * @param source     the dataset as chosen: a bundled name or a path
 * @param options    how it was loaded
 * @param data       the loaded dataset (its shape and sizes go into the file)
 * @param training   the 1cycle run's settings: model, optimizer, batch size, epochs, seed, schedule
 * @param lr         the chosen bounds and how they were chosen
 * @param rangeTest  the range test the bounds were read from, or null
 * @param trained    the result of training under exactly these settings, or null
 */
public record HyperparameterExport(String source, DataOptions options, Dataset data, TrainingConfig training,
                                   LrBounds lr, RangeTestResult rangeTest, TrainingResult trained) {

    public Hyperparameters build() {
        return Hyperparameters.of(DatasetSection.of(source, options, data), training, lr,
                rangeTest == null ? null : RangeTestSection.of(rangeTest),
                trained == null ? null : TrainingSection.of(trained));
    }
}
