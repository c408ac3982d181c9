package org.rangefinder.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rangefinder.UserInputException;
import org.rangefinder.files.Json;

class ModelSpecTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{index}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"preset\": \"mlp\"} x | not valid JSON at line 1, column 19: text after the end of the JSON object",
        "{\"preset\": \"mlp\", \"preset\": \"lenet\"} | not valid JSON at line 1, column 27: the field preset "
                + "appears twice",
        "{\"preset\": \"mlp\", \"hiddenSizes\": [16.5]} | hiddenSizes[0] must be an integer, got 16.5",
        "{\"preset\": \"mlp\", \"hiddenSizes\": \"16\"} | hiddenSizes must be a list, got \"16\"",
        "{\"preset\": \"mlp\", \"dropout\": \"0.1\"} | dropout must be a number, got \"0.1\"",
        "{\"preset\": 3} | preset must be a string, got 3",
        "{\"preset\": \"mlp\", \"foo\": 1} | unknown field 'foo' (a model spec has preset, hiddenSizes, dropout, "
                + "batchNorm, blocks, channels)",
        "{\"preset\": \"mlp\", \"blocks\": 3} | model spec: 'blocks' applies to resnet only, not to mlp",
        "{\"preset\": \"lenet\", \"batchNorm\": false} | model spec: 'batchNorm' applies to mlp only, not to "
                + "lenet",
        "{\"preset\": \"resnet\", \"dropout\": 0} | model spec: 'dropout' applies to mlp and lenet only, not "
                + "to resnet",
        "{\"preset\": \"mlp\", \"hiddenSizes\": [2000000000]} | model spec: 'hiddenSizes[0]' must be between 1 and "
                + "4096 units, got 2000000000",
        "{\"preset\": \"mlp\", \"hiddenSizes\": [100000, 100000]} | model spec: 'hiddenSizes[0]' must be between 1 and "
                + "4096 units, got 100000",
        "{\"preset\": \"mlp\", \"hiddenSizes\": [128, null]} | model spec: 'hiddenSizes[1]' is required but missing",
        "{\"preset\": \"mlp\", \"hiddenSizes\": [1, 2, 3, 4, 5, 6, 7, 8, 9]} | model spec: 'hiddenSizes' must hold "
                + "1 to 8 layers, got 9",
        "{\"preset\": \"resnet\", \"blocks\": 9, \"channels\": 64} | model spec: 'channels' 64 would reach 1024 in the "
                + "widest of 9 blocks (they double every second block); at most 512",
        "{\"preset\": \"resnet\", \"blocks\": 17, \"channels\": 1} | model spec: 'blocks' must be between 1 and "
                + "16, got 17",
        "{\"preset\": \"resnet\", \"channels\": 513} | model spec: 'channels' must be between 1 and 512, got 513",
        "{} | model spec: 'preset' is required (one of mlp, lenet, resnet)",
        "[\"mlp\"] | expected a JSON object with a model spec, got [\"mlp\"]",
        "` ` | empty; expected a JSON object with a model spec",
    })
    void aBadSpecFileGetsOneMessageNamingTheFileAndTheField(String json, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("spec.json"), json);
        assertThatThrownBy(() -> ModelSpec.parse(file.toString()))
                .isInstanceOf(UserInputException.class)
                .hasMessage(file + ": " + expected);
    }

    @Test
    void everyPresetAsWrittenReadsBackEqual() throws IOException {
        for (ModelSpec spec : List.of(ModelSpec.preset("mlp"), ModelSpec.preset("lenet"), ModelSpec.preset("resnet"),
                new ModelSpec("mlp", List.of(256, 128), 0.2, true, null, null))) {
            Path file = dir.resolve(spec.preset() + ".json");
            Json.write(file, spec);
            assertThat(ModelSpec.read(file)).isEqualTo(spec);
        }
    }

    @Test
    void theLargestNetworksWithinTheLimitsAreAccepted() {
        List<Integer> widest = Collections.nCopies(ModelSpec.MAX_HIDDEN_LAYERS, ModelSpec.MAX_UNITS);
        assertThat(new ModelSpec("mlp", widest, null, null, null, null).hiddenSizes()).isEqualTo(widest);
        // 4 channels doubled 7 times over 16 blocks: 512 in the widest
        assertThat(new ModelSpec("resnet", null, null, null, 16, 4).describe())
                .isEqualTo("resnet 16 blocks, 4 channels");
        assertThat(new ModelSpec("resnet", null, null, null, 1, 512).channels()).isEqualTo(512);
        assertThat(new ModelSpec("resnet", null, null, null, 1, 1).describe()).isEqualTo("resnet 1 block, 1 channel");
        assertThatThrownBy(() -> new ModelSpec("resnet", null, null, null, 16, 5))
                .hasMessage("model spec: 'channels' 5 would reach 640 in the widest of 16 blocks (they double every "
                        + "second block); at most 512");
    }
}
