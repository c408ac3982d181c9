package org.rangefinder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.rangefinder.UserInputException;
import org.rangefinder.data.Dataset;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.files.Json;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunSettings;
import org.rangefinder.hyperparams.DatasetSection;
import org.rangefinder.hyperparams.HyperparameterFile;
import org.rangefinder.hyperparams.Hyperparameters;
import org.rangefinder.rangetest.CurveCsv;
import org.rangefinder.rangetest.CurveFiles;
import org.rangefinder.rangetest.CurvePoint;
import org.rangefinder.rangetest.RangeTest;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.rangetest.Smoothing;
import org.rangefinder.rangetest.SuggestionMethod;
import org.rangefinder.rangetest.SuggestionOptions;
import org.rangefinder.rangetest.Suggestions;
import org.rangefinder.rangetest.Sweep;
import org.rangefinder.rangetest.SweepFactor;
import org.rangefinder.rangetest.SweepResult;
import org.rangefinder.rangetest.SweepRunner;
import org.rangefinder.schedule.LadderMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code range-test}: one LR range test, or a condition sweep of them. */
@Command(name = "range-test", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Run an LR range test: train while the learning rate rises, record the loss, suggest bounds.")
final class RangeTestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataModelOptions data;

    @Option(names = "--iterations", description = "Number of iterations (N), one learning rate each (a staircase, "
            + "--step-size K, holds each for K).")
    int iterations = RangeTestConfig.DEFAULT_ITERATIONS;

    @Option(names = "--start-lr", description = "First learning rate.")
    double startLr = RangeTestConfig.DEFAULT_START_LR;

    @Option(names = "--end-lr", description = "Last learning rate.")
    double endLr = RangeTestConfig.DEFAULT_END_LR;

    @Option(names = "--mode", description = "Ladder: exp or linear.")
    String mode = "exp";

    @Option(names = "--step-size", description = "Hold each rung of the ladder for K iterations (staircase).")
    int stepSize = 1;

    @Option(names = "--smoothing", description = "Beta of the bias-corrected moving average of the loss.")
    double smoothing = Smoothing.DEFAULT_BETA;

    @Option(names = "--diverge", description = "Stop when the smoothed loss exceeds this factor times its minimum (0 = off).")
    double diverge = RangeTestConfig.DEFAULT_DIVERGE_FACTOR;

    @Option(names = "--val-batches", description = "Record the mean loss over K fixed validation batches (0 = training loss).")
    int valBatches;

    @Mixin
    SuggestionChoice choice;

    @Option(names = "--sweep", paramLabel = "FACTOR=V1,V2,...",
            description = "Run a family of range tests differing in one factor: weight-decay, momentum, batch-size, optimizer or seed.")
    String sweep;

    @Option(names = "--threads", showDefaultValue = Help.Visibility.NEVER, description = "Sweep members run side by "
            + "side on this many threads, each member on one (default: one per core).")
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Option(names = "--out", paramLabel = "FILE.json", description = "Write the full result as JSON.")
    Path out;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Write the curve(s) as CSV: iteration,lr,loss,"
            + "smoothed_loss; a sweep's led by run (the member's place from 1) and the factor's value.")
    Path csv;

    @Option(names = "--hyperparams-out", paramLabel = "FILE.json", description = "Write a hyperparameter file for "
            + "'train --hyperparams': bounds from the suggested range (--method, --range-factor), PyTorch's default "
            + "1cycle over "
            + Hyperparameters.DEFAULT_EPOCHS + " epochs. Single range tests only, not sweeps.")
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
     * A range test or sweep in its steps: the settings checked; the data loaded, and described where
     * {@code --hyperparams-out} writes it (before the runs, so that the file names the bytes they trained on); each
     * member refused here ({@link #checkMembers}), rather than in a worker once the run is in the history; the runs,
     * recorded in the history; the report; the files.
     */
    private Integer run(CancelToken cancel) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Request request = request();
        Progress progress = new Progress(stderr);
        Dataset dataset = data.load(new LoadProgress(cancel, progress));
        progress.finish();
        DatasetSection described = hyperparamsOut == null ? null
                : DatasetSection.of(request.config().dataset(), data.dataOptions(), dataset);
        checkMembers(request, dataset);
        Ran ran = runAll(stderr, request, dataset, progress, cancel);
        printReport(stdout, request, dataset, ran);
        if (ran.results().stream().allMatch(r -> r.points().isEmpty())) {
            if (out != null || csv != null || hyperparamsOut != null) {
                stdout.println("no point was recorded: no file written, those there are left as they were");
            }
        } else {
            writeOutputs(stdout, request, ran, described);
        }
        history.printRecorded(stdout);
        return RangefinderCommand.OK;
    }

    /**
     * Refuses, before anything runs, a test that would fail as it starts: each member as the window refuses it
     * ({@link RangeTest#checkRunnable}), then each member whose network would not fit the machine's memory
     * ({@link RangeTest#checkMemory}, which the window cannot check), a sweep's naming the member
     * ({@code --sweep batch-size=4096: model ...}). Each member's memory is checked alone, as its build checks it,
     * not the sum of the members {@code --threads} runs side by side.
     */
    private static void checkMembers(Request request, Dataset dataset) {
        List<RangeTestConfig> members = request.members();
        members.forEach(member -> RangeTest.checkRunnable(member, dataset));
        for (int i = 0; i < members.size(); i++) {
            try {
                RangeTest.checkMemory(members.get(i), dataset);
            } catch (UserInputException e) {
                Sweep family = request.family();
                throw family == null ? e : new UserInputException("--sweep " + family.factor().id() + "="
                        + family.values().get(i) + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * What the command line asks for, checked before any data is read.
     *
     * @param config       the range test, or the settings a sweep's members share
     * @param family       the sweep, or null for a single range test
     * @param members      the range tests to run: {@code config} alone, or the sweep's members
     * @param options      how the suggestions are read off each curve
     * @param momentumUsed whether any member's optimizer has a momentum (the report then shows it)
     */
    private record Request(RangeTestConfig config, Sweep family, List<RangeTestConfig> members,
                           SuggestionOptions options, boolean momentumUsed) {
    }

    /**
     * The settings from the command line, refused in this order: the threads; the range test's own settings; a
     * sweep with {@code --hyperparams-out}, or a range factor that gives no bounds for it; a sweep's members (a
     * momentum sweep of plain SGD among them: {@link Sweep#members}); the momentum where no member's optimizer has
     * one; the option of the factor a sweep varies.
     */
    private Request request() {
        if (threads < 1) {
            throw new UserInputException("--threads must be at least 1, got " + threads);
        }
        history.check(new OutputFiles().readsDataset("--dataset", data.dataset).reads("--model", data.model)
                .writes("--out", out).writes("--csv", csv).writes("--hyperparams-out", hyperparamsOut));
        RangeTestConfig config = new RangeTestConfig(data.dataset, data.modelSpec(), data.optimizerKind(),
                data.momentum, data.weightDecay, data.batchSize, iterations, startLr, endLr, LadderMode.parse(mode),
                stepSize, smoothing, diverge, valBatches, data.seed);
        Sweep family = sweep == null ? null : Sweep.parse(sweep);
        if (family != null && hyperparamsOut != null) {
            throw new UserInputException("--hyperparams-out takes a single range test, not a sweep: run the member "
                    + "you chose on its own (a seed member S: --seed S --split-seed " + data.seed + ")");
        }
        SuggestionOptions options = choice.options();
        if (hyperparamsOut != null && !(options.rangeFactor() > 1)) {
            throw new UserInputException("--hyperparams-out needs --range-factor above 1 (the file's LR bounds are "
                    + "max and max / range-factor, and min must be below max), got " + options.rangeFactor());
        }
        List<RangeTestConfig> members = family == null ? List.of(config) : family.members(config);
        boolean momentumUsed = members.stream().anyMatch(m -> m.optimizer().hasMomentum());
        boolean momentumGiven = spec.commandLine().getParseResult().hasMatchedOption("--momentum");
        data.checkMomentumUsed(momentumGiven, momentumUsed, false);
        checkNotSwept(family);
        return new Request(config, family, members, options, momentumUsed);
    }

    /**
     * The runs' results, each with its suggestions read as {@code --method} and {@code --range-factor} ask.
     *
     * @param results one per member, in the sweep's order (a single range test: one)
     * @param sweep   the sweep's result over those, or null for a single range test
     */
    private record Ran(List<RangeTestResult> results, SweepResult sweep) {
    }

    /**
     * Runs the range test or the sweep, its progress on stderr, and records it in the run history (a run that fails
     * is recorded as failed). Suggestion options other than the defaults are applied to each member's curve once
     * it has run.
     */
    private Ran runAll(PrintWriter stderr, Request request, Dataset dataset, Progress progress, CancelToken cancel) {
        RangeTestConfig config = request.config();
        Sweep family = request.family();
        int total = request.members().size() * iterations;
        AtomicInteger done = new AtomicInteger();
        List<RangeTestResult> results;
        SweepResult sweepResult = null;
        history.start(stderr, family == null ? RunKind.RANGE_TEST : RunKind.SWEEP, config.dataset(), config.model(),
                new RunSettings(config, family == null ? null : family.toString(), data.dataOptions(),
                        request.options()));
        try {
            if (family == null) {
                results = List.of(RangeTest.run(dataset, config,
                        p -> progress.update(done.incrementAndGet(), total, status(p)), cancel));
            } else {
                sweepResult = SweepRunner.run(dataset, config, family, threads,
                        (m, p) -> progress.update(done.incrementAndGet(), total, "member " + (m + 1)), cancel);
                results = sweepResult.members();
            }
        } catch (RuntimeException e) {
            history.recordFailure(stderr, e);
            throw e;
        }
        progress.finish();
        SuggestionOptions options = request.options();
        if (!options.equals(SuggestionOptions.defaults())) {
            results = results.stream().map(r -> r.withSuggestions(r.suggest(r.config().smoothing(), options))).toList();
            sweepResult = family == null ? null : SweepResult.of(family, results);
        }
        Ran ran = new Ran(results, sweepResult);
        if (ran.sweep() == null) {
            history.record(stderr, (h, id) -> h.finish(id, ran.results().get(0)));
        } else {
            history.record(stderr, (h, id) -> h.finish(id, ran.sweep()));
        }
        return ran;
    }

    /** The header line of the settings, then the single run's result or the sweep's table. */
    private void printReport(PrintWriter stdout, Request request, Dataset dataset, Ran ran) {
        RangeTestConfig config = request.config();
        Sweep family = request.family();
        stdout.println("range test: " + dataset.name() + ", " + config.model().describe() + ", "
                + describe(config, family, request.momentumUsed())
                + (family == null ? "" : family.factor() == SweepFactor.SEED
                        ? ", sweep " + family + " (one data split, of seed " + data.dataOptions().splitSeed() + ")"
                        : ", sweep " + family));
        if (family == null) {
            printSingle(stdout, ran.results().get(0));
        } else {
            stdout.println();
            SweepTable.print(stdout, family.factor(), ran.sweep().memberSummaries(), ran.sweep().seedSummary());
        }
    }

    /**
     * The files asked for: {@code --out} (every run with its settings), {@code --csv} (the curves) and
     * {@code --hyperparams-out} (bounds from the single run's suggested range, and {@code described}, the data as
     * loaded).
     */
    private void writeOutputs(PrintWriter stdout, Request request, Ran ran, DatasetSection described)
            throws IOException {
        Sweep family = request.family();
        List<RangeTestResult> results = ran.results();
        if (out != null) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("schemaVersion", CurveFiles.SCHEMA_VERSION);
            // the settings beside each run's config: how the data was loaded (a seed member splits with its own
            // seed) and how the suggestions were read
            json.put("data", data.dataOptions());
            json.put("suggestionOptions", request.options());
            json.put("runs", results);
            if (ran.sweep() != null) {
                Map<String, Object> familyJson = new LinkedHashMap<>();
                familyJson.put("factor", family.factor());
                familyJson.put("values", family.values());
                if (ran.sweep().seedSummary() != null) {
                    familyJson.put("seedSummary", ran.sweep().seedSummary());
                }
                json.put("family", familyJson);
            }
            Json.write(out, json);
            stdout.println("wrote " + out);
        }
        if (csv != null) {
            if (family == null) {
                CurveCsv.write(csv, results.get(0).points());
            } else {
                CurveCsv.writeMembers(csv, ran.sweep());
            }
            stdout.println("wrote " + csv);
        }
        if (hyperparamsOut != null) {
            writeHyperparameters(stdout, results.get(0), request.options().rangeMethod(), described);
        }
    }

    private void writeHyperparameters(PrintWriter stdout, RangeTestResult result, SuggestionMethod method,
                                      DatasetSection dataset) throws IOException {
        Hyperparameters h;
        try {
            h = Hyperparameters.fromRangeTest(result, method, dataset, Hyperparameters.DEFAULT_EPOCHS);
        } catch (UserInputException e) {
            throw new UserInputException("--hyperparams-out: " + e.getMessage(), e);
        }
        HyperparameterFile.write(hyperparamsOut, h);
        stdout.println("wrote " + hyperparamsOut + " (1cycle " + Format.lr(h.lr().min()) + " .. "
                + Format.lr(h.lr().max()) + ", " + h.epochs() + " epochs; train with: rangefinder train --hyperparams "
                + Format.shellWord(hyperparamsOut) + ")");
    }

    private static String status(CurvePoint p) {
        return String.format(Locale.ROOT, "lr %.2e  loss %.4f", p.lr(), p.smoothedLoss());
    }

    /**
     * Refuses the option of the factor a sweep varies, given beside it: each member sets that factor itself, so the
     * option's value would be ignored. A factor's option is named by its id ({@code --weight-decay} for
     * {@code --sweep weight-decay=...}). {@code --seed} stays: a seed sweep's members share the split of
     * {@code --seed}.
     */
    private void checkNotSwept(Sweep family) {
        if (family == null || family.factor() == SweepFactor.SEED) {
            return;
        }
        String option = "--" + family.factor().id();
        ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption(option)) {
            throw new UserInputException(option + " " + parsed.matchedOption(option).stringValues().get(0)
                    + " is not used: each member of --sweep " + family + " has its own");
        }
    }

    /**
     * The settings of the header, less the factor a sweep varies (its table lists each member's): the momentum is
     * shown when the optimizer (a sweep: any member's) has one.
     */
    static String describe(RangeTestConfig c, Sweep family, boolean momentumUsed) {
        SweepFactor swept = family == null ? null : family.factor();
        List<String> parts = new ArrayList<>();
        String optimizer = swept == SweepFactor.OPTIMIZER ? "" : c.optimizer().id();
        String momentum = !momentumUsed || swept == SweepFactor.MOMENTUM ? "" : "momentum " + c.momentum();
        String both = (optimizer + " " + momentum).trim();
        if (!both.isEmpty()) {
            parts.add(both);
        }
        if (swept != SweepFactor.WEIGHT_DECAY) {
            parts.add("weight decay " + c.weightDecay());
        }
        if (swept != SweepFactor.BATCH_SIZE) {
            parts.add("batch " + c.batchSize());
        }
        if (swept != SweepFactor.SEED) {
            parts.add("seed " + c.seed());
        }
        return String.join(", ", parts);
    }

    private static void printSingle(PrintWriter out, RangeTestResult r) {
        out.printf(Locale.ROOT, "stopped: %s after %d of %d iterations (%.2f s)%n", r.stopReason().id(), r.points().size(),
                r.config().iterations(), r.elapsedSeconds());
        CurvePoint best = r.lowest();
        if (best != null) {
            out.printf(Locale.ROOT, "loss: %.4f at lr %s (smoothed), from %.4f at lr %s%n", best.smoothedLoss(), Format.lr(best.lr()),
                    r.points().get(0).smoothedLoss(), Format.lr(r.points().get(0).lr()));
        }
        Suggestions s = r.suggestions();
        if (s.reason() != null) {
            out.println("suggestions: none (" + s.reason() + ")");
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "  %-10s %s%n", "steep", Format.lr(s.steep()));
        out.printf(Locale.ROOT, "  %-10s %s%n", "valley", Format.lr(s.valley()));
        out.printf(Locale.ROOT, "  %-10s %s%n", "minimum", Format.lr(s.minimum()));
        out.printf(Locale.ROOT, "  %-10s %s .. %s%n", "1cycle", Format.lr(s.range().min()), Format.lr(s.range().max()));
    }
}
