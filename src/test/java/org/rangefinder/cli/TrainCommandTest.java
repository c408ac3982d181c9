package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.hyperparams.HyperparameterFile;
import org.rangefinder.hyperparams.Hyperparameters;
import picocli.CommandLine;

class TrainCommandTest {

    @Test
    void oneCycleTrainingReportsEachEpochAndWritesResultAndModel(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");
        Path model = dir.resolve("model.zip");
        CliRun r = CliRun.of("train", "--dataset", "iris", "--batch-size", "16", "--epochs", "3",
                "--max-lr", "0.1", "--min-lr", "0.01", "--out", json.toString(), "--save-model", model.toString(),
                "--val-fraction", "0.25", "--workspace", dir.resolve("runs").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("epoch").contains("val acc").contains("stopped: completed");
        assertThat(r.out().lines().filter(l -> l.matches("\\s+[123]\\s+.*%.*"))).hasSize(3);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("config").get("oneCycle").get("divFactor").asDouble()).isEqualTo(10.0);
        // the data options too: the run is reproduced from the file only with its split
        assertThat(root.get("data").get("validationFraction").asDouble()).isEqualTo(0.25);
        assertThat(root.get("data").get("splitSeed").asLong()).isEqualTo(42);
        assertThat(root.get("epochs")).hasSize(3);
        assertThat(root.get("epochs").get(0).has("valAccuracy")).isTrue();
        // 13 of each class of 50 held out (0.25 x 50 rounded half up): 111 to train on, 7 batches of up to 16
        assertThat(root.get("iterations")).hasSize(3 * 7);
        // initial lr = max_lr / div_factor = 0.1 / (0.1 / 0.01), as OneCycleLR computes it (0.009999999999999995)
        assertThat(root.get("iterations").get(0).get("lr").asDouble())
                .isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(root.get("stopReason").asText()).isEqualTo("completed");
        assertThat(Files.size(model)).isPositive();
    }

    /**
     * --dataset replaces a hyperparameter file's dataset, and its data options with it: the label column the file
     * names belongs to its own table (here "kind"), and another table is read with the defaults (its last column).
     */
    @Test
    void anotherDatasetDoesNotTakeTheFilesLabelColumn(@TempDir Path dir) throws Exception {
        StringBuilder named = new StringBuilder("kind,a,b\n");
        StringBuilder other = new StringBuilder("a,b,c,y\n");
        for (int i = 0; i < 40; i++) {
            named.append(i % 2 == 0 ? "even" : "odd").append(',').append(i % 2).append(',').append(i * 0.1).append('\n');
            other.append(i % 2).append(',').append(i * 0.1).append(',').append(1 - i % 2).append(',').append(i % 2)
                    .append('\n');
        }
        Path first = Files.writeString(dir.resolve("first.csv"), named);
        Path second = Files.writeString(dir.resolve("second.csv"), other);
        Path h = dir.resolve("h.json");
        CliRun made = CliRun.of("range-test", "--dataset", first.toString(), "--label", "kind", "--iterations", "20",
                "--batch-size", "8", "--no-history", "--hyperparams-out", h.toString());
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(Files.readString(h)).contains("\"labelColumn\" : \"kind\"");

        CliRun r = CliRun.of("train", "--hyperparams", h.toString(), "--dataset", second.toString(), "--epochs", "1",
                "--no-history");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("train: second.csv, ");
    }

    /** A table of 40 rows whose label, the first column 'kind', is even or odd. */
    private static final String EVEN_ODD = evenOdd();

    private static String evenOdd() {
        StringBuilder table = new StringBuilder("kind,a,b\n");
        for (int i = 0; i < 40; i++) {
            table.append(i % 2 == 0 ? "even" : "odd").append(',').append(i % 2).append(',').append(i * 0.1).append('\n');
        }
        return table.toString();
    }

    /** Writes the hyperparameters of a range test on {@link #EVEN_ODD} at {@code file}: label 'kind', 30% held out. */
    private static Path hyperparametersOfEvenOdd(Path table, Path file) {
        CliRun made = CliRun.of("range-test", "--dataset", table.toString(), "--label", "kind", "--val-fraction", "0.3",
                "--iterations", "20", "--batch-size", "8", "--no-history", "--hyperparams-out", file.toString());
        assertThat(made.code()).as(made.err()).isZero();
        return file;
    }

