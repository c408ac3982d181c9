package org.rangefinder.cli;

import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.optim.OptimizerKind;
import picocli.CommandLine.Option;

/** The options every training command shares: what to train on, what to train, and how to optimise. */
final class DataModelOptions {

    @Option(names = "--dataset", required = true, paramLabel = "NAME|PATH",
            description = "A bundled dataset (iris, wine, digits, mnist, fashion-mnist) or the path of a CSV file, "
                    + "an image folder (one subfolder per class) or an IDX images file.")
    String dataset;

    @Option(names = "--label", paramLabel = "COLUMN", description = "CSV only: the label column, by name or 0-based index (default: the last).")
    String label;

    @Option(names = "--val-fraction", description = "Share of the samples held out for validation, for datasets without their own test part.")
    double valFraction = 0.2;

    @Option(names = "--model", paramLabel = "mlp|lenet|resnet|SPEC.json", description = "Model preset or spec file.")
    String model = "mlp";

    @Option(names = "--optimizer", paramLabel = "sgd|nesterov|adam", description = "Optimizer.")
    String optimizer = "nesterov";

    @Option(names = "--momentum", description = "Nesterov momentum, or Adam's beta1.")
    double momentum = 0.9;

    @Option(names = "--weight-decay", description = "Decoupled weight decay.")
    double weightDecay = 0;

    @Option(names = "--batch-size", description = "Samples per iteration.")
    int batchSize = 64;

    @Option(names = "--seed", description = "Seed of the initial weights, the shuffling and the validation split.")
    long seed = 42;

    ModelSpec modelSpec() {
        return ModelSpec.parse(model);
    }

    OptimizerKind optimizerKind() {
        return OptimizerKind.parse(optimizer);
    }

    Dataset load() {
        if (!(valFraction > 0 && valFraction < 1)) {
            throw new org.rangefinder.UserInputException("--val-fraction must be between 0 and 1, got " + valFraction);
        }
        DataOptions options = DataOptions.defaults().withLabelColumn(label).withValidationFraction(valFraction)
                .withSplitSeed(seed);
        return Datasets.load(dataset, options);
    }
}
