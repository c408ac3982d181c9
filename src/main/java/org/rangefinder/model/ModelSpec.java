package org.rangefinder.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rangefinder.Counts;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;
import org.rangefinder.UserInputException;
import org.rangefinder.files.StrictJson;

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
 * <p>A field belongs to the presets named below and is refused with any other, so that a spec never says more than
 * the network it builds. Sizes are bounded so that the weights of any spec fit a workstation's memory (the largest
 * were built and stepped on two cores with Adam, whose two moments make four floats a weight with the gradient):
 * <ul>
 *   <li>mlp: at most {@value #MAX_HIDDEN_LAYERS} hidden layers of at most {@value #MAX_UNITS} units. Eight layers
 *       of 4096 hold about 120 million weights between them: 2.3 GB, under two seconds a step on MNIST at batch 64.
 *       {@code [100000, 100000]} would be 10 billion weights, 160 GB, more than the native allocator gives.</li>
 *   <li>resnet: at most {@value #MAX_BLOCKS} blocks, and at most {@value #MAX_CHANNELS} channels in the widest
 *       block: {@code channels * 2^floor((blocks - 1) / 2)}, as the channels double every second block while the
 *       image is at least 4 pixels (on large images they do every time). 512 is the widest stage of ResNet-18;
 *       each doubling past it multiplies the weights of a 3x3 convolution by four: 512 channels over 16 blocks would
 *       reach 65536, 39 billion weights in one convolution.</li>
 * </ul>
 * The activations grow with the batch and the image too, which a spec does not know: a stem of 512 channels on
 * 28x28 images at batch 64 takes about 5 GB and half a minute a step.
 *
 * @param preset      {@code mlp}, {@code lenet} or {@code resnet}
 * @param hiddenSizes mlp only: units of each hidden layer
 * @param dropout     probability of dropping a unit of each hidden dense layer's output, on the input of the layer
 *                    after it (DL4J's dropout acts on a layer's input; 0 turns it off)
 * @param batchNorm   mlp only: batch normalisation after each hidden dense layer
 * @param blocks      resnet only: number of residual blocks
 * @param channels    resnet only: filters of the stem and the first blocks
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(String preset, List<Integer> hiddenSizes, Double dropout, Boolean batchNorm,
                        Integer blocks, Integer channels) {

    public static final List<String> PRESETS = List.of("mlp", "lenet", "resnet");

    /** The most units of one hidden layer of an mlp. */
    public static final int MAX_UNITS = 4096;

    /** The most hidden layers of an mlp. */
    public static final int MAX_HIDDEN_LAYERS = 8;

    /** The most residual blocks of a resnet. */
    public static final int MAX_BLOCKS = 16;

    /** The most channels of a resnet's widest block. */
    public static final int MAX_CHANNELS = 512;

    /** The fields of a spec file. */
    private static final List<String> FIELDS = Arrays.stream(ModelSpec.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    /**
     * Fills in each preset's defaults and checks every value; a bad one is a {@link SettingProblem} of the
     * {@link Setting} for its field, worded in the spec file's terms ({@code model spec: 'dropout' must be ...}).
     */
    public ModelSpec {
        if (preset == null) {
            throw SettingProblem.worded(Setting.MODEL, "model spec: 'preset' is required (one of %s)",
                    String.join(", ", PRESETS));
        }
        preset = preset.toLowerCase(Locale.ROOT);
        if (!PRESETS.contains(preset)) {
            throw SettingProblem.worded(Setting.MODEL, "model spec: unknown preset '%s' (expected one of %s)", preset,
                    String.join(", ", PRESETS));
        }
        boolean mlp = preset.equals("mlp");
        boolean resnet = preset.equals("resnet");
        onlyFor(preset, Setting.HIDDEN_SIZES, hiddenSizes, mlp, "mlp");
        onlyFor(preset, Setting.BATCH_NORM, batchNorm, mlp, "mlp");
        onlyFor(preset, Setting.DROPOUT, dropout, !resnet, "mlp and lenet");
        onlyFor(preset, Setting.BLOCKS, blocks, resnet, "resnet");
        onlyFor(preset, Setting.CHANNELS, channels, resnet, "resnet");
        for (int i = 0; mlp && hiddenSizes != null && i < hiddenSizes.size(); i++) {
            if (hiddenSizes.get(i) == null) { // List.copyOf would throw a bare NullPointerException
                throw refused(Setting.HIDDEN_SIZES, "[" + i + "]", "is required but missing");
            }
        }
        hiddenSizes = mlp ? List.copyOf(hiddenSizes == null ? List.of(128, 128) : hiddenSizes) : null;
        batchNorm = mlp ? (batchNorm != null && batchNorm) : null;
        dropout = resnet ? null : (dropout == null ? 0.0 : dropout);
        blocks = resnet ? (blocks == null ? 4 : blocks) : null;
        channels = resnet ? (channels == null ? 16 : channels) : null;
        if (mlp) {
            if (hiddenSizes.isEmpty() || hiddenSizes.size() > MAX_HIDDEN_LAYERS) {
                throw refused(Setting.HIDDEN_SIZES, "", "must hold 1 to %s layers, got %s", MAX_HIDDEN_LAYERS,
                        hiddenSizes.size());
            }
            for (int i = 0; i < hiddenSizes.size(); i++) {
                Integer units = hiddenSizes.get(i);
                if (units == null || units < 1 || units > MAX_UNITS) {
                    throw refused(Setting.HIDDEN_SIZES, "[" + i + "]", "must be between 1 and %s units, got %s",
                            MAX_UNITS, units);
                }
            }
        }
        if (dropout != null && !(dropout >= 0 && dropout < 1)) {
            throw refused(Setting.DROPOUT, "", "must be in [0, 1), got %s", dropout);
        }
        if (resnet) {
            if (blocks < 1 || blocks > MAX_BLOCKS) {
                throw refused(Setting.BLOCKS, "", "must be between 1 and %s, got %s", MAX_BLOCKS, blocks);
            }
            if (channels < 1 || channels > MAX_CHANNELS) {
                throw refused(Setting.CHANNELS, "", "must be between 1 and %s, got %s", MAX_CHANNELS, channels);
            }
            long widest = (long) channels << ((blocks - 1) / 2);
            if (widest > MAX_CHANNELS) {
                throw refused(Setting.CHANNELS, "", "%s would reach %s in the widest of %s blocks (they double every "
                        + "second block); at most %s", channels, widest, blocks, MAX_CHANNELS);
            }
        }
    }

    /** Refuses a field given for a preset it does not apply to. */
    private static void onlyFor(String preset, Setting field, Object value, boolean applies, String presets) {
        if (value != null && !applies) {
            throw refused(field, "", "applies to %s only, not to %s", presets, preset);
        }
    }

    /**
     * The refusal of a field, or of an element of it ({@code element} {@code [1]}), worded as the spec file names it:
     * {@code model spec: 'hiddenSizes[1]' must be between ...}.
     */
    private static SettingProblem refused(Setting field, String element, String problem, Object... args) {
        return SettingProblem.worded(field, "model spec: '" + field.cliName() + element + "' " + problem, args);
    }

    /** A preset with its defaults. */
    public static ModelSpec preset(String name) {
        return new ModelSpec(name, null, null, null, null, null);
    }

    /** {@code mlp}, {@code lenet}, {@code resnet}, or the path of a spec file. */
    public static ModelSpec parse(String presetOrPath) {
        if (presetOrPath.isBlank()) {
            // as a path, a blank one names the current folder, which was refused as a folder without naming --model
            throw new SettingProblem(Setting.MODEL, "is blank: give %s, or the path of a model spec .json file",
                    String.join(", ", PRESETS));
        }
        if (PRESETS.contains(presetOrPath.toLowerCase(Locale.ROOT))) {
            return preset(presetOrPath);
        }
        if (presetOrPath.toLowerCase(Locale.ROOT).endsWith(".json") || Files.exists(Path.of(presetOrPath))) {
            return read(Path.of(presetOrPath));
        }
        throw new UserInputException("unknown model '" + presetOrPath + "' (expected " + String.join(", ", PRESETS)
                + ", or the path of a model spec .json file)");
    }

    /**
     * Reads a spec file as strictly as a hyperparameter file ({@link StrictJson}); every message names the file and
     * the field. A field that is not one of a spec's is refused, as a misspelt one would otherwise leave its default.
     */
    public static ModelSpec read(Path file) {
        String source = file.toString();
        ObjectNode tree = StrictJson.readObject(StrictJson.readText(file), source, "a JSON object with a model spec");
        List<String> unknown = StrictJson.unknownFields(tree, ModelSpec.class, "");
        if (!unknown.isEmpty()) {
            throw new UserInputException(source + ": unknown field '" + unknown.get(0) + "' (a model spec has "
                    + String.join(", ", FIELDS) + ")");
        }
        return StrictJson.bind(tree, ModelSpec.class, source);
    }

    /** A one-line description, e.g. {@code mlp 128-128}. */
    public String describe() {
        return switch (preset) {
            case "mlp" -> "mlp " + String.join("-", hiddenSizes.stream().map(String::valueOf).toList())
                    + (batchNorm ? " bn" : "") + (dropout > 0 ? " dropout " + dropout : "");
            case "resnet" -> "resnet " + Counts.of(blocks, "block") + ", " + Counts.of(channels, "channel");
            default -> preset + (dropout != null && dropout > 0 ? " dropout " + dropout : "");
        };
    }
}
