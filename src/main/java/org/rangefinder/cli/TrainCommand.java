package org.rangefinder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rangefinder.UserInputException;
import org.rangefinder.data.Dataset;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.files.Json;
import org.rangefinder.model.NetworkFactory;
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
    int epochs = 5;

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

    @Override
    public Integer call() throws IOException {
        try (CtrlC ctrlC = new CtrlC()) {
            return run(ctrlC.token());
        }
    }

    private Integer run(CancelToken cancel) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        SchedulePolicy policy = SchedulePolicy.parse(schedule);
        if (epochs < 1) {
            throw new UserInputException("--epochs must be at least 1, got " + epochs);
        }
        Dataset dataset = data.load();
        NetworkFactory.checkCompatible(data.modelSpec(), dataset);
        if (data.batchSize < 1) {
            throw new UserInputException("--batch-size must be at least 1, got " + data.batchSize);
        }
        int total = epochs * ((dataset.train().size() + data.batchSize - 1) / data.batchSize);
        TrainingConfig config = new TrainingConfig(data.dataset, data.modelSpec(), data.optimizerKind(), data.momentum,
                data.weightDecay, data.batchSize, epochs, policy,
                policy == SchedulePolicy.ONE_CYCLE ? oneCycle.settings(total) : null, lr, evalEvery, data.seed);

        stdout.println("train: " + dataset.name() + ", " + config.model().describe() + ", " + policy.id() + " "
                + (policy == SchedulePolicy.ONE_CYCLE
                    ? "max lr " + config.oneCycle().maxLr() + ", initial " + config.oneCycle().initialLr()
                    : "lr " + lr)
                + ", " + config.optimizer().id() + ", " + epochs + " epochs of " + config.stepsPerEpoch(dataset.train().size())
                + " iterations");
        stdout.printf(Locale.ROOT, "%6s %11s %10s %8s %9s%n", "epoch", "train loss", "val loss", "val acc", "time");
        Progress progress = new Progress(spec.commandLine().getErr());
        Trainer.Outcome outcome = Trainer.train(dataset, config, new TrainingListener() {
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
        }, cancel);
        TrainingResult result = outcome.result();
        progress.finish();
        stdout.printf(Locale.ROOT, "stopped: %s after %d of %d iterations, %.1f s; final val loss %.4f, val accuracy %.2f%%%n",
                result.stopReason().id(), result.iterations().size(), result.totalIterations(), result.elapsedSeconds(),
                result.finalValLoss(), 100 * result.finalValAccuracy());
        if (out != null) {
            Json.write(out, resultJson(result));
            stdout.println("wrote " + out);
        }
        if (saveModel != null) {
            outcome.network().save(saveModel);
            stdout.println("wrote " + saveModel);
        }
        return RangefinderCommand.OK;
    }

    /** The result file: schema version, settings, per-epoch, per-evaluation and per-iteration records. */
    static Map<String, Object> resultJson(TrainingResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", 1);
        json.put("config", result.config());
        json.put("totalIterations", result.totalIterations());
        json.put("epochs", result.epochs());
        json.put("evaluations", result.evaluations());
        json.put("iterations", result.iterations());
        json.put("stopReason", result.stopReason());
        json.put("elapsedSeconds", result.elapsedSeconds());
        return json;
    }
}
