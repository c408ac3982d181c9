package org.rangefinder.cli;

import java.util.function.Predicate;
import org.rangefinder.Setting;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.data.Loading;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.optim.Optimizer;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.rangetest.RangeTestConfig;
import picocli.CommandLine.Option;

/**
 * The options every training command shares: what to train on, what to train, and how to optimise. Their defaults
 * are the engine's, those the window starts from.
 */
final class DataModelOptions {

    @Option(names = "--dataset", paramLabel = "NAME|PATH",
            description = "A bundled dataset (iris, wine, digits, mnist, fashion-mnist) or the path of a CSV file, "
                    + "an image folder (one subfolder per class) or an IDX images file. Required (train: unless "
                    + "--hyperparams names it).")
    String dataset;

    @Option(names = "--label", paramLabel = "COLUMN", description = "CSV only: the label column, by name or 0-based index (default: the last).")
    String label;

    @Option(names = "--val-fraction", description = "Share of the samples held out for validation, for datasets without "
            + "their own test part (default: 0.2).")
    Double valFraction;

    @Option(names = "--image-size", paramLabel = "WxH", description = "Image folders only: the size images are "
            + "resampled to, width x height in pixels, or one number for a square (default: 28x28).")
    String imageSize;

    @Option(names = "--rgb", negatable = true, description = "Image folders only: three colour channels (RGB) "
            + "instead of one gray channel, the luma (default: gray).")
    Boolean rgb;

    @Option(names = "--model", paramLabel = "mlp|lenet|resnet|SPEC.json", description = "Model preset or spec file.")
    String model = "mlp";

    @Option(names = "--optimizer", paramLabel = "sgd|nesterov|adam", description = "Optimizer.")
    String optimizer = Optimizer.defaults().kind().id();

    @Option(names = "--momentum", description = "Nesterov momentum, or Adam's beta1.")
    double momentum = Optimizer.defaults().momentum();

    @Option(names = "--weight-decay", description = "Decoupled weight decay.")
    double weightDecay = Optimizer.defaults().weightDecay();

    @Option(names = "--batch-size", description = "Samples per iteration.")
    int batchSize = RangeTestConfig.DEFAULT_BATCH_SIZE;

    @Option(names = "--seed", description = "Seed of the initial weights, the shuffling and the validation split.")
    long seed = RangeTestConfig.DEFAULT_SEED;

    @Option(names = "--split-seed", description = "Seed of the validation split alone, where the dataset holds its "
            + "validation part out (default: --seed). A seed sweep's members share the split of --seed: member S alone "
            + "is --seed S --split-seed <the sweep's --seed>.")
    Long splitSeed;

    ModelSpec modelSpec() {
        return ModelSpec.parse(model);
    }

    OptimizerKind optimizerKind() {
        return OptimizerKind.parse(optimizer);
    }

    /**
     * Refuses {@code --momentum} given where nothing would use it, rather than record a value the run ignores: plain
     * SGD has no momentum, and a one-cycle schedule that cycles it runs between {@code --max-momentum} and
     * {@code --base-momentum}.
     *
     * @param given          whether {@code --momentum} was on the command line
     * @param takesMomentum  whether the run's optimizer (a sweep: any member's) has a momentum
     * @param cycled         whether a schedule cycles the momentum
     */
    void checkMomentumUsed(boolean given, boolean takesMomentum, boolean cycled) {
        if (!given) {
            return;
        }
        if (!takesMomentum) {
            throw OptimizerKind.noMomentumFor(Setting.MOMENTUM, momentum);
        }
        if (cycled) {
            throw new UserInputException("--momentum " + momentum + " is not used: the one-cycle schedule cycles the "
                    + "momentum from --max-momentum down to --base-momentum and back; give those, or "
                    + "--no-cycle-momentum to hold --momentum");
        }
    }

    /** The data options of the command line. */
    DataOptions dataOptions() {
        return dataOptions(DataOptions.defaults(), option -> true);
    }

    /** The options of {@code base}, with those {@code given} on the command line in their place. */
    DataOptions dataOptions(DataOptions base, Predicate<String> given) {
        DataOptions options = base;
        if (given.test("--label")) {
            options = options.withLabelColumn(label);
        }
        if (imageSize != null && given.test("--image-size")) {
            options = options.withImageSize(imageSize);
        }
        if (rgb != null && given.test("--rgb")) {
            options = options.withGrayscale(!rgb);
        }
        if (valFraction != null && given.test("--val-fraction")) {
            if (!(valFraction > 0 && valFraction < 1)) {
                throw new UserInputException("--val-fraction must be between 0 and 1, got " + valFraction);
            }
            options = options.withValidationFraction(valFraction);
        }
        // the seed drives the split too, unless --split-seed gives it one of its own
        if (splitSeed != null && given.test("--split-seed")) {
            return options.withSplitSeed(splitSeed);
        }
        return given.test("--seed") ? options.withSplitSeed(seed) : options;
    }

    /** The dataset; {@code loading} (Ctrl-C) stops a long load with a {@code CancellationException}. */
    Dataset load(Loading loading) {
        if (dataset == null) {
            throw new UserInputException("--dataset is required");
        }
        checkFits(dataset);
        return Datasets.load(dataset, dataOptions(), loading);
    }

    /**
     * Refuses options the data would ignore: {@code --label} names a column of a table file, {@code --image-size} and
     * {@code --rgb} apply to an image folder, {@code --val-fraction} and {@code --split-seed} to data that holds its
     * validation part out (not MNIST, which validates on its test set).
     */
    void checkFits(String source) {
        if (label != null && !Datasets.isTable(source)) {
            throw new UserInputException("--label names a column of a CSV file; " + source + " is not one");
        }
        String imageOption = imageSize != null ? "--image-size" : rgb != null ? (rgb ? "--rgb" : "--no-rgb") : null;
        if (imageOption != null && !Datasets.isImageFolder(source)) {
            throw new UserInputException(imageOption + " applies to a folder of images; " + source + " is not one");
        }
        String splitOption = valFraction != null ? "--val-fraction" : splitSeed != null ? "--split-seed" : null;
        if (splitOption != null && Datasets.hasTestSet(source)) {
            throw new UserInputException(splitOption + " sets the part of the samples held out for validation; "
                    + source + " validates on a test set of its own");
        }
    }
}
