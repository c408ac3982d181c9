package org.rangefinder.hyperparams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rangefinder.UserInputException;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.optim.OptimizerKind;

class HyperparameterFileTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private final Hyperparameters trained = TestHyperparameters.irisTrained();

    /** A JSON file with a oneCycle section looks like a hyperparameter file, with a byte order mark too. */
    @Test
    void aJsonFileWithAOneCycleSectionLooksLikeOne() throws IOException {
        Path file = dir.resolve("h.json");
        HyperparameterFile.write(file, trained);
        Path marked = Files.writeString(dir.resolve("marked.JSON"), "\uFEFF" + Files.readString(file));
        assertThat(HyperparameterFile.looksLike(file)).isTrue();
        assertThat(HyperparameterFile.looksLike(marked)).isTrue();
        Path curve = Files.writeString(dir.resolve("result.json"), "{\"schemaVersion\":1,\"runs\":[]}");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"oneCycle\":");
        Path named = Files.copy(file, dir.resolve("h.txt"));
        assertThat(Stream.of(curve, broken, named, dir)).noneMatch(HyperparameterFile::looksLike);
    }

    @Test
    void fileReadBackEqualsWhatWasWritten() throws IOException {
        Path file = dir.resolve("h.json");
        HyperparameterFile.write(file, trained);
        HyperparameterFile.ReadResult back = HyperparameterFile.read(file);
        assertThat(back.hyperparameters()).isEqualTo(trained);
        assertThat(back.warnings()).isEmpty();
        assertThat(trained.training().epochs()).hasSize(1);
        assertThat(trained.rangeTest().suggestions().valley()).isEqualTo(trained.lr().max());
    }

    @Test
    void adamFileKeepsBetasAndReadsBackEqual() throws IOException {
        Hyperparameters adam = TestHyperparameters.fromRangeTest(OptimizerKind.ADAM, 0.9, 0);
        Path file = dir.resolve("adam.json");
        HyperparameterFile.write(file, adam);
        JsonNode optimizer = MAPPER.readTree(file.toFile()).get("optimizer");
        assertThat(optimizer.get("betas").get(0).asDouble()).isEqualTo(0.9);
        assertThat(optimizer.get("betas").get(1).asDouble()).isEqualTo(0.999);
        assertThat(optimizer.has("momentum")).isFalse();
        assertThat(HyperparameterFile.read(file).hyperparameters()).isEqualTo(adam);
    }

    @Test
    void fileFromARangeTestHasItsRangeAsBoundsAndPyTorchDefaultsForTheCycle() {
        Hyperparameters h = TestHyperparameters.fromRangeTest(OptimizerKind.NESTEROV, 0.9, 1e-4);
        RangeTestSection.Range range = h.rangeTest().suggestions().range();
        assertThat(h.lr()).isEqualTo(new LrBounds(range.min(), range.max(), LrChoice.VALLEY));
        assertThat(range.min()).isEqualTo(range.max() / 10);
        // iris: 120 training samples, batch 16, one epoch: ceil(120/16) = 8 steps
        assertThat(h.oneCycle()).isEqualTo(new OneCycleSection(8, 0.3, "cos", range.max() / range.min(), 1e4, false,
                true, 0.85, 0.95));
        assertThat(h.optimizer()).isEqualTo(new OptimizerSection("nesterov", 0.9, null, null, 1e-4));
        assertThat(h.dataset().source()).isEqualTo("iris");
        assertThat(h.dataset().sha256()).isNull();
        assertThat(h.toTrainingConfig().oneCycle().maxLr()).isEqualTo(range.max());
        assertThat(h.toTrainingConfig().oneCycle().divFactor()).isEqualTo(range.max() / range.min());
        assertThat(h.rangeTestConfig().iterations()).isEqualTo(40);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "/oneCycle/pctStart | \"0.3\" | oneCycle.pctStart must be a number, got \"0.3\"",
        "/oneCycle/pctStart | 1.5 | oneCycle.pctStart must be between 0 and 1 (both excluded), got 1.5",
        "/oneCycle/pctStart | | oneCycle.pctStart is required but missing",
        "/oneCycle/anneal | \"cosine\" | oneCycle.anneal must be one of cos, linear, got 'cosine'",
        "/oneCycle/totalSteps | 9 | oneCycle.totalSteps is 9, but epochs x ceil(dataset.trainSamples / batchSize) = 1 x ceil(120 / 16) = 8",
        "/oneCycle/divFactor | 25.0 | oneCycle.divFactor is 25.0, which starts the cycle at lr.max / divFactor",
        "/oneCycle/threePhase | null | oneCycle.threePhase must be true or false, got null",
        "/batchSize | 2.5 | batchSize must be an integer, got 2.5",
        "/batchSize | 0 | batchSize must be at least 1, got 0",
        "/batchSize | 2147483648 | batchSize must be an integer of at most 2147483647, got 2147483648",
        "/seed | -9223372036854775809 | seed must be an integer of at least -9223372036854775808, "
                + "got -9223372036854775809",
        "/dataset/labelColumn | 2 | dataset.labelColumn must be a string, got 2",
        "/lr | | lr is required but missing",
        "/lr/min | 1.0e3 | lr.min must be below max",
        "/lr/chosenBy | \"guess\" | lr.chosenBy must be one of steep, valley, minimum, manual, got 'guess'",
        "/optimizer/momentum | 1.2 | optimizer.momentum must be in [0, 1), got 1.2",
        "/optimizer/name | \"rmsprop\" | optimizer.name must be one of sgd, nesterov, adam, got 'rmsprop'",
        "/dataset/sampleShape | [4, \"x\"] | dataset.sampleShape[1] must be an integer, got \"x\"",
        "/dataset/trainSamples | | dataset.trainSamples is required but missing",
        "/dataset/imageWidth | 5000 | dataset.imageWidth must be from 1 to 4096, got 5000",
        "/dataset/imageWidth | 28 | dataset.imageWidth applies to a folder of images; iris is a bundled dataset",
        "/dataset/grayscale | false | dataset.grayscale applies to a folder of images; iris is a bundled dataset",
        "/optimizer/weightDecay | \"NaN\" | optimizer.weightDecay must be a number, got \"NaN\"",
        "/lr/max | \"Infinity\" | lr.max must be a number, got \"Infinity\"",
        "/rangeTest/suggestions/steep | \"NaN\" | rangeTest.suggestions.steep must be a number, got \"NaN\"",
        "/rangeTest/suggestions/range/max | \"-Infinity\" | rangeTest.suggestions.range.max must be a number, "
                + "got \"-Infinity\"",
        "/training/epochs/0/valLoss | \"0.3\" | training.epochs[0].valLoss must be a number, got \"0.3\"",
        "/dataset/name | \"my-data\" | dataset.path is required for a dataset that is not bundled",
        "/model/dropout | 1.5 | model: model spec: 'dropout' must be in [0, 1), got 1.5",
        "/model/blocks | 3 | model: model spec: 'blocks' applies to resnet only, not to mlp",
        "/model/hiddenSizes | [128, 100000] | model: model spec: 'hiddenSizes[1]' must be between 1 and 4096 units, "
                + "got 100000",
        "/created | \"yesterday\" | created must be an ISO-8601 instant",
        "/training/stopReason | \"bored\" | training.stopReason must be one of completed, diverged",
        "/rangeTest/smoothing | 1.5 | rangeTest.smoothing must be in [0, 1), got 1.5",
        "/schemaVersion | 2 | schemaVersion 2 is newer than this Rangefinder",
        "/schemaVersion | \"1\" | schemaVersion must be an integer, got \"1\"",
        "/schemaVersion | | schemaVersion is required but missing",
    })
    void eachBadFieldGetsOneMessageNamingTheFileAndTheFieldPath(String pointer, String json, String expected)
            throws IOException {
        Path file = write(edit(pointer, json));
        assertThatThrownBy(() -> HyperparameterFile.read(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(file + ": " + expected.split("\\(")[0])
                .hasMessageContaining(expected);
    }

    /** The engine checks these settings as the command line gives them; the file's message names its fields. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "/rangeTest/startLr | 0 | rangeTest.startLr must be a finite number > 0, got 0.0",
        "/rangeTest/endLr | 1e-9 | rangeTest.endLr must be a finite number > rangeTest.startLr (1.0E-7), got 1.0E-9",
        "/rangeTest/iterations | 1 | rangeTest.iterations must be between 2 and 1000000, got 1",
        "/rangeTest/stepSize | 0 | rangeTest.stepSize must be >= 1, got 0",
        "/rangeTest/smoothing | -0.5 | rangeTest.smoothing must be in [0, 1), got -0.5",
        "/rangeTest/momentum | 1.0 | rangeTest.momentum must be in [0, 1), got 1.0",
        "/rangeTest/weightDecay | -1 | rangeTest.weightDecay must be a number >= 0, got -1.0",
        "/rangeTest/batchSize | 0 | rangeTest.batchSize must be at least 1, got 0",
        "/rangeTest/divergeFactor | 0.5 | rangeTest.divergeFactor must be 0 (off) or a factor above 1, got 0.5",
        "/rangeTest/validationBatches | -1 | rangeTest.validationBatches must be 0 (training loss) or more, got -1",
        // one epoch of ceil(120 / 16) = 8 steps: a pctStart of 0.1 gives the warm-up 0.8 of a step
        "/oneCycle/pctStart | 0.1 | oneCycle.pctStart 0.1 leaves phase 1 of 2 with no steps in a cycle of 8 steps",
        "/epochs | 2000000000 | epochs 2000000000 of 8 iterations each make 16000000000 iterations; at most 1000000",
    })
    void valuesTheEngineRefusesAreNamedByTheirFieldNotByTheOptionsOfTheCommandLine(String pointer, String json,
                                                                                String expected) throws IOException {
        Path file = write(edit(pointer, json));
        assertRefused(file, expected);
    }

    @Test
    void boundsThatLeaveTheCycleNoFinalLearningRateNameTheFieldsThatSetIt() throws IOException {
        ObjectNode tree = MAPPER.valueToTree(trained);
        ObjectNode lr = (ObjectNode) tree.get("lr");
        lr.put("min", 1e-300);
        lr.put("max", 1e-299);
        ((ObjectNode) tree.get("oneCycle")).remove("divFactor");
        ((ObjectNode) tree.get("oneCycle")).put("finalDivFactor", 1e30);
        Path file = write(tree);
        double divFactor = 1e-299 / 1e-300;
        assertThatThrownBy(() -> HyperparameterFile.read(file))
                .isInstanceOf(UserInputException.class)
                .hasMessage(file + ": lr.max 1.0E-299, lr.max / lr.min " + divFactor + " and oneCycle.finalDivFactor "
                        + "1.0E30 give an initial LR of " + 1e-299 / divFactor + " and a final LR of 0.0; both must be "
                        + "finite and > 0");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "/optimizer/betas | [null, 0.999] | optimizer.betas[0] is required but missing",
        "/optimizer/betas | [0.9, null] | optimizer.betas[1] is required but missing",
        "/optimizer/betas | [0.9] | optimizer.betas must hold two numbers [beta1, beta2], got 1",
        "/optimizer/betas | [1.0, 0.999] | optimizer.betas[0] must be in [0, 1), got 1.0",
        "/dataset/sampleShape | [4, null] | dataset.sampleShape[1] is required but missing",
        "/dataset/sampleShape | [null] | dataset.sampleShape[0] is required but missing",
    })
    void aNullInAListNamesItsEntry(String pointer, String json, String expected) throws IOException {
        Path file = dir.resolve("adam.json");
        HyperparameterFile.write(file, TestHyperparameters.fromRangeTest(OptimizerKind.ADAM, 0.9, 0));
        ObjectNode tree = (ObjectNode) MAPPER.readTree(file.toFile());
        JsonPointer at = JsonPointer.compile(pointer);
        ((ObjectNode) tree.at(at.head())).set(at.last().getMatchingProperty(), MAPPER.readTree(json));
        Files.writeString(file, MAPPER.writeValueAsString(tree));
        assertRefused(file, expected);
    }

    @Test
    void aNullAmongTheEpochsOfTheTrainingNamesIt() throws IOException {
        ObjectNode tree = MAPPER.valueToTree(trained);
        ((ArrayNode) tree.get("training").get("epochs")).addNull();
        Path file = write(tree);
        assertThatThrownBy(() -> HyperparameterFile.read(file))
                .isInstanceOf(UserInputException.class)
                .hasMessage(file + ": training.epochs[1] is required but missing");
    }

    /**
     * A version that breaks its line is refused: it would run as code after the comment it stands in when the file is
     * exported. A line feed (escaped in the JSON) and a line separator (U+2028, as it is) are named by their code.
     */
    @Test
    void aToolVersionThatBreaksItsLineIsRefused() throws IOException {
        Path injected = write(edit("/toolVersion", "\"0.1.0\\nprint('INJECTED code ran') #\""));
        assertRefused(injected, "toolVersion must be one line of printable text, but character 6 is U+000A");
        Path separated = write(edit("/toolVersion", "\"0.1.0 \u2028x\""));
        assertRefused(separated, "toolVersion must be one line of printable text, but character 7 is U+2028");
    }

    /** An epoch whose validation loss blew up is written as Json writes a non-finite number, and read back so. */
    @Test
    void anEpochsLossThatBlewUpIsReadBack() throws IOException {
        JsonNode tree = edit("/training/epochs/0/valLoss", "\"NaN\"");
        ((ObjectNode) tree.at("/training/epochs/0")).put("trainLoss", "Infinity");
        Hyperparameters h = HyperparameterFile.read(write(tree)).hyperparameters();
        assertThat(h.training().epochs().get(0).valLoss()).isNaN();
        assertThat(h.training().epochs().get(0).trainLoss()).isEqualTo(Double.POSITIVE_INFINITY);
        Path again = dir.resolve("again.json");
        HyperparameterFile.write(again, h);
        assertThat(HyperparameterFile.read(again).hyperparameters()).isEqualTo(h);
    }

    /**
     * Plain SGD has no momentum: a file may leave {@code optimizer.momentum} out (0), and SGD does not cycle it
     * whatever {@code cycleMomentum} says; another optimizer given instead does, so the cycle is checked all the
     * same, as Nesterov's is.
     */
    @Test
    void plainSgdMayLeaveItsMomentumOutAndItsCycleIsNotRunByIt() throws IOException {
        ObjectNode tree = MAPPER.valueToTree(TestHyperparameters.fromRangeTest(OptimizerKind.SGD, 0, 0));
        ((ObjectNode) tree.get("optimizer")).remove("momentum");
        ((ObjectNode) tree.get("oneCycle")).put("cycleMomentum", true).put("baseMomentum", 0.85)
                .put("maxMomentum", 0.95);
        Hyperparameters sgd = HyperparameterFile.read(write(tree)).hyperparameters();
        assertThat(sgd.optimizer().momentum()).isEqualTo(0.0);
        assertThat(sgd.oneCycleSettings().cycleMomentum()).isFalse();
        assertThat(sgd.toTrainingConfig().oneCycle().cycleMomentum()).isFalse();
        assertThat(sgd.oneCycleSettings(OptimizerKind.NESTEROV).cycleMomentum()).isTrue();
        // the cycle is checked all the same: train --optimizer nesterov runs it
        ((ObjectNode) tree.get("oneCycle")).put("baseMomentum", 0.99);
        assertRefused(write(tree), "oneCycle.baseMomentum must be in [0, oneCycle.maxMomentum 0.95], got 0.99");

        Path nesterov = write(edit("/oneCycle/baseMomentum", "0.99"));
        assertRefused(nesterov, "oneCycle.baseMomentum must be in [0, oneCycle.maxMomentum 0.95], got 0.99");
        Path missing = write(edit("/optimizer/momentum", null));
        assertRefused(missing, "optimizer.momentum is required but missing");
    }

    /**
     * A field of another optimizer is refused, not ignored: Adam trains with beta1, not with a momentum beside it. The
     * file Rangefinder writes for each optimizer has none, and is read back.
     */
    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', value = {
        "ADAM | momentum | 0.5 | optimizer.momentum applies to sgd and nesterov; adam's is betas[0]",
        "NESTEROV | betas | [0.5, 0.999] | optimizer.betas applies to adam; nesterov's is momentum",
        "NESTEROV | epsilon | 1e-8 | optimizer.epsilon applies to adam; nesterov has none",
        "SGD | betas | [0.5, 0.999] | optimizer.betas applies to adam; sgd has none",
        "SGD | epsilon | 1e-8 | optimizer.epsilon applies to adam; sgd has none",
    })
    void aFieldOfAnotherOptimizerIsRefused(OptimizerKind kind, String field, String json, String expected)
            throws IOException {
        Path file = dir.resolve(kind.id() + ".json");
        HyperparameterFile.write(file, TestHyperparameters.fromRangeTest(kind, kind.hasMomentum() ? 0.9 : 0, 0));
        assertThat(HyperparameterFile.read(file).hyperparameters().optimizer().name()).isEqualTo(kind.id());
        ObjectNode tree = (ObjectNode) MAPPER.readTree(file.toFile());
        ((ObjectNode) tree.get("optimizer")).set(field, MAPPER.readTree(json));
        Files.writeString(file, MAPPER.writeValueAsString(tree));
        assertRefused(file, expected);
    }

    /** Image options on the user's table: the file says its samples are features, not images. */
    @Test
    void imageOptionsOnATableAreRefused() throws IOException {
        ObjectNode tree = (ObjectNode) edit("/dataset/imageHeight", "28");
        ((ObjectNode) tree.get("dataset")).put("name", "data.csv").put("path", "data.csv")
                .put("sha256", "0".repeat(64));
        assertRefused(write(tree), "dataset.imageHeight applies to a folder of images, whose samples are [channels, "
                + "height, width]; this dataset's are [4]");
    }

    @Test
    void aFileSavedWithAByteOrderMarkIsRead() throws IOException {
        Path file = dir.resolve("notepad.json");
        Files.writeString(file, "\uFEFF" + MAPPER.writeValueAsString(trained));
        assertThat(HyperparameterFile.read(file).hyperparameters()).isEqualTo(trained);
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() throws IOException {
        String text = Files.readString(write(MAPPER.valueToTree(trained)));
        Path file = dir.resolve("broken.json");
        // drop the quote that opens the third line's field name
        String[] lines = text.split("\n", -1);
        lines[2] = lines[2].replaceFirst("\"", "");
        Files.writeString(file, String.join("\n", lines));
        assertThatThrownBy(() -> HyperparameterFile.read(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(file + ": not valid JSON at line 3, column 3: ");
    }

    @Test
    void textAfterTheObjectAndNumbersJsonHasNotAreRefusedInPlainWords() throws IOException {
        String text = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(trained);
        Path appended = Files.writeString(dir.resolve("appended.json"), text + "\n{}\n");
        assertThatThrownBy(() -> HyperparameterFile.read(appended)).hasMessage(appended + ": not valid JSON at line "
                + (text.split("\n").length + 1) + ", column 1: text after the end of the JSON object");

        String[] lines = text.replaceFirst("(\"weightDecay\" : )[^,\n}]+", "$1Infinity").split("\n");
        Path infinite = Files.writeString(dir.resolve("infinite.json"), String.join("\n", lines));
        int line = 0;
        while (!lines[line].contains("Infinity")) {
            line++;
        }
        // the parser reports the column just after the token
        int column = lines[line].indexOf("Infinity") + "Infinity".length() + 1;
        assertThatThrownBy(() -> HyperparameterFile.read(infinite)).hasMessage(infinite + ": not valid JSON at line "
                + (line + 1) + ", column " + column + " (optimizer.weightDecay): Infinity is not a number JSON allows");
    }

    /**
     * A range test's result given as a hyperparameter file is told apart, with the command that writes one from it,
     * even where it holds a loss JSON has no number for, as Python's json writes a blown-up loss; a hyperparameter
     * file with such a number is refused at it.
     */
    @Test
    void aResultFileIsToldApartEvenWithANumberJsonHasNot() {
        String result = "{\"schemaVersion\": 1, \"runs\": [{\"points\": [{\"lr\": 0.1, \"loss\": NaN}]}]}";
        for (String text : List.of(result, result.replace("NaN", "2.5"))) {
            assertThatThrownBy(() -> HyperparameterFile.parse(text, "c.json")).hasMessage("c.json is the result of a "
                    + "range-test (range-test --out), not a hyperparameter file: range-test --hyperparams-out FILE.json "
                    + "writes one");
        }
        assertThatThrownBy(() -> HyperparameterFile.parse("{\"schemaVersion\": 1, \"oneCycle\": NaN}", "h.json"))
                .hasMessage("h.json: not valid JSON at line 1, column 37 (oneCycle): NaN is not a number JSON allows");
        assertThatThrownBy(() -> HyperparameterFile.parse(result + " x", "t.json"))
                .hasMessage("t.json: not valid JSON at line 1, column 72: text after the end of the JSON object");
    }

    @Test
    void emptyOrNonObjectFilesAreRefusedClearly() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "  \n");
        Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");
        assertThatThrownBy(() -> HyperparameterFile.read(empty)).hasMessage(empty
                + ": empty; expected a JSON object of hyperparameters");
        assertThatThrownBy(() -> HyperparameterFile.read(array)).hasMessage(array
                + ": expected a JSON object of hyperparameters, got [1,2]");
        assertThatThrownBy(() -> HyperparameterFile.read(dir.resolve("none.json"))).hasMessageEndingWith(
                "none.json: file not found");
    }

    @Test
    void unknownFieldsAreIgnoredWithOneWarningEach() throws IOException {
        ObjectNode tree = MAPPER.valueToTree(trained);
        tree.put("notes", "from a newer version");
        ((ObjectNode) tree.get("oneCycle")).put("warmupShape", "sigmoid");
        ((ObjectNode) tree.get("model")).put("activation", "gelu");
        ((ObjectNode) tree.get("training").get("epochs").get(0)).put("gradNorm", 1.5);
        Path file = write(tree);
        HyperparameterFile.ReadResult r = HyperparameterFile.read(file);
        assertThat(r.hyperparameters()).isEqualTo(trained);
        assertThat(r.warnings()).containsExactly(
                file + ": ignored unknown field 'model.activation' (written by a newer Rangefinder?)",
                file + ": ignored unknown field 'oneCycle.warmupShape' (written by a newer Rangefinder?)",
                file + ": ignored unknown field 'training.epochs[0].gradNorm' (written by a newer Rangefinder?)",
                file + ": ignored unknown field 'notes' (written by a newer Rangefinder?)");
    }

    @Test
    void exampleOfTheSchemaDocumentIsAValidFile() throws IOException {
        String doc;
        try (var in = Hyperparameters.class.getResourceAsStream("SCHEMA.md")) {
            doc = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String example = doc.substring(doc.indexOf("```json\n") + 8, doc.indexOf("```", doc.indexOf("```json\n") + 8));
        HyperparameterFile.ReadResult r = HyperparameterFile.parse(example, "SCHEMA.md");
        assertThat(r.warnings()).isEmpty();
        assertThat(r.hyperparameters().toTrainingConfig().totalSteps(120)).isEqualTo(40);
        assertThat(r.hyperparameters().rangeTestConfig().iterations()).isEqualTo(40);
    }

    @Test
    void divFactorMayBeLeftOutAndIsThenMaxOverMin() throws IOException {
        ObjectNode tree = MAPPER.valueToTree(trained);
        ((ObjectNode) tree.get("oneCycle")).remove("divFactor");
        Hyperparameters h = HyperparameterFile.read(write(tree)).hyperparameters();
        assertThat(h.oneCycleSettings().divFactor()).isEqualTo(trained.lr().max() / trained.lr().min());
    }

    @Test
    void writeThatFailsPartWayLeavesTheOldFileIntact() throws IOException {
        Path file = dir.resolve("h.json");
        HyperparameterFile.write(file, trained);
        String before = Files.readString(file);
        Hyperparameters other = TestHyperparameters.fromRangeTest(OptimizerKind.SGD, 0, 0);
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> HyperparameterFile.writeTo(new FullDisk(out, 300), other)))
                .isInstanceOf(UserInputException.class)
                .hasMessage("cannot write " + file + ": No space left on device");
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(HyperparameterFile.read(file).hyperparameters()).isEqualTo(trained);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    private Path write(JsonNode tree) throws IOException {
        Path file = dir.resolve("edited.json");
        Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        return file;
    }

    /** The written file with the field at {@code pointer} set to {@code json}, or removed when it is null. */
    private JsonNode edit(String pointer, String json) throws IOException {
        ObjectNode tree = MAPPER.valueToTree(trained);
        JsonPointer at = JsonPointer.compile(pointer);
        ObjectNode parent = (ObjectNode) tree.at(at.head());
        if (json == null) {
            parent.remove(at.last().getMatchingProperty());
        } else {
            parent.set(at.last().getMatchingProperty(), MAPPER.readTree(json));
        }
        return tree;
    }

    /** A stream that takes {@code limit} bytes, then fails as a full disk does. */
    private static final class FullDisk extends FilterOutputStream {
        private int left;

        FullDisk(OutputStream out, int limit) {
            super(out);
            left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- <= 0) {
                throw new IOException("No space left on device");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }

    /** Reading {@code file} is refused with one message: the file, then {@code expected}. */
    private static void assertRefused(Path file, String expected) {
        assertThatThrownBy(() -> HyperparameterFile.read(file))
                .isInstanceOf(UserInputException.class)
                .hasMessage(file + ": " + expected);
    }
}