    /**
     * The file's own dataset named by --dataset in another spelling (through "." or a link) keeps the file's split and
     * label column: the paths were compared as text, and the run took the defaults.
     */
    @Test
    void theFilesDatasetSpelledAnotherWayKeepsItsDataOptions(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("first.csv"), EVEN_ODD);
        Path h = hyperparametersOfEvenOdd(first, dir.resolve("h.json"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), first);
        for (Path spelled : List.of(dir.resolve(".").resolve("first.csv"), link)) {
            Path out = dir.resolve("result.json");
            CliRun r = CliRun.of("train", "--hyperparams", h.toString(), "--dataset", spelled.toString(), "--epochs",
                    "1", "--no-history", "--out", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode data = new ObjectMapper().readTree(out.toFile()).get("data");
            assertThat(data.get("validationFraction").asDouble()).as(spelled.toString()).isEqualTo(0.3);
            assertThat(data.get("labelColumn").asText()).as(spelled.toString()).isEqualTo("kind");
        }
    }

    /**
     * The file's dataset moved (its path is gone, and the refusal without --dataset asks for where it is now): the
     * data --dataset names is taken for it, with the file's split and label column, saying so, and compared with the
     * file's description: the same bytes give no warning of a change, other bytes do. Another dataset, while the
     * file's is there, takes the defaults.
     */
    @Test
    void theFilesDatasetMovedKeepsItsDataOptionsAndIsCompared(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("first.csv"), EVEN_ODD);
        Path h = hyperparametersOfEvenOdd(first, dir.resolve("h.json"));
        Path other = Files.writeString(dir.resolve("other.csv"), EVEN_ODD.replace("kind,a,b", "a,b,kind")
                .replaceAll("(?m)^(even|odd),(.*)$", "$2,$1"));
        Path out = dir.resolve("result.json");
        CliRun another = CliRun.of("train", "--hyperparams", h.toString(), "--dataset", other.toString(), "--epochs",
                "1", "--no-history", "--out", out.toString());
        assertThat(another.code()).as(another.err()).isZero();
        assertThat(another.err()).isEmpty();
        assertThat(new ObjectMapper().readTree(out.toFile()).get("data").get("validationFraction").asDouble())
                .isEqualTo(0.2);

        Path moved = Files.move(first, Files.createDirectory(dir.resolve("moved")).resolve("first.csv"));
        CliRun refused = CliRun.of("train", "--hyperparams", h.toString(), "--epochs", "1", "--no-history");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("give --dataset PATH where the data is now");
        CliRun r = CliRun.of("train", "--hyperparams", h.toString(), "--dataset", moved.toString(), "--epochs", "1",
                "--no-history", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("warning: " + h + ": dataset.path '" + first + "' is not there; --dataset "
                + moved + " is taken for its data, moved, with the file's label column, split and image size"
                + System.lineSeparator());
        JsonNode data = new ObjectMapper().readTree(out.toFile()).get("data");
        assertThat(data.get("validationFraction").asDouble()).isEqualTo(0.3);
        assertThat(data.get("labelColumn").asText()).isEqualTo("kind");

        Files.writeString(moved, EVEN_ODD.replace("odd,1,3.9", "odd,1,4.0"));
        CliRun changed = CliRun.of("train", "--hyperparams", h.toString(), "--dataset", moved.toString(), "--epochs",
                "1", "--no-history");
        assertThat(changed.code()).as(changed.err()).isZero();
        assertThat(changed.err()).contains("warning: dataset " + moved + " (recorded at " + first + ") changed since "
                + "the file was written");
    }

