package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.files.Json;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunRecord;
import org.rangefinder.hyperparams.HyperparameterFile;
import org.rangefinder.hyperparams.Hyperparameters;
import org.rangefinder.hyperparams.LrChoice;
import org.rangefinder.schedule.OneCycleSettings;
import org.rangefinder.train.TrainingConfig;

/** The whole flow on the command line: range test, hyperparameter file, training from it, export, history. */
class HyperparamsCliTest {
    @TempDir
    Path dir;

    private Path workspace;
    private Path file;

    @BeforeEach
    void exportFromARangeTest() {
        workspace = dir.resolve("runs");
        file = dir.resolve("h.json");
        CliRun r = run("range-test", "--dataset", "iris", "--batch-size", "16", "--iterations", "40",
                "--weight-decay", "1e-4", "--hyperparams-out", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + file + " (1cycle ").contains("recorded as run ");
    }

    private CliRun run(String... args) {
        String[] withWorkspace = java.util.Arrays.copyOf(args, args.length + 2);
        withWorkspace[args.length] = "--workspace";
        withWorkspace[args.length + 1] = workspace.toString();
        return CliRun.of(withWorkspace);
    }

    private Hyperparameters fileContent() {
        return HyperparameterFile.read(file).hyperparameters();
    }

    /** The file's training run, over one epoch: iris at batch 16 takes ceil(120/16) = 8 steps. */
    private static TrainingConfig oneEpochOf(TrainingConfig c, OneCycleSettings cycle) {
        return new TrainingConfig(c.dataset(), c.model(), c.optimizer(), c.momentum(), c.weightDecay(), c.batchSize(), 1,
                c.policy(), new OneCycleSettings(8, cycle.maxLr(), cycle.pctStart(), cycle.anneal(), cycle.divFactor(),
                        cycle.finalDivFactor(), cycle.threePhase(), cycle.cycleMomentum(), cycle.baseMomentum(),
                        cycle.maxMomentum()), null, c.evalEvery(), c.seed());
    }

