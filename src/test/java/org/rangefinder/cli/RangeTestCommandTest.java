package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rangefinder.TestData;
import org.rangefinder.data.DataOptions;
import org.rangefinder.files.Json;
import org.rangefinder.history.RunHistory;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.RangeTestConfig;

class RangeTestCommandTest {

    @Test
    void rangeTestPrintsStopReasonAndSuggestionsAndWritesJsonAndCsv(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");
        Path csv = dir.resolve("curve.csv");
        CliRun r = CliRun.of("range-test", "--dataset", "iris", "--batch-size", "16", "--iterations", "60",
                "--smoothing", "0.9", "--out", json.toString(), "--csv", csv.toString(),
                "--workspace", dir.resolve("runs").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("stopped: ").contains("valley").contains("1cycle");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        JsonNode run = root.get("runs").get(0);
        assertThat(run.get("config").get("iterations").asInt()).isEqualTo(60);
        assertThat(run.get("config").get("startLr").asDouble()).isEqualTo(1e-7);
        assertThat(run.get("points").get(0).get("lr").asDouble()).isEqualTo(1e-7);
        assertThat(run.get("points").get(0).has("smoothedLoss")).isTrue();
        assertThat(run.get("stopReason").asText()).isIn("completed", "diverged");
        assertThat(run.get("suggestions").get("range").get("max").asDouble())
                .isEqualTo(run.get("suggestions").get("valley").asDouble());
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("iteration,lr,loss,smoothed_loss");
        assertThat(lines).hasSize(run.get("points").size() + 1);
        assertThat(lines.get(1)).startsWith("0,1.0E-7,");
        assertThat(Files.readString(csv)).as("the curve the run history stored").isEqualTo(recorded(dir, "curve.csv"));
        // suggest reads what range-test wrote, smoothed as the run was (beta 0.9, not its own default)
        JsonNode own = run.get("suggestions");
        for (Path file : List.of(json, csv)) {
            CliRun suggested = CliRun.of("suggest", "--in", file.toString(), "--json");
            assertThat(suggested.code()).as(suggested.err()).isZero();
            JsonNode again = new ObjectMapper().readTree(suggested.out());
            for (String method : List.of("steep", "valley", "minimum")) {
                assertThat(again.get(method).asDouble()).as(file + " " + method).isEqualTo(own.get(method).asDouble());
            }
        }
        assertThat(CliRun.of("suggest", "--in", csv.toString()).out()).contains("losses   the file's smoothed losses");
    }

    /**
     * An image folder is read at the size and in the colours asked for, which --hyperparams-out records and train
     * --hyperparams reads back; a size out of range or not a size is refused with exit code 2.
     */
    @Test
    void anImageFolderIsReadAtTheImageSizeAndColoursAsked(@TempDir Path dir) throws Exception {
        Path folder = TestData.imageFolder(dir.resolve("shapes"), 20);
        Path h = dir.resolve("h.json");
        CliRun r = CliRun.of("range-test", "--dataset", folder.toString(), "--image-size", "8x6", "--rgb",
                "--batch-size", "4", "--iterations", "20", "--no-history", "--hyperparams-out", h.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode dataset = new ObjectMapper().readTree(h.toFile()).get("dataset");
        assertThat(dataset.get("imageWidth").asInt()).isEqualTo(8);
        assertThat(dataset.get("imageHeight").asInt()).isEqualTo(6);
        assertThat(dataset.get("grayscale").asBoolean()).isFalse();
        assertThat(dataset.get("sampleShape").toString()).isEqualTo("[3,6,8]");

        CliRun trained = CliRun.of("train", "--hyperparams", h.toString(), "--epochs", "1", "--no-history");
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(trained.err()).as("the data as the file describes it").doesNotContain("warning");
        Path h2 = dir.resolve("h2.json");
        CliRun overridden = CliRun.of("train", "--hyperparams", h.toString(), "--epochs", "1", "--no-history",
                "--image-size", "4", "--no-rgb", "--hyperparams-out", h2.toString());
        assertThat(overridden.code()).as(overridden.err()).isZero();
        assertThat(overridden.err()).contains("now has samples of shape [1, 4, 4] in 2 classes; the file recorded "
                + "[3, 6, 8]");
        JsonNode again = new ObjectMapper().readTree(h2.toFile()).get("dataset");
        assertThat(again.get("imageWidth").asInt()).isEqualTo(4);
        assertThat(again.get("grayscale").asBoolean()).isTrue();

        for (String[] bad : List.of(new String[] {"0x6", "--image-size must be from 1x1 to 4096x4096 pixels, got 0x6"},
                new String[] {"8x6x2", "--image-size must be WIDTHxHEIGHT in pixels, such as 32x32, or one number "
                        + "for a square, got '8x6x2'"})) {
            CliRun refused = CliRun.of("range-test", "--dataset", folder.toString(), "--image-size", bad[0]);
            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err().strip()).isEqualTo("rangefinder: " + bad[1]);
        }
    }

    @Test
    void aBadModelSpecFileExitsWithCodeTwoNamingTheFileAndTheField(@TempDir Path dir) throws Exception {
        Path big = Files.writeString(dir.resolve("big.json"),
                "{\"preset\": \"mlp\", \"hiddenSizes\": [100000, 100000]}");
        Path trailing = Files.writeString(dir.resolve("trailing.json"), "{\"preset\": \"mlp\"} x");
        CliRun r = CliRun.of("range-test", "--dataset", "iris", "--model", big.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualToIgnoringNewLines("rangefinder: " + big + ": model spec: 'hiddenSizes[0]' must be "
                + "between 1 and 4096 units, got 100000");
        r = CliRun.of("range-test", "--dataset", "iris", "--model", trailing.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualToIgnoringNewLines("rangefinder: " + trailing + ": not valid JSON at line 1, column "
                + "19: text after the end of the JSON object");
    }

    @Test
    void sweepGivesOneCurvePerValueWithARunColumn(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("curves.csv");
        CliRun r = CliRun.of("range-test", "--dataset", "iris", "--batch-size", "16", "--iterations", "30",
                "--sweep", "weight-decay=0,1e-4,1e-3", "--csv", csv.toString(),
                "--workspace", dir.resolve("runs").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("weight-decay").contains("1e-4").contains("1e-3");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("run,weight-decay,iteration,lr,loss,smoothed_loss");
        assertThat(lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1))).distinct())
                .containsExactly("1,0", "2,1e-4", "3,1e-3");
        assertThat(Files.readString(csv)).as("the curves the run history stored")
                .isEqualTo(recorded(dir, "curves.csv"));
    }

    /** A file of the one run recorded in the history under {@code dir/runs}. */
    private static String recorded(Path dir, String file) throws java.io.IOException {
        RunHistory history = RunHistory.open(dir.resolve("runs"));
        return Files.readString(history.runFolder(history.list().runs().get(0).id()).resolve(file));
    }

    /**
     * A seed member alone: its seed, on the family's split (the members share the data split of --seed, 42 here), as
     * --hyperparams-out's refusal of a sweep says to run it; with its seed splitting the data too, it is another curve.
     */
    @Test
    void aSeedMemberAloneIsItsSeedOnTheFamilysSplit(@TempDir Path dir) throws Exception {
        Path family = dir.resolve("family.csv");
        Path alone = dir.resolve("alone.csv");
        Path ownSplit = dir.resolve("own-split.csv");
        String[] common = {"range-test", "--dataset", "iris", "--batch-size", "16", "--iterations", "30",
            "--no-history"};
        CliRun r = CliRun.of(concat(common, "--sweep", "seed=1,2", "--csv", family.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lines()[0]).endsWith(", batch 16, sweep seed=1,2 (one data split, of seed 42)");
        r = CliRun.of(concat(common, "--seed", "2", "--split-seed", "42", "--csv", alone.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        r = CliRun.of(concat(common, "--seed", "2", "--csv", ownSplit.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        List<String> second = Files.readAllLines(family).stream().filter(l -> l.startsWith("2,2,"))
                .map(l -> l.substring(4)).toList();
        assertThat(second).hasSize(30).isEqualTo(Files.readAllLines(alone).subList(1, 31))
                .isNotEqualTo(Files.readAllLines(ownSplit).subList(1, 31));
        r = CliRun.of(concat(common, "--sweep", "seed=1,2", "--hyperparams-out", dir.resolve("h.json").toString()));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("(a seed member S: --seed S --split-seed 42)");
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }

    /** The options left out are the engine's defaults, those the window starts from: the two faces cannot drift. */
    @Test
    void optionsLeftOutAreTheEnginesDefaults(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");
        CliRun r = CliRun.of("range-test", "--dataset", "iris", "--iterations", "20", "--no-history", "--out",
                json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        // compared as text: a number read back is an int node where the value written was a long one
        assertThat(root.get("runs").get(0).get("config").toString()).isEqualTo(Json.MAPPER.valueToTree(
                RangeTestConfig.defaults("iris", ModelSpec.preset("mlp")).withIterations(20)).toString());
        assertThat(root.get("data").toString()).isEqualTo(Json.MAPPER.valueToTree(DataOptions.defaults()).toString());
    }

    /** The run history's settings.json holds the config and the data options: the run can be repeated from it. */
    @Test
    void theRecordedSettingsHoldTheDataOptions(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        CliRun r = CliRun.of("range-test", "--dataset", "iris", "--batch-size", "16", "--iterations", "20",
                "--val-fraction", "0.3", "--sweep", "weight-decay=0,1e-3", "--workspace", runs.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path settings;
        try (var folders = Files.list(runs)) {
            settings = folders.findFirst().orElseThrow().resolve("settings.json");
        }
        JsonNode root = new ObjectMapper().readTree(settings.toFile());
        assertThat(root.get("config").get("iterations").asInt()).isEqualTo(20);
        assertThat(root.get("sweep").asText()).isEqualTo("weight-decay=0,1e-3");
        assertThat(root.get("data").get("validationFraction").asDouble()).isEqualTo(0.3);
        assertThat(root.get("data").get("splitSeed").asLong()).isEqualTo(42);
    }

    /**
     * A test the data cannot hold, alone or as one member of a sweep, is refused before anything runs, with the
     * window's words: no run is started in the history (it was, then failed in a worker).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--batch-size 500 | --batch-size 500 is larger than the 120 training samples of the dataset: a range test "
                + "takes full batches only",
        "--sweep batch-size=16,500 | --batch-size 500 is larger than the 120 training samples of the dataset: a "
                + "range test takes full batches only",
        "--val-batches 2 --sweep batch-size=8,16 | --val-batches 2 of --batch-size 16 ask for 32 validation samples, "
                + "but 'iris' holds 30: use --val-batches 1 or fewer, or --val-batches 0 to record the training loss",
    })
    void aTestTheDataCannotHoldIsRefusedBeforeAnyRuns(String options, String expected, @TempDir Path dir)
            throws Exception {
        Path runs = dir.resolve("runs");
        CliRun r = CliRun.of(concat(("range-test --dataset iris --iterations 20 " + options).split(" "),
                "--workspace", runs.toString()));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("rangefinder: " + expected);
        if (Files.exists(runs)) {
            try (var folders = Files.list(runs)) {
                assertThat(folders).as("runs in the history").isEmpty();
            }
        }
    }

    /**
     * A sweep member whose network would not fit the machine's memory (a wide resnet on all 60,000 MNIST images in
     * one batch: terabytes of activations) is refused before any member runs, naming its value. The memory was checked
     * as each member built its network: the member of batch 16 ran, then the sweep failed, its curve neither printed
     * nor written, and the run was in the history as failed.
     */
    @Test
    void aSweepMemberTooLargeForTheMachineIsRefusedBeforeAnyRuns(@TempDir Path dir) throws Exception {
        Path wide = Files.writeString(dir.resolve("wide.json"), "{\"preset\": \"resnet\", \"blocks\": 4, "
                + "\"channels\": 256}");
        Path runs = dir.resolve("runs");
        Path json = dir.resolve("result.json");
        CliRun r = CliRun.of("range-test", "--dataset", "mnist", "--model", wide.toString(), "--iterations", "2",
                "--sweep", "batch-size=16,60000", "--out", json.toString(), "--workspace", runs.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("rangefinder: --sweep batch-size=60000: model resnet 4 blocks, 256 channels on "
                + "'mnist' (samples of 1x28x28), batch 60000, needs about ").endsWith(" GiB of memory; use a smaller "
                + "model, smaller samples or a smaller batch" + System.lineSeparator());
        assertThat(json).doesNotExist();
        if (Files.exists(runs)) {
            try (var folders = Files.list(runs)) {
                assertThat(folders).as("runs in the history").isEmpty();
            }
        }
    }

    @Test
    void methodChoosesWhichSuggestionTopsTheRangeForEveryMember(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");
        CliRun r = CliRun.of("range-test", "--dataset", "iris", "--batch-size", "16", "--iterations", "40",
                "--sweep", "seed=1,2", "--method", "steep", "--range-factor", "4", "--out", json.toString(),
                "--val-fraction", "0.3", "--workspace", dir.resolve("runs").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("data").get("validationFraction").asDouble()).isEqualTo(0.3);
        assertThat(root.get("suggestionOptions").get("rangeMethod").asText()).isEqualTo("steep");
        assertThat(root.get("suggestionOptions").get("rangeFactor").asDouble()).isEqualTo(4);
        for (JsonNode run : root.get("runs")) {
            JsonNode s = run.get("suggestions");
            assertThat(s.get("range").get("max").asDouble()).isEqualTo(s.get("steep").asDouble());
            assertThat(s.get("range").get("min").asDouble()).isEqualTo(s.get("steep").asDouble() / 4);
        }
    }

    /**
     * --mode linear and --step-size reach the run: 6 iterations on rungs of 2 are R = 3 rungs of the linear ladder
     * from 0.001 to 0.003, 0.001 + (r / 2) * 0.002 = 0.001, 0.002, 0.003 (exactly those doubles, as Python's
     * pytorch-lr-finder formula gives them), each held for two iterations.
     */
    @Test
    void aLinearStaircaseFromTheCommandLineHoldsEachRungForItsSteps(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("c.csv");
        CliRun r = CliRun.of("range-test", "--dataset", "iris", "--iterations", "6", "--step-size", "2", "--mode",
                "linear", "--start-lr", "0.001", "--end-lr", "0.003", "--diverge", "0", "--csv", csv.toString(),
                "--no-history");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(csv).stream().skip(1).map(line -> line.split(",")[1]))
                .containsExactly("0.001", "0.001", "0.002", "0.002", "0.003", "0.003");
    }

    /** Each bad option or value is one line on stderr, the whole message checked, and exit code 2. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "--start-lr 1 --end-lr 0.1 | --end-lr must be a finite number > --start-lr (1.0), got 0.1",
        "--iterations 1 | --iterations must be between 2 and 1000000, got 1",
        "--val-batches 1000 | --val-batches 1000 of --batch-size 64 ask for 64000 validation samples, but 'iris' holds "
                + "30: use --val-batches 1 with --batch-size 30 or less, or --val-batches 0 to record the training loss",
        "--val-batches 3 | --val-batches 3 of --batch-size 64 ask for 192 validation samples, but 'iris' holds 30: "
                + "use --batch-size 10 or less, or --val-batches 0 to record the training loss",
        "--val-batches 5 --batch-size 8 | --val-batches 5 of --batch-size 8 ask for 40 validation samples, but 'iris' "
                + "holds 30: use --val-batches 3 or fewer, or --val-batches 0 to record the training loss",
        "--iterations 20 --step-size 21 | --step-size must be below --iterations (20) to leave two rungs or more, "
                + "got 21",
        "--dataset nosuchset | 'nosuchset' is neither a bundled dataset (iris, wine, digits, mnist, fashion-mnist) "
                + "nor an existing file or folder",
        "--weight-decay -0.1 | --weight-decay must be a number >= 0, got -0.1",
        "--momentum 1.5 | --momentum must be in [0, 1), got 1.5",
        "--batch-size 0 | --batch-size must be at least 1, got 0",
        "--smoothing 1 | --smoothing must be in [0, 1), got 1.0",
        "--model lenet | model 'lenet' is a CNN and needs image data; dataset 'iris' is tabular (4 features): use "
                + "--model mlp",
        "--sweep colour=1,2 | --sweep factor must be one of 'weight-decay', 'momentum', 'batch-size', 'optimizer', "
                + "'seed', got 'colour'",
        "--sweep weight-decay=0,x | --sweep weight-decay: 'x' is not a valid number",
        "--sweep weight-decay=x | --sweep weight-decay: 'x' is not a valid number",
        "--sweep batch-size=x,x | --sweep batch-size: 'x' is not a valid integer",
        "--sweep optimizer=rmsprop | --sweep optimizer=rmsprop: --optimizer must be one of 'sgd', 'nesterov', 'adam', "
                + "got 'rmsprop'",
        "--sweep weight-decay=1e-4 | --sweep weight-decay needs at least two values, got 1",
        "--sweep weight-decay=0,,1 | --sweep weight-decay=0,,1: value 2 of 3 is empty",
        "--optimizer rmsprop | --optimizer must be one of 'sgd', 'nesterov', 'adam', got 'rmsprop'",
        "--mode log | --mode must be one of 'exp', 'linear', got 'log'",
        "--label 2 | --label names a column of a CSV file; iris is not one",
        "--image-size 8 | --image-size applies to a folder of images; iris is not one",
        "--no-rgb | --no-rgb applies to a folder of images; iris is not one",
        "--dataset mnist --val-fraction 0.1 | --val-fraction sets the part of the samples held out for validation; "
                + "mnist validates on a test set of its own",
        "--dataset fashion-mnist --split-seed 3 | --split-seed sets the part of the samples held out for "
                + "validation; fashion-mnist validates on a test set of its own",
        "--optimizer sgd --momentum 0.5 | --momentum 0.5 is not used: plain SGD (--optimizer sgd) has no momentum; "
                + "use --optimizer nesterov or adam for one",
        "--optimizer sgd --sweep momentum=0.5,0.9 | --sweep momentum=0.5,0.9 is not used: plain SGD (--optimizer sgd) "
                + "has no momentum; use --optimizer nesterov or adam for one",
        "--sweep momentum=0.5,0.9 --momentum 0.7 | --momentum 0.7 is not used: each member of --sweep "
                + "momentum=0.5,0.9 has its own",
        "--sweep weight-decay=0,1e-3 --weight-decay 0.1 | --weight-decay 0.1 is not used: each member of --sweep "
                + "weight-decay=0,1e-3 has its own",
        "--sweep batch-size=8,16 --batch-size 32 | --batch-size 32 is not used: each member of --sweep "
                + "batch-size=8,16 has its own",
        "--sweep optimizer=sgd,adam --optimizer nesterov | --optimizer nesterov is not used: each member of --sweep "
                + "optimizer=sgd,adam has its own",
    })
    void badOptionsExitWithCodeTwoAndOneClearLine(String options, String expected) {
        String dataset = options.contains("--dataset") ? "" : "--dataset iris ";
        CliRun r = CliRun.of(("range-test " + dataset + options).split(" "));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("rangefinder: " + expected + System.lineSeparator());
    }

    /** A value picocli cannot read as the option's type is named, with a pointer to the command's help below it. */
    @Test
    void aMalformedValueNamesItsOptionAndPointsToHelp() {
        CliRun r = CliRun.of("range-test", "--dataset", "iris", "--iterations", "abc");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly("rangefinder: Invalid value for option '--iterations': 'abc' is "
                + "not an int", "Try 'rangefinder range-test --help'.");
    }

    /**
     * The header leaves out the factor the members vary: an optimizer sweep names no optimizer, and its momentum,
     * which Adam's member takes as beta1, is shown; a seed sweep's --seed is the seed of the split its members share.
     */
    @Test
    void sweepHeaderShowsTheSharedSettingsOnly() {
        CliRun optimizers = CliRun.of("range-test", "--dataset", "iris", "--iterations", "20", "--no-history",
                "--sweep", "optimizer=sgd,adam", "--momentum", "0.5");
        assertThat(optimizers.code()).as(optimizers.err()).isZero();
        assertThat(optimizers.lines()[0]).endsWith(", momentum 0.5, weight decay 0.0, batch 64, seed 42, sweep "
                + "optimizer=sgd,adam").doesNotContain("nesterov");
        CliRun seeds = CliRun.of("range-test", "--dataset", "iris", "--iterations", "20", "--no-history",
                "--sweep", "seed=1,2", "--seed", "7");
        assertThat(seeds.code()).as(seeds.err()).isZero();
        assertThat(seeds.lines()[0]).endsWith(", nesterov momentum 0.9, weight decay 0.0, batch 64, sweep seed=1,2 "
                + "(one data split, of seed 7)");
    }

    @Test
    void debugShowsTheStackTrace() {
        CliRun r = CliRun.of("--debug", "range-test", "--dataset", "iris", "--iterations", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        CliRun r = CliRun.of("range-test", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--start-lr").contains("Default: 1.0E-7").contains("--sweep")
                .contains("--val-batches").contains("--step-size").contains("Default: 64");
    }

    /**
     * A sweep's table tells its members apart where their suggestions coincide, as Smith's recipe compares them: each
     * row has its member's lowest smoothed loss and the learning rate there, and the raw loss of its last point, as
     * its curve in --out holds them; and each row is named as the curves' CSV and suggest name its member: by its
     * place from 1 (the CSV's run was counted from 0, suggest's "run 1 of 2" from 1) and its value of the factor.
     */
    @Test
    void aSweepsTableTellsItsMembersApartAsItsFilesAndSuggestNameThem(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("wd.csv");
        Path json = dir.resolve("wd.json");
        List<String> values = List.of("1e-1", "0");
        CliRun r = CliRun.of("range-test", "--dataset", "iris", "--batch-size", "16", "--iterations", "30",
                "--sweep", "weight-decay=" + String.join(",", values), "--csv", csv.toString(), "--out",
                json.toString(), "--no-history");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.lines();
        assertThat(lines[1]).isEmpty();
        assertThat(lines[2].split(" +")).containsExactly("run", "weight-decay", "stop", "points", "lowest",
                "smoothed", "at", "lr", "last", "loss", "steep", "valley", "minimum", "1cycle", "range");
        JsonNode runs = new ObjectMapper().readTree(json.toFile()).get("runs");
        for (int m = 0; m < values.size(); m++) {
            JsonNode run = runs.get(m);
            JsonNode points = run.get("points");
            JsonNode lowest = null;
            for (JsonNode p : points) {
                double smoothed = Double.parseDouble(p.get("smoothedLoss").asText());
                if (Double.isFinite(smoothed) && (lowest == null || smoothed < lowest.get("smoothedLoss").asDouble())) {
                    lowest = p;
                }
            }
            JsonNode s = run.get("suggestions");
            assertThat(lines[3 + m].strip().split(" +")).as("member " + (m + 1)).containsExactly(
                    String.valueOf(m + 1), values.get(m), run.get("stopReason").asText(),
                    String.valueOf(points.size()), String.format(Locale.ROOT, "%.4f",
                            lowest.get("smoothedLoss").asDouble()), Format.lr(lowest.get("lr").asDouble()),
                    String.format(Locale.ROOT, "%.4f", points.get(points.size() - 1).get("loss").asDouble()),
                    Format.lr(s.get("steep").asDouble()), Format.lr(s.get("valley").asDouble()),
                    Format.lr(s.get("minimum").asDouble()), Format.lr(s.at("/range/min").asDouble()), "..",
                    Format.lr(s.at("/range/max").asDouble()));
        }
        assertThat(Files.readAllLines(csv)).filteredOn(l -> l.startsWith("2,")).allMatch(l -> l.startsWith("2,0,"))
                .hasSize(runs.get(1).get("points").size());
        for (Path file : List.of(csv, json)) {
            CliRun suggested = CliRun.of("suggest", "--in", file.toString());
            assertThat(suggested.code()).as(suggested.err()).isZero();
            assertThat(suggested.out()).as(file.toString()).startsWith("run 1, weight-decay=1e-1\n")
                    .contains("\n\nrun 2, weight-decay=0\n");
        }
    }
}
