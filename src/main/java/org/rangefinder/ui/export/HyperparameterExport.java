package org.rangefinder.ui.export;

import java.util.List;
import org.rangefinder.hyperparams.DatasetSection;
import org.rangefinder.hyperparams.Hyperparameters;
import org.rangefinder.hyperparams.LrBounds;
import org.rangefinder.hyperparams.RangeTestSection;
import org.rangefinder.hyperparams.TrainingSection;
import org.rangefinder.train.TrainingConfig;
import org.rangefinder.train.TrainingResult;

/**
 * What "Export hyperparameters..." writes, gathered on the FX thread from the window's state. {@link #build()}
 * turns it into the project's {@link Hyperparameters} file content; it reads no file.
 *
 * @param dataset    the data as it was loaded, described then (its SHA-256, shape and sizes; see
 *                   {@link org.rangefinder.ui.data.LoadedDataset}), not as the file on disk may be now
 * @param training   the 1cycle run's settings: model, optimizer, batch size, epochs, seed, schedule
 * @param lr         the chosen bounds and how they were chosen
 * @param rangeTest  the range test the bounds were read from (a run's, or the one a hyperparameter file names), or
 *                   null
 * @param trained    the result of training under exactly these settings, or null
 * @param leftOut    what was left out because its run saw other data than {@code dataset} describes, each a clause
 *                   saying so, for the export's report; not written
 */
public record HyperparameterExport(DatasetSection dataset, TrainingConfig training, LrBounds lr,
                                   RangeTestSection rangeTest, TrainingResult trained, List<String> leftOut) {

    public HyperparameterExport {
        leftOut = List.copyOf(leftOut);
    }

    public Hyperparameters build() {
        return Hyperparameters.of(dataset, training, lr, rangeTest, trained == null ? null : TrainingSection.of(trained));
    }
}