    @Test
    void trainFromTheRangeTestsFileReproducesItsSettings() throws Exception {
        Hyperparameters h = fileContent();
        assertThat(h.lr().choice()).isEqualTo(LrChoice.VALLEY);
        assertThat(h.epochs()).isEqualTo(Hyperparameters.DEFAULT_EPOCHS);
        assertThat(h.oneCycle().totalSteps()).isEqualTo(5 * 8);
        Path result = dir.resolve("result.json");
        CliRun r = run("train", "--hyperparams", file.toString(), "--epochs", "1", "--out", result.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("warning");

        TrainingConfig expected = oneEpochOf(h.toTrainingConfig(), h.oneCycleSettings());
        JsonNode config = Json.MAPPER.readTree(result.toFile()).get("config");
        assertThat(config).isEqualTo(Json.MAPPER.readTree(Json.toString(expected)));
        assertThat(config.get("oneCycle").get("maxLr").asDouble()).isEqualTo(h.lr().max());
        assertThat(config.get("weightDecay").asDouble()).isEqualTo(1e-4);
        JsonNode first = Json.MAPPER.readTree(result.toFile()).get("iterations").get(0);
        assertThat(first.get("lr").asDouble()).isEqualTo(h.oneCycleSettings().initialLr());
        assertThat(first.get("momentum").asDouble()).isEqualTo(0.95);
    }

    /**
     * A file of settings other than the defaults (Adam, momentum 0.8, seed 7, an mlp of 16 and 8 units) trains with
     * them: its run's config holds them as written, and its iterations are those of the same run given as plain
     * options, the LR bounds the file's (the cycle's momentum, which Adam takes as beta1, is PyTorch's default cycle
     * in both, so the plain run takes no --momentum). Options given beside the file replace its seed and model.
     */
    @Test
    void trainFromAFileOfOtherThanTheDefaultsRunsItsSettings() throws Exception {
        Path spec = Files.writeString(dir.resolve("small.json"), "{\"preset\": \"mlp\", \"hiddenSizes\": [16, 8]}");
        Path adam = dir.resolve("adam.json");
        CliRun made = run("range-test", "--dataset", "iris", "--batch-size", "16", "--iterations", "40", "--optimizer",
                "adam", "--momentum", "0.8", "--seed", "7", "--model", spec.toString(), "--hyperparams-out",
                adam.toString());
        assertThat(made.code()).as(made.err()).isZero();
        Hyperparameters h = HyperparameterFile.read(adam).hyperparameters();

        Path fromFile = dir.resolve("from-file.json");
        CliRun r = run("train", "--hyperparams", adam.toString(), "--epochs", "1", "--out", fromFile.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode trained = Json.MAPPER.readTree(fromFile.toFile());
        JsonNode config = trained.get("config");
        assertThat(config.get("optimizer").asText()).isEqualTo("adam");
        assertThat(config.get("momentum").asDouble()).isEqualTo(0.8);
        assertThat(config.get("seed").asLong()).isEqualTo(7);
        assertThat(config.get("batchSize").asInt()).isEqualTo(16);
        assertThat(config.get("model")).isEqualTo(Json.MAPPER.readTree("{\"preset\": \"mlp\", \"hiddenSizes\": "
                + "[16, 8], \"dropout\": 0.0, \"batchNorm\": false}"));

        Path plain = dir.resolve("plain.json");
        CliRun same = run("train", "--dataset", "iris", "--batch-size", "16", "--optimizer", "adam", "--seed", "7",
                "--model", spec.toString(), "--epochs", "1", "--max-lr", Double.toString(h.lr().max()), "--min-lr",
                Double.toString(h.lr().min()), "--out", plain.toString());
        assertThat(same.code()).as(same.err()).isZero();
        JsonNode iterations = trained.get("iterations");
        assertThat(iterations).hasSize(8);
        assertThat(iterations.get(0).get("momentum").asDouble()).isEqualTo(0.95);
        assertThat(iterations).isEqualTo(Json.MAPPER.readTree(plain.toFile()).get("iterations"));

        Path overridden = dir.resolve("overridden.json");
        CliRun other = run("train", "--hyperparams", adam.toString(), "--epochs", "1", "--seed", "3", "--model",
                "mlp", "--out", overridden.toString());
        assertThat(other.code()).as(other.err()).isZero();
        JsonNode otherConfig = Json.MAPPER.readTree(overridden.toFile()).get("config");
        assertThat(otherConfig.get("seed").asLong()).isEqualTo(3);
        assertThat(otherConfig.get("model").get("hiddenSizes")).isEqualTo(Json.MAPPER.readTree("[128, 128]"));
        assertThat(otherConfig.get("optimizer").asText()).isEqualTo("adam");
        assertThat(otherConfig.get("momentum").asDouble()).isEqualTo(0.8);
    }

    @Test
    void optionsGivenOnTheCommandLineReplaceSingleFields() throws Exception {
        Hyperparameters h = fileContent();
        Path result = dir.resolve("result.json");
        CliRun r = run("train", "--hyperparams", file.toString(), "--epochs", "1", "--max-lr", "0.05",
                "--momentum", "0.8", "--no-cycle-momentum", "--out", result.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode config = Json.MAPPER.readTree(result.toFile()).get("config");
        assertThat(config.get("momentum").asDouble()).isEqualTo(0.8);
        assertThat(config.get("batchSize").asInt()).isEqualTo(16);
        assertThat(config.get("weightDecay").asDouble()).isEqualTo(1e-4);
        assertThat(config.get("oneCycle").get("maxLr").asDouble()).isEqualTo(0.05);
        assertThat(config.get("oneCycle").get("divFactor").asDouble()).isEqualTo(h.oneCycleSettings().divFactor());
        assertThat(config.get("oneCycle").get("cycleMomentum").asBoolean()).isFalse();
        assertThat(config.get("oneCycle").get("pctStart").asDouble()).isEqualTo(0.3);
    }

    @Test
    void fileTakesItsBoundsFromTheChosenSuggestionMethodAndRangeFactor() {
        Path steep = dir.resolve("steep.json");
        CliRun r = run("range-test", "--dataset", "iris", "--batch-size", "16", "--iterations", "40",
                "--method", "steep", "--range-factor", "4", "--hyperparams-out", steep.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Hyperparameters h = HyperparameterFile.read(steep).hyperparameters();
        assertThat(h.lr().choice()).isEqualTo(LrChoice.STEEP);
        assertThat(h.lr().max()).isEqualTo(h.rangeTest().suggestions().steep());
        assertThat(h.lr().min()).isEqualTo(h.lr().max() / 4);
        assertThat(h.rangeTest().suggestions().range().max()).isEqualTo(h.lr().max());
    }

    @Test
    void trainingWritesAHyperparameterFileWithItsResults() {
        Path out = dir.resolve("trained.json");
        CliRun r = run("train", "--hyperparams", file.toString(), "--epochs", "1", "--hyperparams-out",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Hyperparameters trained = HyperparameterFile.read(out).hyperparameters();
        assertThat(trained.lr()).isEqualTo(fileContent().lr());
        assertThat(trained.rangeTest()).isEqualTo(fileContent().rangeTest());
        assertThat(trained.epochs()).isEqualTo(1);
        assertThat(trained.training().stopReason()).isEqualTo("completed");
        assertThat(trained.training().epochs()).hasSize(1);
        assertThat(trained.training().finalValAccuracy()).isBetween(0.0, 1.0);
    }

    @Test
    void missingDatasetAndBadFilesExitWithCodeTwoAndOneLine() throws Exception {
        CliRun neither = run("train", "--max-lr", "0.1");
        assertThat(neither.code()).isEqualTo(2);
        assertThat(neither.err()).contains("give --dataset NAME|PATH, or --hyperparams FILE.json");
        assertThat(run("range-test").err()).contains("--dataset is required");

        Files.writeString(file, Files.readString(file).replace("\"pctStart\" : 0.3", "\"pctStart\" : 3"));
        CliRun bad = run("train", "--hyperparams", file.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("rangefinder: " + file
                + ": oneCycle.pctStart must be between 0 and 1 (both excluded), got 3.0");

        CliRun sweep = run("range-test", "--dataset", "iris", "--sweep", "seed=1,2", "--hyperparams-out",
                dir.resolve("x.json").toString());
        assertThat(sweep.code()).isEqualTo(2);
        assertThat(sweep.err()).contains("--hyperparams-out takes a single range test, not a sweep");
    }

    /** A relative dataset.path that is not there is refused naming the file, the field and where it was looked for. */
    @Test
    void aMissingRelativeDatasetPathNamesTheFileAndTheField() throws Exception {
        Path rel = dir.resolve("relh.json");
        Files.writeString(rel, Files.readString(file).replace("\"name\" : \"iris\"",
                "\"name\" : \"gone.csv\", \"path\" : \"no-such-folder/gone.csv\", \"sha256\" : \""
                        + "0".repeat(64) + "\""));
        CliRun r = run("train", "--hyperparams", rel.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("rangefinder: " + rel + ": dataset.path 'no-such-folder/gone.csv' does "
                + "not exist (a relative path is taken from the current folder, " + Path.of("").toAbsolutePath()
                + "): give --dataset PATH where the data is now");
    }

    /** A result file given as a hyperparameter file is told apart, with the command that writes one from its run. */
    @Test
    void aResultFileIsNotTakenForAHyperparameterFile() {
        Path curve = dir.resolve("c.json");
        Path trained = dir.resolve("r.json");
        assertThat(run("range-test", "--dataset", "iris", "--iterations", "20", "--out", curve.toString()).code())
                .isZero();
        assertThat(run("train", "--hyperparams", file.toString(), "--epochs", "1", "--out", trained.toString())
                .code()).isZero();
        CliRun r = run("train", "--hyperparams", curve.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("rangefinder: " + curve + " is the result of a range-test (range-test "
                + "--out), not a hyperparameter file: range-test --hyperparams-out FILE.json writes one");
        r = CliRun.of("export", "--hyperparams", trained.toString(), "--format", "pytorch");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("rangefinder: " + trained + " is the result of a train (train --out), "
                + "not a hyperparameter file: train --hyperparams-out FILE.json writes one");
    }

    @Test
    void exportPrintsOrWritesTheSnippet() throws Exception {
        CliRun printed = CliRun.of("export", "--hyperparams", file.toString(), "--format", "pytorch");
        assertThat(printed.code()).as(printed.err()).isZero();
        assertThat(printed.out()).startsWith("# Rangefinder ").contains("from h.json")
                .contains("OneCycleLR(").contains("max_lr=" + Double.toString(fileContent().lr().max()).replace('E', 'e'));
        Path java = dir.resolve("OneCycleTraining.java");
        CliRun written = CliRun.of("export", "--hyperparams", file.toString(), "--format", "DL4J", "--out",
                java.toString());
        assertThat(written.code()).as(written.err()).isZero();
        assertThat(Files.readString(java)).contains("public class OneCycleTraining");
        // Java wants a public class in a file of its name: the class follows the file's
        Path named = dir.resolve("DigitsSchedule.java");
        CliRun renamed = CliRun.of("export", "--hyperparams", file.toString(), "--format", "dl4j", "--out",
                named.toString());
        assertThat(renamed.code()).as(renamed.err()).isZero();
        assertThat(Files.readString(named)).contains("public class DigitsSchedule {")
                .contains("Save as DigitsSchedule.java").doesNotContain("OneCycleTraining");
        for (String unusable : List.of("训练 1.java", "schedule.py", "class.java", "a.b.java")) {
            CliRun refused = CliRun.of("export", "--hyperparams", file.toString(), "--format", "dl4j", "--out",
                    dir.resolve(unusable).toString());
            assertThat(refused.code()).as(unusable).isEqualTo(2);
            assertThat(refused.err()).isEqualTo("rangefinder: " + dir.resolve(unusable) + ": a DL4J program's file "
                    + "must be named after its class: NAME.java, NAME a Java class name (e.g. OneCycleTraining.java)"
                    + System.lineSeparator());
            assertThat(dir.resolve(unusable)).doesNotExist();
        }
        CliRun bad = CliRun.of("export", "--hyperparams", file.toString(), "--format", "cobol");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--format must be one of pytorch, fastai, dl4j, got 'cobol'");
    }

    @Test
    void runsAreListedShownAndDeleted() throws Exception {
        CliRun trained = run("train", "--hyperparams", file.toString(), "--epochs", "1");
        Matcher id = Pattern.compile("recorded as run (\\S+)").matcher(trained.out());
        assertThat(id.find()).as(trained.out()).isTrue();

        JsonNode lr = Json.MAPPER.readTree(file.toFile()).get("lr");
        CliRun list = run("runs", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out().lines().toList()).as(list.out()).hasSize(3);
        assertThat(list.out().lines().skip(1).findFirst().orElseThrow())
                .startsWith(id.group(1) + "  training one-cycle " + Format.lr(lr.get("min").asDouble()) + ".."
                        + Format.lr(lr.get("max").asDouble()) + "  finished  iris     mlp 128-128  ")
                .contains("completed  val acc ");
        assertThat(list.out()).contains("range-test").contains("valley ");

        JsonNode runs = Json.MAPPER.readTree(run("runs", "list", "--json").out());
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).get("kind").asText()).isEqualTo("training");
        assertThat(runs.get(1).get("results").has("valley")).isTrue();

        CliRun show = run("runs", "show", id.group(1).substring(0, 21));
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).containsPattern("status +finished \\(completed\\)\n")
                .containsPattern("epochs +1\n").containsPattern("finalValAccuracy +0\\.\\d+\n")
                .contains("epochs.csv, evaluations.csv, iterations.csv, run.json, settings.json");
        JsonNode shown = Json.MAPPER.readTree(run("runs", "show", id.group(1), "--json").out());
        assertThat(shown.get("id").asText()).isEqualTo(id.group(1));
        assertThat(shown.get("files")).hasSize(5);

        assertThat(run("runs", "delete", id.group(1)).out()).isEqualTo("deleted run " + id.group(1) + "\n");
        CliRun gone = run("runs", "show", id.group(1));
        assertThat(gone.code()).isEqualTo(2);
        assertThat(gone.err()).contains("no run '" + id.group(1) + "'");
        assertThat(RunHistory.open(workspace).list().runs()).extracting(RunRecord::kind)
                .containsExactly(RunKind.RANGE_TEST);
    }

    @Test
    void noHistoryRecordsNothing() {
        Path other = dir.resolve("other");
        CliRun r = CliRun.of("train", "--hyperparams", file.toString(), "--epochs", "1", "--no-history",
                "--workspace", other.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("recorded as run");
        assertThat(other).doesNotExist();
    }
}
