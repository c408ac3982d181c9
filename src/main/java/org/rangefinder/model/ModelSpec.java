package org.rangefinder.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rangefinder.UserInputException;

/**
 * A network architecture as a small JSON document; {@link NetworkFactory} turns it into a DL4J network whose
 * input size comes from the dataset.
 *
 * <ul>
 *   <li>{@code mlp}: dense layers of {@code hiddenSizes} units (default two of 128), ReLU, optional batch norm
 *       after each dense layer, optional dropout, softmax output.</li>
 *   <li>{@code lenet}: conv 5x5x6 (same padding), max-pool 2, conv 5x5x16, max-pool 2, dense 120, dense 84,
 *       softmax; the second convolution uses same padding too when the image is smaller than 28x28.</li>
 *   <li>{@code resnet}: a 3x3 stem of {@code channels} filters, then {@code blocks} basic residual blocks
 *       (conv-BN-ReLU-conv-BN plus shortcut), the channels doubling and the size halving every second block,
 *       global average pooling, softmax.</li>
 * </ul>
 *
 * @param preset      {@code mlp}, {@code lenet} or {@code resnet}
 * @param hiddenSizes mlp only: units of each hidden layer
 * @param dropout     probability of dropping a unit before each hidden dense layer (0 turns it off)
 * @param batchNorm   mlp only: batch normalisation after each hidden dense layer
 * @param blocks      resnet only: number of residual blocks
 * @param channels    resnet only: filters of the stem and the first blocks
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record ModelSpec(String preset, List<Integer> hiddenSizes, Double dropout, Boolean batchNorm,
                        Integer blocks, Integer channels) {

    public static final List<String> PRESETS = List.of("mlp", "lenet", "resnet");

    /** Fills in each preset's defaults and checks every value; a bad one is a {@link UserInputException}. */
    public ModelSpec {
        if (preset == null) {
            throw new UserInputException("model spec: 'preset' is required (one of " + String.join(", ", PRESETS) + ")");
        }
        preset = preset.toLowerCase(Locale.ROOT);
        if (!PRESETS.contains(preset)) {
            throw new UserInputException("model spec: unknown preset '" + preset + "' (expected one of "
                    + String.join(", ", PRESETS) + ")");
        }
        boolean mlp = preset.equals("mlp");
        boolean resnet = preset.equals("resnet");
        hiddenSizes = mlp ? List.copyOf(hiddenSizes == null ? List.of(128, 128) : hiddenSizes) : null;
        batchNorm = mlp ? (batchNorm != null && batchNorm) : null;
        dropout = resnet ? null : (dropout == null ? 0.0 : dropout);
        blocks = resnet ? (blocks == null ? 4 : blocks) : null;
        channels = resnet ? (channels == null ? 16 : channels) : null;
        if (mlp) {
            if (hiddenSizes.isEmpty()) {
                throw new UserInputException("model spec: 'hiddenSizes' needs at least one layer");
            }
            for (int i = 0; i < hiddenSizes.size(); i++) {
                if (hiddenSizes.get(i) == null || hiddenSizes.get(i) < 1) {
                    throw new UserInputException("model spec: 'hiddenSizes[" + i + "]' must be a positive integer, got "
                            + hiddenSizes.get(i));
                }
            }
        }
        if (dropout != null && !(dropout >= 0 && dropout < 1)) {
            throw new UserInputException("model spec: 'dropout' must be in [0, 1), got " + dropout);
        }
        if (blocks != null && (blocks < 1 || blocks > 16)) {
            throw new UserInputException("model spec: 'blocks' must be between 1 and 16, got " + blocks);
        }
        if (channels != null && (channels < 1 || channels > 512)) {
            throw new UserInputException("model spec: 'channels' must be between 1 and 512, got " + channels);
        }
    }

    /** A preset with its defaults. */
    public static ModelSpec preset(String name) {
        return new ModelSpec(name, null, null, null, null, null);
    }

    /** {@code mlp}, {@code lenet}, {@code resnet}, or the path of a spec file. */
    public static ModelSpec parse(String presetOrPath) {
        if (PRESETS.contains(presetOrPath.toLowerCase(Locale.ROOT))) {
            return preset(presetOrPath);
        }
        if (presetOrPath.toLowerCase(Locale.ROOT).endsWith(".json") || Files.exists(Path.of(presetOrPath))) {
            return read(Path.of(presetOrPath));
        }
        throw new UserInputException("unknown model '" + presetOrPath + "' (expected " + String.join(", ", PRESETS)
                + ", or the path of a model spec .json file)");
    }

    /** Reads a spec file, naming the file and the field in any message. */
    public static ModelSpec read(Path file) {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            return mapper.readValue(Files.readString(file), ModelSpec.class);
        } catch (NoSuchFileException e) {
            throw new UserInputException("model spec " + file + ": file not found");
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "" : " field '" + e.getPath().get(e.getPath().size() - 1).getFieldName() + "'";
            throw new UserInputException("model spec " + file + ":" + field + " has the wrong type ("
                    + e.getOriginalMessage().split("\n")[0] + ")");
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof UserInputException u) {
                throw new UserInputException(file + ": " + u.getMessage());
            }
            var loc = e.getLocation();
            throw new UserInputException("model spec " + file + (loc == null ? "" : " line " + loc.getLineNr()
                    + ", column " + loc.getColumnNr()) + ": " + e.getOriginalMessage().split("\n")[0]);
        } catch (IOException e) {
            throw new UserInputException("model spec " + file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** A one-line description, e.g. {@code mlp 128-128}. */
    public String describe() {
        return switch (preset) {
            case "mlp" -> "mlp " + String.join("-", hiddenSizes.stream().map(String::valueOf).toList())
                    + (batchNorm ? " bn" : "") + (dropout > 0 ? " dropout " + dropout : "");
            case "resnet" -> "resnet " + blocks + " blocks, " + channels + " channels";
            default -> preset + (dropout != null && dropout > 0 ? " dropout " + dropout : "");
        };
    }
}
