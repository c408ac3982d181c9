package org.rangefinder.hyperparams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;
import org.rangefinder.UserInputException;
import org.rangefinder.Version;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.files.InvalidField;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.optim.Optimizer;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.rangetest.LrRange;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.rangetest.SuggestionMethod;
import org.rangefinder.schedule.OneCycleSettings;
import org.rangefinder.train.SchedulePolicy;
import org.rangefinder.train.TrainingConfig;

/**
 * A hyperparameter file: everything needed to repeat a 1cycle training run here or in another framework, where its
 * bounds came from, and what the run reached. The schema, field by field, is in {@code SCHEMA.md} beside this class;
 * {@link HyperparameterFile} reads and writes it.
 *
 * <p>The compact constructor checks every value and the fields against each other: {@code oneCycle.totalSteps} is
 * {@code epochs * ceil(dataset.trainSamples / batchSize)}; {@code oneCycle.divFactor}, when given, starts the cycle
 * at {@code lr.min} ({@code lr.max / divFactor} within a relative 1e-9); the schedule has a step in every phase.
 *
 * @param schemaVersion the version of the schema, {@value #SCHEMA_VERSION}
 * @param toolVersion   the Rangefinder version that wrote the file
 * @param created       when the file was written, an ISO-8601 instant ({@code 2026-01-31T12:00:00Z})
 * @param evalEvery     also evaluate every K iterations (0 = at the end of each epoch only)
 * @param rangeTest     the range test that gave the bounds; absent when they were not taken from one
 * @param training      the results of training under these hyperparameters; absent before any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Hyperparameters(@JsonProperty(required = true) int schemaVersion,
                              @JsonProperty(required = true) String toolVersion,
                              @JsonProperty(required = true) String created,
                              @JsonProperty(required = true) DatasetSection dataset,
                              @JsonProperty(required = true) ModelSpec model,
                              @JsonProperty(required = true) OptimizerSection optimizer,
                              @JsonProperty(required = true) int batchSize,
                              @JsonProperty(required = true) int epochs,
                              @JsonProperty(required = true) long seed,
                              int evalEvery,
                              @JsonProperty(required = true) LrBounds lr,
                              @JsonProperty(required = true) OneCycleSection oneCycle,
                              RangeTestSection rangeTest,
                              TrainingSection training) {

    public static final int SCHEMA_VERSION = 1;

    /** Epochs of a file written straight from a range test (as {@code train}'s default). */
    public static final int DEFAULT_EPOCHS = 5;

    /** The options of {@code range-test} and the fields of {@code rangeTest} that hold them. */
    private static final Map<Setting, String> RANGE_TEST_FIELDS = Map.of(Setting.MOMENTUM, "rangeTest.momentum",
            Setting.WEIGHT_DECAY, "rangeTest.weightDecay", Setting.BATCH_SIZE, "rangeTest.batchSize",
            Setting.ITERATIONS, "rangeTest.iterations", Setting.START_LR, "rangeTest.startLr",
            Setting.END_LR, "rangeTest.endLr", Setting.STEP_SIZE, "rangeTest.stepSize",
            Setting.SMOOTHING, "rangeTest.smoothing", Setting.DIVERGE, "rangeTest.divergeFactor",
            Setting.VAL_BATCHES, "rangeTest.validationBatches");

    public Hyperparameters {
        if (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION) {
            throw new InvalidField("schemaVersion", "must be between 1 and " + SCHEMA_VERSION + ", got "
                    + schemaVersion);
        }
        Check.oneLine("toolVersion", toolVersion);
        try {
            Instant.parse(Check.present("created", created));
        } catch (DateTimeParseException e) {
            throw new InvalidField("created", "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, got '"
                    + created + "'");
        }
        Check.present("dataset", dataset);
        Check.present("model", model);
        Check.present("optimizer", optimizer);
        Check.atLeast("batchSize", batchSize, 1);
        Check.atLeast("epochs", epochs, 1);
        Check.atLeast("evalEvery", evalEvery, 0);
        Check.present("lr", lr);
        Check.present("oneCycle", oneCycle);
        int steps;
        try {
            steps = TrainingConfig.totalSteps(epochs,
                    BatchStream.batchesPerEpoch(dataset.trainSamples(), batchSize, false));
        } catch (UserInputException e) {
            throw inFileTerms(e, Map.of(Setting.EPOCHS, "epochs"), "epochs", "gives no valid training");
        }
        if (oneCycle.totalSteps() != steps) {
            throw new InvalidField("oneCycle.totalSteps", "is " + oneCycle.totalSteps()
                    + ", but epochs x ceil(dataset.trainSamples / batchSize) = " + epochs + " x ceil("
                    + dataset.trainSamples() + " / " + batchSize + ") = " + steps);
        }
        if (oneCycle.divFactor() != null) {
            double start = lr.max() / oneCycle.divFactor();
            if (!(Math.abs(start - lr.min()) <= 1e-9 * lr.min())) {
                throw new InvalidField("oneCycle.divFactor", "is " + oneCycle.divFactor()
                        + ", which starts the cycle at lr.max / divFactor = " + start + ", but lr.min is " + lr.min()
                        + ": set it to lr.max / lr.min = " + lr.max() / lr.min() + " or leave it out");
            }
        }
        try {
            oneCycle.settings(lr);
        } catch (UserInputException e) {
            throw inFileTerms(e, Map.of(Setting.STEPS, "oneCycle.totalSteps", Setting.MAX_LR, "lr.max",
                    Setting.PCT_START, "oneCycle.pctStart",
                    Setting.DIV_FACTOR, oneCycle.divFactor() != null ? "oneCycle.divFactor" : "lr.max / lr.min",
                    Setting.FINAL_DIV_FACTOR, "oneCycle.finalDivFactor", Setting.MAX_MOMENTUM, "oneCycle.maxMomentum",
                    Setting.BASE_MOMENTUM, "oneCycle.baseMomentum"), "oneCycle", "gives no valid schedule");
        }
        if (rangeTest != null) {
            try {
                rangeTest.config(dataset.source(), model);
            } catch (UserInputException e) {
                throw inFileTerms(e, RANGE_TEST_FIELDS, "rangeTest", "holds invalid settings");
            }
        }
    }

    /**
     * The file for a 1cycle run, written now by this version of Rangefinder.
     *
     * @param lr        the bounds the schedule runs between and how they were chosen
     * @param rangeTest the range test they came from, or null
     * @param training  the results of the run, or null
     * @throws UserInputException when the run does not use a 1cycle schedule
     */
    public static Hyperparameters of(DatasetSection dataset, TrainingConfig config, LrBounds lr,
                                     RangeTestSection rangeTest, TrainingSection training) {
        if (config.policy() != SchedulePolicy.ONE_CYCLE) {
            throw new UserInputException("a hyperparameter file describes a 1cycle run; this one uses a "
                    + config.policy().id() + " schedule");
        }
        return new Hyperparameters(SCHEMA_VERSION, Version.current(), Instant.now().truncatedTo(ChronoUnit.SECONDS)
                .toString(), dataset, config.model(), OptimizerSection.of(config.optimizerSettings()),
                config.batchSize(), config.epochs(), config.seed(), config.evalEvery(), lr,
                OneCycleSection.of(config.oneCycle()), rangeTest, training);
    }

    /**
     * The file a range test proposes: its settings and suggestions, bounds from its {@code range} suggestion, and
     * the default 1cycle (PyTorch's defaults, {@code div_factor = max / min}) over {@code epochs} epochs.
     *
     * @param method  the suggestion the range's maximum was taken from
     * @param dataset the range test's dataset, as loaded
     * @throws UserInputException when the curve gave no range (too few points)
     */
    public static Hyperparameters fromRangeTest(RangeTestResult result, SuggestionMethod method,
                                                DatasetSection dataset, int epochs) {
        LrRange range = result.suggestions().range();
        if (range == null) {
            throw new UserInputException("the range test suggests no learning-rate range ("
                    + result.suggestions().reason() + "), so there are no bounds to write");
        }
        RangeTestConfig c = result.config();
        int steps = TrainingConfig.totalSteps(epochs,
                BatchStream.batchesPerEpoch(dataset.trainSamples(), c.batchSize(), false));
        TrainingConfig config = new TrainingConfig(c.dataset(), c.model(), c.optimizer(), c.momentum(),
                c.weightDecay(), c.batchSize(), epochs, SchedulePolicy.ONE_CYCLE,
                OneCycleSettings.fromBounds(steps, range.min(), range.max()), null, 0, c.seed());
        return of(dataset, config, new LrBounds(range.min(), range.max(), LrChoice.of(method)),
                RangeTestSection.of(result), null);
    }

    /**
     * The 1cycle schedule: {@code max_lr = lr.max}, the rest from {@code oneCycle}; plain SGD's momentum is not cycled
     * (it has none).
     */
    public OneCycleSettings oneCycleSettings() {
        return oneCycleSettings(optimizer.optimizer().kind());
    }

    /**
     * The 1cycle schedule for training with {@code optimizer}, which may be another than the file's (the command
     * line's {@code --optimizer}): the file's {@code cycleMomentum} holds unless the optimizer has no momentum.
     */
    public OneCycleSettings oneCycleSettings(OptimizerKind optimizer) {
        return oneCycle.settings(lr, optimizer);
    }

    /** The training run this file describes. */
    public TrainingConfig toTrainingConfig() {
        Optimizer o = optimizer.optimizer();
        return new TrainingConfig(dataset.source(), model, o.kind(), o.momentum(), o.weightDecay(), batchSize, epochs,
                SchedulePolicy.ONE_CYCLE, oneCycleSettings(), null, evalEvery, seed);
    }

    /** The settings of the range test the bounds came from, or null when there was none. */
    public RangeTestConfig rangeTestConfig() {
        return rangeTest == null ? null : rangeTest.config(dataset.source(), model);
    }

    /**
     * The engine's refusal of values this file gave it, in the file's terms. The engine names each setting it refuses
     * or mentions ({@link SettingProblem}); each becomes the field that holds it here ({@code oneCycle.pctStart 0.3
     * leaves ...}), and the refused one is the field reported. A refusal that mentions a setting not in
     * {@code fields}, or that names none, is kept as the command line words it, after the section and its problem.
     *
     * @param fields  the settings the engine may name, and the field path of each
     * @param section the field the message is about when a setting is not known: {@code oneCycle}
     * @param problem what is wrong with the section then: "gives no valid schedule"
     */
    private static InvalidField inFileTerms(UserInputException e, Map<Setting, String> fields, String section,
                                            String problem) {
        if (e instanceof SettingProblem refused && fields.containsKey(refused.setting())) {
            Set<Setting> unknown = EnumSet.noneOf(Setting.class);
            Function<Setting, String> field = s -> {
                if (!fields.containsKey(s)) {
                    unknown.add(s);
                }
                return fields.getOrDefault(s, s.cliName());
            };
            String words = refused.problem(field);
            if (words != null && unknown.isEmpty()) {
                return new InvalidField(fields.get(refused.setting()), words);
            }
        }
        return new InvalidField(section, problem + ": " + e.getMessage());
    }
}