    /**
     * --hyperparams-out describes the run: the range test of the --hyperparams file is left out of it when it ran on
     * another model, with another optimizer or on other data than the run, with a warning worded as the window's
     * export words it, and the bounds keep how they were chosen (valley), as the window's do. It was copied in: the
     * file said digits and lenet, with the range test of an mlp on iris.
     */
    @Test
    void theFilesRangeTestIsLeftOutOfTheFileOfAnotherRun(@TempDir Path dir) throws Exception {
        Path rt = dir.resolve("rt.json");
        CliRun made = CliRun.of("range-test", "--dataset", "iris", "--iterations", "60", "--batch-size", "16",
                "--no-history", "--hyperparams-out", rt.toString());
        assertThat(made.code()).as(made.err()).isZero();
        Hyperparameters proposed = HyperparameterFile.read(rt).hyperparameters();
        assertThat(proposed.lr().chosenBy()).isEqualTo("valley");
        Path rt2 = dir.resolve("rt2.json");
        List<List<String>> runs = List.of(List.of("--model", "lenet", "--dataset", "digits"),
                List.of("--optimizer", "adam"), List.of("--dataset", "wine"));
        List<String> reasons = List.of("it ran on another model than the 1cycle run",
                "it ran with another optimizer (nesterov) than the 1cycle run (adam)",
                "it ran on other data than the file describes");
        for (int i = 0; i < runs.size(); i++) {
            List<String> args = new ArrayList<>(List.of("train", "--hyperparams", rt.toString(), "--epochs",
                    "1", "--no-history", "--hyperparams-out", rt2.toString()));
            args.addAll(runs.get(i));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).isEqualTo("warning: " + rt2 + ": the range test is left out: " + reasons.get(i)
                    + System.lineSeparator());
            assertThat(r.lines()[r.lines().length - 1]).isEqualTo("wrote " + rt2);
            Hyperparameters written = HyperparameterFile.read(rt2).hyperparameters();
            assertThat(written.rangeTest()).as(runs.get(i).toString()).isNull();
            assertThat(written.lr()).isEqualTo(proposed.lr());
            if (i == 0) {
                assertThat(written.dataset().name()).isEqualTo("digits");
                assertThat(written.model().preset()).isEqualTo("lenet");
            }
        }

