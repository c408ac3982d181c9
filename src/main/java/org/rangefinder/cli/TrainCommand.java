package org.rangefinder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import org.rangefinder.Counts;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.files.Json;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunSettings;
import org.rangefinder.hyperparams.DatasetSection;
import org.rangefinder.hyperparams.HyperparameterFile;
import org.rangefinder.hyperparams.Hyperparameters;
import org.rangefinder.hyperparams.LrBounds;
import org.rangefinder.hyperparams.LrChoice;
import org.rangefinder.hyperparams.RangeTestSection;
import org.rangefinder.hyperparams.TrainingSection;
import org.rangefinder.model.NetworkFactory;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.schedule.OneCycleSettings;
import org.rangefinder.train.EpochRecord;
import org.rangefinder.train.IterationRecord;
import org.rangefinder.train.SchedulePolicy;
import org.rangefinder.train.Trainer;
import org.rangefinder.train.TrainingConfig;
import org.rangefinder.train.TrainingListener;
import org.rangefinder.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: a 1cycle (or constant-LR baseline) training run with live progress. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train with a 1cycle schedule (or a constant learning rate, the baseline), reporting each epoch.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataModelOptions data;

    @Mixin
    OneCycleOptions oneCycle;

    @Option(names = "--epochs", description = "Passes over the training data.")
    int epochs = Hyperparameters.DEFAULT_EPOCHS;

    @Option(names = "--schedule", paramLabel = "one-cycle|constant", description = "Learning-rate policy.")
    String schedule = "one-cycle";

    @Option(names = "--lr", paramLabel = "X", description = "The learning rate of a constant schedule.")
    Double lr;

    @Option(names = "--eval-every", paramLabel = "K", description = "Also evaluate every K iterations (0 = each epoch only).")
    int evalEvery;

    @Option(names = "--out", paramLabel = "result.json", description = "Write settings and every metric as JSON.")
    Path out;

    @Option(names = "--save-model", paramLabel = "model.zip", description = "Save the trained network (DL4J zip).")
    Path saveModel;

    @Option(names = "--hyperparams", paramLabel = "FILE.json", description = "Train as a hyperparameter file says "
            + "(from range-test --hyperparams-out or the window); the options given here replace its values. "
            + "--dataset replaces its dataset: the file's data options (label column, split, image size) hold for "
            + "the file's own data, however the path is spelled, or moved where its path is gone; another dataset "
            + "takes them anew.")
    Path hyperparams;

    @Option(names = "--hyperparams-out", paramLabel = "FILE.json", description = "Write this run's hyperparameters "
            + "and results as a hyperparameter file (one-cycle runs).")
    Path hyperparamsOut;

    @Mixin
    HistoryOptions history;

    @Override
    public Integer call() throws IOException {
        try (CtrlC ctrlC = new CtrlC(spec.commandLine().getErr())) {
            return run(ctrlC.token());
        }
    }

    /**
     * A run in its steps: the settings, from the command line over the hyperparameter file, checked; the data loaded
     * and described; the settings that need the data, checked too; the training; its outputs. {@code cancel} is
     * Ctrl-C's (a test's, of a command line it parsed).
     */
    Integer run(CancelToken cancel) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Request request = request(readHyperparameters(stderr), stderr);
        Progress progress = new Progress(stderr);
        Dataset dataset = load(request, progress, cancel);
        DatasetSection described = describe(request, dataset, stderr);
        TrainingConfig config = config(request, dataset);
        LrBounds bounds = hyperparamsOut == null ? null
                : boundsToWrite(request.file(), config.oneCycle(), oneCycle.minLr);
        history.start(stderr, RunKind.TRAINING, request.source(), config.model(),
                RunSettings.of(config, request.dataOptions()));
        Trainer.Outcome outcome = train(stdout, stderr, dataset, config, progress, cancel);
        writeOutputs(stdout, stderr, request, described, bounds, outcome);
        history.printRecorded(stdout);
        return RangefinderCommand.OK;
    }

    /**
     * The {@code --hyperparams} file, or null. Its dataset is read too, so the outputs are checked once the file is
     * read: none may replace that dataset either. The file's warnings follow, once the outputs pass.
     */
    private Hyperparameters readHyperparameters(PrintWriter stderr) {
        Hyperparameters file = null;
        List<String> warnings = List.of();
        if (hyperparams != null) {
            OutputFiles.requireName("--hyperparams", hyperparams);
            HyperparameterFile.ReadResult read = HyperparameterFile.read(hyperparams);
            warnings = read.warnings();
            file = read.hyperparameters();
        }
        String named = file == null ? null : file.dataset().source();
        history.check(new OutputFiles().readsDataset("--dataset", data.dataset).reads("--model", data.model)
                .reads("--hyperparams", hyperparams == null ? null : hyperparams.toString())
                .readsDatasetOf(hyperparams, named)
                .writes("--out", out).writes("--save-model", saveModel).writes("--hyperparams-out", hyperparamsOut));
        warnings.forEach(w -> stderr.println("warning: " + w));
        return file;
    }

    /**
     * What the run is asked to be, before its data is loaded.
     *
     * @param file        the hyperparameter file, or null
     * @param overlay     each setting from its option where that is given, else from {@code file}
     * @param source      the dataset: {@code --dataset}, else the one {@code file} names
     * @param compared    whether the data is compared with the file's description of it: when the file names it, or
     *                    it moved; named again with {@code --dataset}, it is taken as it is now
     * @param filesData   whether the data is the file's own: the dataset it names, however {@code --dataset} spells
     *                    it, or moved where {@code --dataset} says
     * @param dataOptions how to load it: {@code file}'s data options when it is {@code file}'s dataset (else the
     *                    defaults), with those given on the command line in their place
     */
    private record Request(Hyperparameters file, Overlay overlay, SchedulePolicy policy, int epochs, int batchSize,
                           String source, OptimizerKind optimizer, boolean compared, boolean filesData,
                           DataOptions dataOptions) {
    }

    /**
     * Every setting the run can take without its data, from the command line over {@code file}, checked in this order:
     * epochs and batch size, the schedule, the dataset, the options that the schedule or the optimizer would ignore,
     * the data options.
     */
    private Request request(Hyperparameters file, PrintWriter stderr) {
        Predicate<String> given = file == null ? option -> true : spec.commandLine().getParseResult()::hasMatchedOption;
        Overlay overlay = new Overlay(file == null ? null : file.toTrainingConfig(), given);
        SchedulePolicy policy = overlay.pick("--schedule", SchedulePolicy.parse(schedule), TrainingConfig::policy);
        int epochs = overlay.pick("--epochs", this.epochs, TrainingConfig::epochs);
        int batchSize = overlay.pick("--batch-size", data.batchSize, TrainingConfig::batchSize);
        if (epochs < 1) {
            throw new UserInputException("--epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new UserInputException("--batch-size must be at least 1, got " + batchSize);
        }
        if (hyperparamsOut != null && policy != SchedulePolicy.ONE_CYCLE) {
            throw new UserInputException("--hyperparams-out describes a one-cycle run; this one uses a "
                    + policy.id() + " learning rate");
        }
        String source = source(file);
        data.checkFits(source);
        checkScheduleOptions(policy);
        OptimizerKind optimizer = overlay.pick("--optimizer", data.optimizerKind(), TrainingConfig::optimizer);
        checkMomentumOptions(file, given, policy, optimizer);
        // the file's data options (its label column, split, image size) belong to its dataset: the one it names,
        // however --dataset spells it, or, where its path is gone, the data --dataset names, moved (as the refusal of
        // such a file without --dataset asks); not to another
        String path = file == null ? null : file.dataset().path();
        boolean moved = data.dataset != null && path != null && missing(path) != null
                && !Datasets.BUNDLED.contains(source);
        if (moved) {
            stderr.println("warning: " + hyperparams + ": dataset.path '" + path + "' is not there; --dataset "
                    + source + " is taken for its data, moved, with the file's label column, split and image size");
        }
        boolean filesData = file != null && (moved || Datasets.sameData(source, file.dataset().source()));
        DataOptions dataOptions = data.dataOptions(filesData ? file.dataset().dataOptions() : DataOptions.defaults(),
                given);
        return new Request(file, overlay, policy, epochs, batchSize, source, optimizer,
                file != null && (data.dataset == null || moved), filesData, dataOptions);
    }

    /**
     * The dataset to train on: {@code --dataset}, else the one {@code file} names, whose path must still be there (a
     * relative path is taken from the current folder).
     */
    private String source(Hyperparameters file) {
        String source = data.dataset != null ? data.dataset : file != null ? file.dataset().source() : null;
        if (source == null) {
            throw new UserInputException("give --dataset NAME|PATH, or --hyperparams FILE.json");
        }
        String missing = file != null && data.dataset == null && file.dataset().path() != null
                ? missing(file.dataset().path()) : null;
        if (missing != null) {
            throw new UserInputException(hyperparams + ": dataset.path '" + file.dataset().path() + "' " + missing
                    + ": give --dataset PATH where the data is now");
        }
        return source;
    }

    /**
     * Why the file or folder a hyperparameter file names is not there, or null when it is: it does not exist (a
     * relative path is taken from the current folder), or it is no path on this machine (a file written on Linux
     * read on Windows, a name with a NUL).
     */
    private static String missing(String path) {
        try {
            Path p = Path.of(path);
            if (Files.exists(p)) {
                return null;
            }
            return "does not exist" + (p.isAbsolute() ? ""
                    : " (a relative path is taken from the current folder, " + Path.of("").toAbsolutePath() + ")");
        } catch (InvalidPathException e) {
            return "is no path on this machine (" + e.getReason() + ")";
        }
    }

    /**
     * Refuses the momentum options the run would not use, as {@link DataModelOptions#checkMomentumUsed} and
     * {@link OneCycleOptions#checkMomentaUsed} say: a one-cycle schedule cycles the momentum unless
     * {@code --no-cycle-momentum}, or else {@code file}, says it does not.
     */
    private void checkMomentumOptions(Hyperparameters file, Predicate<String> given, SchedulePolicy policy,
                                      OptimizerKind optimizer) {
        ParseResult parsed = spec.commandLine().getParseResult();
        boolean cycled = policy == SchedulePolicy.ONE_CYCLE
                && oneCycle.cyclesMomentum(file == null ? null : file.oneCycleSettings(optimizer), given);
        data.checkMomentumUsed(parsed.hasMatchedOption("--momentum"), optimizer.hasMomentum(), cycled);
        oneCycle.checkMomentaUsed(parsed, optimizer.hasMomentum(), cycled, parsed.hasMatchedOption("--no-cycle-momentum")
                ? "--no-cycle-momentum holds the optimizer's --momentum instead"
                : hyperparams + " does not cycle the momentum (oneCycle.cycleMomentum is false): it holds the "
                        + "optimizer's momentum, which --momentum sets");
    }

    /** Loads the dataset, its progress on stderr (Ctrl-C stops the load). */
    private Dataset load(Request request, Progress progress, CancelToken cancel) {
        Dataset dataset = Datasets.load(request.source(), request.dataOptions(), new LoadProgress(cancel, progress));
        progress.finish();
        return dataset;
    }

    /**
     * The data loaded, as {@code --hyperparams-out} describes it ({@link DatasetSection#of}: its SHA-256 taken as it was
     * read, and its sizes), where that file is written or the hyperparameter file's description is compared
     * with it; else null. Data compared with the file's description ({@link Request#compared}) that differs from it
     * gets a warning for each difference.
     */
    private DatasetSection describe(Request request, Dataset dataset, PrintWriter stderr) {
        boolean compared = request.compared();
        if (!compared && hyperparamsOut == null) {
            return null;
        }
        DatasetSection described = DatasetSection.of(request.source(), request.dataOptions(), dataset);
        if (compared) {
            request.file().dataset().differences(described).forEach(w -> stderr.println("warning: " + w));
        }
        return described;
    }

    /**
     * The run's settings, once the data says how many steps it takes: a 1cycle spans
     * {@code T = epochs * ceil(trainingSamples / batchSize)} steps. Refused when the model does not fit the data.
     */
    private TrainingConfig config(Request request, Dataset dataset) {
        Hyperparameters file = request.file();
        Overlay overlay = request.overlay();
        int total = TrainingConfig.totalSteps(request.epochs(),
                BatchStream.batchesPerEpoch(dataset.train().size(), request.batchSize(), false));
        OneCycleSettings settings = request.policy() != SchedulePolicy.ONE_CYCLE ? null
                : file == null ? oneCycle.settings(total)
                : oneCycle.settings(total, file.oneCycleSettings(request.optimizer()), overlay.given());
        TrainingConfig config = new TrainingConfig(request.source(),
                overlay.pick("--model", data.modelSpec(), TrainingConfig::model),
                request.optimizer(),
                overlay.pick("--momentum", data.momentum, TrainingConfig::momentum),
                overlay.pick("--weight-decay", data.weightDecay, TrainingConfig::weightDecay), request.batchSize(),
                request.epochs(), request.policy(), settings, lr,
                overlay.pick("--eval-every", evalEvery, TrainingConfig::evalEvery),
                overlay.pick("--seed", data.seed, TrainingConfig::seed));
        NetworkFactory.checkCompatible(config.model(), dataset);
        return config;
    }

    /**
     * The run in one line, as the engine takes it: data, model, schedule ({@link #schedule}), optimizer with the
     * momentum it uses, weight decay, batch size, seed, length; then the head of the epoch table.
     */
    private static void printHeader(PrintWriter stdout, Dataset dataset, TrainingConfig config) {
        stdout.println("train: " + dataset.name() + ", " + config.model().describe() + ", " + schedule(config) + ", "
                + optimizer(config) + ", weight decay " + config.weightDecay() + ", batch " + config.batchSize()
                + ", seed " + config.seed() + ", " + Counts.of(config.epochs(), "epoch") + " of "
                + Counts.of(config.stepsPerEpoch(dataset.train().size()), "iteration"));
        stdout.printf(Locale.ROOT, "%6s %11s %10s %8s %9s%n", "epoch", "train loss", "val loss", "val acc", "time");
    }

    /**
     * A schedule's learning rates in the order it steps through them, as the CLI writes learning rates
     * ({@link Format#lr}): {@code constant lr 5.00e-02}; a cycle's start, peak and end, {@code max / div},
     * {@code max} and {@code max / div / final_div} ({@code one-cycle lr 5.52e-03..1.38e-01..5.52e-07}; a three-phase
     * one goes back to its start before its end), with its shape ({@code (cos, pct-start 0.3)}).
     */
    private static String schedule(TrainingConfig config) {
        if (config.policy() == SchedulePolicy.CONSTANT) {
            return "constant lr " + Format.lr(config.constantLr());
        }
        OneCycleSettings s = config.oneCycle();
        String start = Format.lr(s.initialLr());
        return "one-cycle lr " + start + ".." + Format.lr(s.maxLr()) + ".." + (s.threePhase() ? start + ".." : "")
                + Format.lr(s.minLr()) + " (" + (s.threePhase() ? "three-phase, " : "") + s.anneal().id()
                + ", pct-start " + s.pctStart() + ")";
    }

    /**
     * The optimizer with the momentum it uses: none for plain SGD; a cycled one from its max down to its base at the
     * peak and back ({@code nesterov momentum 0.95..0.85..0.95}); else the fixed one ({@code adam momentum 0.9},
     * Adam's beta1).
     */
    private static String optimizer(TrainingConfig config) {
        if (!config.optimizer().hasMomentum()) {
            return config.optimizer().id();
        }
        OneCycleSettings s = config.oneCycle();
        return config.optimizer().id() + " momentum " + (s != null && s.cycleMomentum()
                ? s.maxMomentum() + ".." + s.baseMomentum() + ".." + s.maxMomentum() : config.momentum());
    }

    /**
     * Trains the run the history has started, with its progress output, and prints why it stopped. The history
     * records the result, or, for a run the engine fails or refuses, the failure before the exception is passed on.
     */
    private Trainer.Outcome train(PrintWriter stdout, PrintWriter stderr, Dataset dataset, TrainingConfig config,
                                  Progress progress, CancelToken cancel) {
        Trainer.Outcome outcome;
        try {
            outcome = Trainer.train(dataset, config, progressOutput(stdout, progress, dataset, config), cancel);
        } catch (RuntimeException e) {
            history.recordFailure(stderr, e);
            throw e;
        }
        TrainingResult result = outcome.result();
        history.record(stderr, (h, id) -> h.finish(id, result));
        progress.finish();
        printStopped(stdout, result);
        return outcome;
    }

    /**
     * The header once the engine has built the network, so that a run it refuses (a network too large for the
     * machine's memory) prints nothing on stdout; then the bar on stderr moves with each iteration, and each epoch
     * clears it and adds its line to the table on stdout.
     */
    private static TrainingListener progressOutput(PrintWriter stdout, Progress progress, Dataset dataset,
                                                   TrainingConfig config) {
        return new TrainingListener() {
            @Override
            public void started() {
                printHeader(stdout, dataset, config);
            }

            @Override
            public void iterationDone(IterationRecord r, int totalIterations) {
                progress.update(r.iteration() + 1, totalIterations,
                        String.format(Locale.ROOT, "lr %.2e  loss %.4f", r.lr(), r.loss()));
            }

            @Override
            public void epochDone(EpochRecord e) {
                progress.finish();
                stdout.printf(Locale.ROOT, "%6d %11.4f %10.4f %7.2f%% %8.1fs%n", e.epoch(), e.trainLoss(), e.valLoss(),
                        100 * e.valAccuracy(), e.elapsedSeconds());
                stdout.flush();
            }
        };
    }

    /**
     * Why and when the run stopped, with the last evaluation, which for a run stopped early is that of an earlier
     * network than the one it ended with; a run stopped before its first has none to report.
     */
    private static void printStopped(PrintWriter stdout, TrainingResult result) {
        stdout.printf(Locale.ROOT, "stopped: %s after %d of %s, %.1f s; %s%n", result.stopReason().id(),
                result.iterations().size(), Counts.of(result.totalIterations(), "iteration"), result.elapsedSeconds(),
                result.evaluations().isEmpty() ? "no evaluation ran"
                        : String.format(Locale.ROOT, "last evaluation: val loss %.4f, val accuracy %.2f%%",
                                result.finalValLoss(), 100 * result.finalValAccuracy()));
    }

    /**
     * Writes the outputs asked for, in this order, each followed by a line on stdout: the result file, the network,
     * the hyperparameter file (with the data {@code described}, {@code bounds}, the range test of the file the run
     * came from, and its results). A run that took no step (cancelled before its first) writes none, and a network
     * whose parameters are not all finite (a run stopped {@code non-finite}) is not written; a line says so, and a
     * file there is left as it was. The file's range test is left out of the hyperparameter file when it ran on
     * another model, with another optimizer or on other data than the run ({@link RangeTestSection#leftOutOf}, as
     * the window's export leaves it out), with a warning that says why; the bounds keep how they were chosen.
     */
    private void writeOutputs(PrintWriter stdout, PrintWriter stderr, Request request, DatasetSection described,
                              LrBounds bounds, Trainer.Outcome outcome) throws IOException {
        TrainingResult result = outcome.result();
        if (result.iterations().isEmpty()) {
            if (out != null || saveModel != null || hyperparamsOut != null) {
                stdout.println("no step was taken: no file written, those there are left as they were");
            }
            return;
        }
        if (out != null) {
            Json.write(out, resultJson(result, request.dataOptions()));
            stdout.println("wrote " + out);
        }
        if (saveModel != null && !outcome.finite()) {
            stdout.println("the network's parameters are not all finite: " + saveModel + " not written, a file "
                    + "there is left as it was");
        } else if (saveModel != null) {
            outcome.network().save(saveModel);
            stdout.println("wrote " + saveModel);
        }
        if (hyperparamsOut != null) {
            Hyperparameters file = request.file();
            RangeTestSection rangeTest = file == null ? null : file.rangeTest();
            if (rangeTest != null) {
                // the file's own data, spelled otherwise or moved, is where the run read it, compared by its contents
                DatasetSection seen = request.filesData() ? file.dataset().at(request.source()) : file.dataset();
                String leftOut = rangeTest.leftOutOf(file.model(), seen, result.config(), described);
                if (leftOut != null) {
                    stderr.println("warning: " + hyperparamsOut + ": " + leftOut);
                    rangeTest = null;
                }
            }
            HyperparameterFile.write(hyperparamsOut, Hyperparameters.of(described, result.config(), bounds, rangeTest,
                    TrainingSection.of(result)));
            stdout.println("wrote " + hyperparamsOut);
        }
    }

    /**
     * The bounds {@code --hyperparams-out} writes, known before the run: those of the file the run came from while
     * its schedule keeps them, else the run's own, set by hand: {@code --min-lr} as given, where the cycle starts
     * (its {@code max / (max / min)} may differ from it in the last digit), else the cycle's initial LR; refused when
     * they are not two (a div factor of 1 or less starts the cycle at its peak or above it).
     */
    private static LrBounds boundsToWrite(Hyperparameters file, OneCycleSettings settings, Double minLr) {
        boolean kept = file != null && settings.maxLr() == file.lr().max()
                && settings.divFactor() == file.oneCycleSettings().divFactor();
        if (kept) {
            return file.lr();
        }
        if (!(settings.divFactor() > 1)) {
            throw new UserInputException("--hyperparams-out needs an LR range with its min below its max, and the "
                    + "cycle starts at max-lr / div-factor = " + settings.initialLr() + ", not below --max-lr "
                    + settings.maxLr() + ": use --div-factor above 1 (or --min-lr below --max-lr)");
        }
        if (minLr != null && settings.divFactor() == OneCycleSettings.divFactorFor(minLr, settings.maxLr())) {
            return new LrBounds(minLr, settings.maxLr(), LrChoice.MANUAL);
        }
        return LrBounds.of(settings, LrChoice.MANUAL);
    }

    /** The settings of a hyperparameter file, each replaced by its command-line option when that was given. */
    private record Overlay(TrainingConfig fromFile, Predicate<String> given) {
        <T> T pick(String option, T commandLine, Function<TrainingConfig, T> file) {
            return fromFile == null || given.test(option) ? commandLine : file.apply(fromFile);
        }
    }

    /**
     * The result file: schema version, settings (the run's, and the data options its dataset was loaded with: label
     * column, validation split, image size), per-epoch, per-evaluation and per-iteration records.
     */
    static Map<String, Object> resultJson(TrainingResult result, DataOptions data) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", 1);
        json.put("config", result.config());
        json.put("data", data);
        json.put("totalIterations", result.totalIterations());
        json.put("epochs", result.epochs());
        json.put("evaluations", result.evaluations());
        json.put("iterations", result.iterations());
        json.put("stopReason", result.stopReason());
        json.put("elapsedSeconds", result.elapsedSeconds());
        return json;
    }

    /** The learning-rate options of the other schedule are refused: the schedule asked for would ignore them. */
    private void checkScheduleOptions(SchedulePolicy policy) {
        ParseResult parsed = spec.commandLine().getParseResult();
        if (policy == SchedulePolicy.CONSTANT) {
            for (OptionSpec option : spec.mixins().get("oneCycle").options()) {
                if (parsed.hasMatchedOption(option.longestName())) {
                    throw new UserInputException(option.longestName() + " sets a one-cycle schedule; a constant "
                            + "one takes --lr only");
                }
            }
        } else if (parsed.hasMatchedOption("--lr")) {
            throw new UserInputException("--lr sets a constant schedule (--schedule constant); a one-cycle one takes "
                    + "--max-lr and --min-lr");
        }
    }
}