        CliRun same = CliRun.of("train", "--hyperparams", rt.toString(), "--epochs", "1", "--no-history",
                "--hyperparams-out", rt2.toString());
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(same.err()).isEmpty();
        assertThat(HyperparameterFile.read(rt2).hyperparameters().rangeTest()).isEqualTo(proposed.rangeTest());
    }

    /**
     * The range test of a file whose data is named another way (through "." or a link), or moved where --dataset
     * says, ran on the data the run reads: --hyperparams-out keeps it.
     */
    @Test
    void theFilesRangeTestOnItsOwnDataSpelledOtherwiseOrMovedIsKept(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("first.csv"), EVEN_ODD);
        Path h = hyperparametersOfEvenOdd(first, dir.resolve("h.json"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), first);
        Path out = dir.resolve("out.json");
        for (Path spelled : List.of(dir.resolve(".").resolve("first.csv"), link)) {
            CliRun r = CliRun.of("train", "--hyperparams", h.toString(), "--dataset", spelled.toString(), "--epochs",
                    "1", "--no-history", "--hyperparams-out", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(HyperparameterFile.read(out).hyperparameters().rangeTest()).as(spelled.toString())
                    .isEqualTo(HyperparameterFile.read(h).hyperparameters().rangeTest());
        }
        Path moved = Files.move(first, Files.createDirectory(dir.resolve("moved")).resolve("first.csv"));
        CliRun r = CliRun.of("train", "--hyperparams", h.toString(), "--dataset", moved.toString(), "--epochs", "1",
                "--no-history", "--hyperparams-out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("warning: " + h + ": dataset.path '" + first + "' is not there; --dataset "
                + moved + " is taken for its data, moved, with the file's label column, split and image size"
                + System.lineSeparator());
        assertThat(HyperparameterFile.read(out).hyperparameters().rangeTest())
                .isEqualTo(HyperparameterFile.read(h).hyperparameters().rangeTest());
    }

    /**
     * A dataset path that is no path on this machine (a NUL in it here; on Windows, a Linux path with a colon) is
     * refused as missing, naming the field, and taken for moved data when --dataset says where the data is.
     */
    @Test
    void aDatasetPathThatIsNoPathHereIsRefusedOrTakenForMoved(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("first.csv"), EVEN_ODD);
        Path h = hyperparametersOfEvenOdd(first, dir.resolve("h.json"));
        ObjectNode file = (ObjectNode) new ObjectMapper().readTree(h.toFile());
        ((ObjectNode) file.get("dataset")).put("path", "first\u0000.csv");
        Files.writeString(h, new ObjectMapper().writeValueAsString(file));
        CliRun refused = CliRun.of("train", "--hyperparams", h.toString(), "--epochs", "1", "--no-history");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).startsWith("rangefinder: " + h + ": dataset.path 'first\u0000.csv' is no path on "
                + "this machine (").contains("give --dataset PATH where the data is now").doesNotContain("\tat ");
        CliRun moved = CliRun.of("train", "--hyperparams", h.toString(), "--dataset", first.toString(), "--epochs",
                "1", "--no-history");
        assertThat(moved.code()).as(moved.err()).isZero();
        assertThat(moved.err()).contains("is taken for its data, moved");
    }

    /**
     * --hyperparams-out writes --min-lr as given, as the window writes its min marker: the cycle's initial LR,
     * max / (max / min), is 0.007000000000000001 for 0.07 and 0.007.
     */
    @Test
    void theMinLrGivenIsTheMinLrWritten(@TempDir Path dir) throws Exception {
        Path h = dir.resolve("h.json");
        CliRun r = CliRun.of("train", "--dataset", "iris", "--epochs", "1", "--batch-size", "16", "--max-lr", "0.07",
                "--min-lr", "0.007", "--no-history", "--hyperparams-out", h.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Hyperparameters written = HyperparameterFile.read(h).hyperparameters();
        assertThat(written.lr().min()).isEqualTo(0.007);
        assertThat(written.lr().max()).isEqualTo(0.07);
        assertThat(written.oneCycleSettings().initialLr()).isEqualTo(0.007000000000000001);
    }

    /** A run that blows up in its first epoch stops before any evaluation: it reports none, not a NaN one. */
    @Test
    void aRunStoppedBeforeItsFirstEvaluationSaysNoneRan() {
        CliRun r = CliRun.of("train", "--dataset", "iris", "--no-history", "--max-lr", "1e300", "--epochs", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("stopped: non-finite after ").contains("; no evaluation ran")
                .doesNotContain("NaN");
    }

    /**
     * A run that blows up leaves NaNs in its network: --save-model wrote them over the file there (exit 0, "wrote").
     * It is not written now, and a line says so; the result file, which records the blow-up, is.
     */
    @Test
    void aNetworkWhoseParametersAreNotFiniteIsNotSaved(@TempDir Path dir) throws Exception {
        Path model = Files.writeString(dir.resolve("nan.zip"), "a good model");
        Path json = dir.resolve("result.json");
        CliRun r = CliRun.of("train", "--dataset", "iris", "--epochs", "2", "--batch-size", "16", "--max-lr", "1e6",
                "--min-lr", "1e5", "--no-history", "--out", json.toString(), "--save-model", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lines()).hasSize(5);
        assertThat(r.lines()[2]).startsWith("stopped: non-finite after 3 of 16 iterations, ");
        assertThat(r.lines()[3]).isEqualTo("wrote " + json);
        assertThat(r.lines()[4]).isEqualTo("the network's parameters are not all finite: " + model + " not written, "
                + "a file there is left as it was");
        assertThat(Files.readString(model)).isEqualTo("a good model");
        assertThat(new ObjectMapper().readTree(json.toFile()).get("stopReason").asText()).isEqualTo("non-finite");
    }

    /**
     * A run cancelled before its first step (Ctrl-C once the data has loaded) wrote its files, an untrained network
     * over the model there among them. It writes none, as a range test cancelled before its first point, and says so.
     * The token is cancelled before the run: iris's 150 lines load without asking it (a load asks every 1024).
     */
    @Test
    void aRunCancelledBeforeItsFirstStepWritesNoFile(@TempDir Path dir) throws Exception {
        Path json = Files.writeString(dir.resolve("result.json"), "kept");
        Path model = Files.writeString(dir.resolve("model.zip"), "kept");
        Path h = Files.writeString(dir.resolve("h.json"), "kept");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        TrainCommand train = new TrainCommand();
        new CommandLine(train).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).parseArgs("--dataset", "iris",
                "--batch-size", "16", "--epochs", "2", "--max-lr", "0.1", "--no-history", "--out", json.toString(), "--save-model",
                model.toString(), "--hyperparams-out", h.toString());
        CancelToken cancelled = new CancelToken();
        cancelled.cancel();

        assertThat(train.run(cancelled)).as(err.toString()).isZero();

        String[] lines = out.toString().split("\\R");
        assertThat(lines).hasSize(4);
        assertThat(lines[2]).startsWith("stopped: cancelled after 0 of 16 iterations, ").endsWith("; no evaluation ran");
        assertThat(lines[3]).isEqualTo("no step was taken: no file written, those there are left as they were");
        for (Path file : List.of(json, model, h)) {
            assertThat(Files.readString(file)).isEqualTo("kept");
        }
    }

    /** Plain SGD has no momentum: the files of its run say 0, not cycled, and read back. */
    @Test
    void anSgdRunsFilesClaimNoMomentum(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("sgd.json");
        Path h = dir.resolve("sgdh.json");
        CliRun r = CliRun.of("train", "--dataset", "iris", "--no-history", "--max-lr", "0.1", "--epochs", "3",
                "--optimizer", "sgd", "--out", json.toString(), "--hyperparams-out", h.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode config = new ObjectMapper().readTree(json.toFile()).get("config");
        assertThat(config.get("momentum").asDouble()).isZero();
        assertThat(config.get("oneCycle").get("cycleMomentum").asBoolean()).isFalse();
        assertThat(config.get("oneCycle").get("baseMomentum").asDouble()).isZero();
        assertThat(config.get("oneCycle").get("maxMomentum").asDouble()).isZero();
        JsonNode file = new ObjectMapper().readTree(h.toFile());
        assertThat(file.get("optimizer").get("momentum").asDouble()).isZero();
        assertThat(file.get("oneCycle").get("cycleMomentum").asBoolean()).isFalse();
        assertThat(file.get("oneCycle").get("maxMomentum").asDouble()).isZero();
        CliRun again = CliRun.of("train", "--hyperparams", h.toString(), "--no-history");
        assertThat(again.code()).as(again.err()).isZero();
    }

    /**
     * A file of plain SGD that says to cycle the momentum (written by hand: SGD has none to cycle, and the file is
     * read all the same) trained with --optimizer nesterov cycles it, as the file says: the file's cycleMomentum
     * holds for the optimizer the run trains with.
     */
    @Test
    void anSgdFilesCycledMomentumHoldsForTheOptimizerGivenInstead(@TempDir Path dir) throws Exception {
        Path nesterov = dir.resolve("nesterov.json");
        CliRun written = CliRun.of("train", "--dataset", "iris", "--epochs", "3", "--batch-size", "16", "--max-lr",
                "0.1", "--no-history", "--hyperparams-out", nesterov.toString());
        assertThat(written.code()).as(written.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        ObjectNode file = (ObjectNode) json.readTree(nesterov.toFile());
        file.putObject("optimizer").put("name", "sgd").put("weightDecay", 0.0);
        Path sgd = Files.writeString(dir.resolve("sgd.json"), json.writeValueAsString(file));
        assertThat(HyperparameterFile.read(sgd).hyperparameters().oneCycleSettings().cycleMomentum()).isFalse();

        Path out = dir.resolve("out.json");
        CliRun r = CliRun.of("train", "--hyperparams", sgd.toString(), "--optimizer", "nesterov", "--no-history",
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode cycle = json.readTree(out.toFile()).get("config").get("oneCycle");
        assertThat(cycle.get("cycleMomentum").asBoolean()).isTrue();
        assertThat(cycle.get("baseMomentum").asDouble()).isEqualTo(0.85);
        assertThat(cycle.get("maxMomentum").asDouble()).isEqualTo(0.95);
    }

    /**
     * What a run prints, line by line: the header with its schedule, the epoch table, the stop line with the last
     * evaluation, each file in the order --out, --save-model, --hyperparams-out, and the run's id in the history.
     * Off a terminal stderr stays empty.
     */
    @Test
    void aRunPrintsItsHeaderEpochsStopLineFilesWrittenAndRunInThatOrder(@TempDir Path dir) {
        Path json = dir.resolve("result.json");
        Path model = dir.resolve("model.zip");
        Path h = dir.resolve("h.json");
        Path runs = dir.resolve("runs");
        CliRun r = CliRun.of("train", "--dataset", "iris", "--batch-size", "16", "--epochs", "2", "--max-lr", "0.1",
                "--min-lr", "0.01", "--hyperparams-out", h.toString(), "--save-model", model.toString(), "--out",
                json.toString(), "--workspace", runs.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        String[] lines = r.lines();
        assertThat(lines).hasSize(9);
        // 120 of iris's 150 samples train (a validation fraction of 0.2): ceil(120 / 16) = 8 iterations an epoch
        assertThat(lines[0]).isEqualTo("train: iris, mlp 128-128, one-cycle lr 1.00e-02..1.00e-01..1.00e-06 (cos, "
                + "pct-start 0.3), nesterov momentum 0.95..0.85..0.95, weight decay 0.0, batch 16, seed 42, 2 epochs "
                + "of 8 iterations");
        assertThat(lines[1]).isEqualTo(" epoch  train loss   val loss  val acc      time");
        assertThat(lines[2]).matches("     1 +\\d+\\.\\d{4} +\\d+\\.\\d{4} +\\d+\\.\\d{2}% +\\d+\\.\\ds");
        assertThat(lines[3]).matches("     2 +\\d+\\.\\d{4} +\\d+\\.\\d{4} +\\d+\\.\\d{2}% +\\d+\\.\\ds");
        assertThat(lines[4]).matches("stopped: completed after 16 of 16 iterations, \\d+\\.\\d s; last evaluation: "
                + "val loss \\d+\\.\\d{4}, val accuracy \\d+\\.\\d{2}%");
        assertThat(lines[5]).isEqualTo("wrote " + json);
        assertThat(lines[6]).isEqualTo("wrote " + model);
        assertThat(lines[7]).isEqualTo("wrote " + h);
        assertThat(lines[8]).matches("recorded as run (\\S+) \\(rangefinder runs show \\1 --workspace .*\\)");
    }

    /** A constant run's header names its one learning rate; without --no-history nothing else follows the stop. */
    @Test
    void aConstantRunsHeaderNamesItsLearningRate() {
        CliRun r = CliRun.of("train", "--dataset", "iris", "--schedule", "constant", "--lr", "0.05", "--epochs", "1",
                "--optimizer", "adam", "--no-history");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lines()).hasSize(4);
        assertThat(r.lines()[0])
                .isEqualTo("train: iris, mlp 128-128, constant lr 5.00e-02, adam momentum 0.9, weight decay 0.0, "
                        + "batch 64, seed 42, 1 epoch of 2 iterations");
        assertThat(r.lines()[3]).startsWith("stopped: completed after 2 of 2 iterations, ");
    }

    /** One epoch of one iteration (a batch of all 120 training samples) is counted in the singular. */
    @Test
    void aRunOfOneIterationCountsItInTheSingular() {
        CliRun r = CliRun.of("train", "--dataset", "iris", "--schedule", "constant", "--lr", "0.05", "--epochs", "1",
                "--batch-size", "120", "--no-history");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lines()[0]).endsWith(", batch 120, seed 42, 1 epoch of 1 iteration");
        assertThat(r.lines()[3]).startsWith("stopped: completed after 1 of 1 iteration, ");
    }

    /**
     * A network too large for the machine's memory (a wide resnet on all 60,000 MNIST images in one batch: terabytes
     * of activations) is refused before the run prints anything on stdout: no header, no empty epoch table.
     */
    @Test
    void aNetworkTooLargeForTheMachineIsRefusedWithNothingOnStdout(@TempDir Path dir) throws Exception {
        Path wide = Files.writeString(dir.resolve("wide.json"), "{\"preset\": \"resnet\", \"blocks\": 4, "
                + "\"channels\": 256}");
        CliRun r = CliRun.of("train", "--dataset", "mnist", "--model", wide.toString(), "--batch-size", "60000",
                "--epochs", "10", "--max-lr", "0.1", "--no-history");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("rangefinder: model resnet 4 blocks, 256 channels on 'mnist' (samples of "
                + "1x28x28), batch 60000, needs about ").endsWith(" GiB of memory; use a smaller model, smaller samples "
                + "or a smaller batch" + System.lineSeparator());
    }

    /** A hyperparameter file describes a 1cycle: a constant run is refused one before it runs. */
    @Test
    void aConstantRunWritesNoHyperparameterFile(@TempDir Path dir) {
        Path h = dir.resolve("h.json");
        CliRun r = CliRun.of("train", "--dataset", "iris", "--schedule", "constant", "--lr", "0.05", "--no-history",
                "--hyperparams-out", h.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("rangefinder: --hyperparams-out describes a one-cycle run; this one uses a "
                + "constant learning rate" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(h).doesNotExist();
    }

    /**
     * Data that changed since a hyperparameter file was written is trained on with a warning for each difference;
     * named again with --dataset, it is taken as it is now, without one.
     */
    @Test
    void dataChangedSinceTheFileWasWrittenIsWarnedOf(@TempDir Path dir) throws Exception {
        Path data = Files.copy(Path.of("datasets/iris/iris.csv"), dir.resolve("data.csv"));
        Path h = dir.resolve("h.json");
        CliRun made = CliRun.of("range-test", "--dataset", data.toString(), "--iterations", "20", "--batch-size", "16",
                "--no-history", "--hyperparams-out", h.toString());
        assertThat(made.code()).as(made.err()).isZero();
        List<String> rows = Files.readAllLines(data);
        Files.write(data, rows.subList(0, rows.size() - 10));

        CliRun r = CliRun.of("train", "--hyperparams", h.toString(), "--epochs", "1", "--no-history");
        assertThat(r.code()).as(r.err()).isZero();
        String[] warnings = r.err().split("\\R");
        assertThat(warnings).hasSize(2);
        assertThat(warnings[0])
                .startsWith("warning: dataset " + data + " changed since the file was written (SHA-256 ");
        assertThat(warnings[1]).isEqualTo("warning: dataset " + data + " now splits into 112 training samples and 28 "
                + "validation samples; the file recorded 120 and 30");
        assertThat(r.out()).startsWith("train: data.csv, ");

        CliRun again = CliRun.of("train", "--hyperparams", h.toString(), "--dataset", data.toString(), "--epochs", "1",
                "--no-history");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).isEmpty();
    }

    /**
     * A hyperparameter file written from one whose data changed describes the data the run trained on: its SHA-256
     * and sizes now, with the schedule's steps taken from them, so that it reads back and repeats the run. Either way
     * the data is named: by the file, or by --dataset again; its sizes changed or only its bytes.
     */
    @Test
    void aFileWrittenFromAFileWhoseDataChangedDescribesTheDataAsTrainedOn(@TempDir Path dir) throws Exception {
        Path data = Files.copy(Path.of("datasets/iris/iris.csv"), dir.resolve("data.csv"));
        Path h = dir.resolve("h.json");
        CliRun made = CliRun.of("train", "--dataset", data.toString(), "--batch-size", "16", "--epochs", "1",
                "--max-lr", "0.1", "--min-lr", "0.01", "--no-history", "--hyperparams-out", h.toString());
        assertThat(made.code()).as(made.err()).isZero();
        List<String> rows = Files.readAllLines(data);
        Files.write(data, rows.subList(0, rows.size() - 10));

        Path fewer = dir.resolve("fewer.json");
        CliRun r = CliRun.of("train", "--hyperparams", h.toString(), "--no-history", "--hyperparams-out",
                fewer.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err().split("\\R")).hasSize(2);
        assertThat(r.out()).contains("wrote " + fewer);
        // 112 of the 140 samples left train: 1 x ceil(112 / 16) = 7 steps
        Hyperparameters written = HyperparameterFile.read(fewer).hyperparameters();
        assertThat(written.dataset().sha256()).isEqualTo(sha256(data));
        assertThat(written.dataset().trainSamples()).isEqualTo(112);
        assertThat(written.dataset().validationSamples()).isEqualTo(28);
        assertThat(written.oneCycle().totalSteps()).isEqualTo(7);
        assertThat(written.training().totalIterations()).isEqualTo(7);

        Files.writeString(data, Files.readString(data).replace("5.1,3.5,1.4,0.2,0", "5.1,3.5,1.4,0.3,0"));
        Path edited = dir.resolve("edited.json");
        CliRun again = CliRun.of("train", "--hyperparams", fewer.toString(), "--dataset", data.toString(),
                "--no-history", "--hyperparams-out", edited.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).isEmpty();
        Hyperparameters rewritten = HyperparameterFile.read(edited).hyperparameters();
        assertThat(rewritten.dataset().sha256()).isEqualTo(sha256(data)).isNotEqualTo(written.dataset().sha256());
        assertThat(rewritten.dataset().trainSamples()).isEqualTo(112);
        assertThat(rewritten.oneCycle().totalSteps()).isEqualTo(7);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Each bad setting is one line on stderr, the whole message checked, and exit code 2. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "--max-lr 0.1 --pct-start 1.5 | --pct-start must be between 0 and 1 (both excluded), got 1.5",
        "--max-lr 0.1 --min-lr 0.2 | --min-lr must be below --max-lr, got --min-lr 0.2 and --max-lr 0.1",
        "--max-lr 0.1 --epochs 0 | --epochs must be at least 1, got 0",
        "--max-lr 0.1 --epochs 2000000 --batch-size 120 | --epochs 2000000 of 1 iteration each make 2000000 "
                + "iterations; at most 1000000",
        "--epochs 1 | --max-lr is required for a one-cycle schedule",
        "--schedule constant | --lr is required for a constant schedule",
        "--schedule constant --lr 0 | --lr must be a number > 0 for a constant schedule, got 0.0",
        "--max-lr 0.1 --min-lr 0.01 --div-factor 5 | --min-lr and --div-factor both set the start of the cycle; give "
                + "one, not both",
        "--max-lr 0.1 --schedule sometimes | --schedule must be one of 'one-cycle', 'constant', got 'sometimes'",
        "--schedule constant --lr 0.1 --max-lr 0.5 | --max-lr sets a one-cycle schedule; a constant one takes --lr only",
        "--max-lr 0.1 --lr 0.01 | --lr sets a constant schedule (--schedule constant); a one-cycle one takes --max-lr "
                + "and --min-lr",
        "--max-lr 0.1 --label 2 | --label names a column of a CSV file; iris is not one",
        "--max-lr 0.1 --momentum 0.5 | --momentum 0.5 is not used: the one-cycle schedule cycles the momentum from "
                + "--max-momentum down to --base-momentum and back; give those, or --no-cycle-momentum to hold "
                + "--momentum",
        "--max-lr 0.1 --no-cycle-momentum --optimizer sgd --momentum 0.5 | --momentum 0.5 is not used: plain SGD "
                + "(--optimizer sgd) has no momentum; use --optimizer nesterov or adam for one",
        "--max-lr 0.1 --optimizer sgd --base-momentum 0.5 | --base-momentum 0.5 is not used: plain SGD "
                + "(--optimizer sgd) has no momentum; use --optimizer nesterov or adam for one",
        "--max-lr 0.1 --optimizer sgd --max-momentum 0.6 | --max-momentum 0.6 is not used: plain SGD (--optimizer sgd) "
                + "has no momentum; use --optimizer nesterov or adam for one",
        "--max-lr 0.1 --no-cycle-momentum --max-momentum 0.5 | --max-momentum 0.5 is not used: --no-cycle-momentum "
                + "holds the optimizer's --momentum instead",
    })
    void badSettingsExitWithCodeTwo(String options, String expected) {
        CliRun r = CliRun.of(("train --dataset iris " + options).split(" "));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("rangefinder: " + expected + System.lineSeparator());
    }

    /**
     * The header shows every setting the run applies, its learning rates as the CLI writes learning rates: it hid the
     * weight decay, the batch size, the momentum's cycle and the final LR, and wrote the initial LR of --max-lr 0.138
     * --min-lr 0.0138 as PyTorch computes it, 0.013799999999999998. A three-phase cycle goes back to its start; a
     * momentum held fixed is shown as it is.
     */
    @Test
    void theHeaderShowsTheSettingsTheRunApplies() {
        CliRun r = CliRun.of("train", "--dataset", "iris", "--batch-size", "32", "--weight-decay", "1e-4", "--epochs",
                "1", "--max-lr", "0.138", "--min-lr", "0.0138", "--no-history");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lines()[0]).isEqualTo("train: iris, mlp 128-128, one-cycle lr 1.38e-02..1.38e-01..1.38e-06 "
                + "(cos, pct-start 0.3), nesterov momentum 0.95..0.85..0.95, weight decay 1.0E-4, batch 32, seed 42, "
                + "1 epoch of 4 iterations");
        CliRun three = CliRun.of("train", "--dataset", "iris", "--batch-size", "16", "--epochs", "2", "--max-lr",
                "0.05", "--three-phase", "--anneal", "linear", "--no-cycle-momentum", "--momentum", "0.8", "--seed",
                "7", "--no-history");
        assertThat(three.code()).as(three.err()).isZero();
        assertThat(three.lines()[0]).isEqualTo("train: iris, mlp 128-128, one-cycle lr 2.00e-03..5.00e-02..2.00e-03.."
                + "2.00e-07 (three-phase, linear, pct-start 0.3), nesterov momentum 0.8, weight decay 0.0, batch 16, "
                + "seed 7, 2 epochs of 8 iterations");
    }
}
