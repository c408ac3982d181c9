package org.rangefinder.ui.rangetest;

import java.util.Map;
import org.rangefinder.Setting;
import org.rangefinder.ui.form.FormField;

/** The fields of the experiment panel, with the engine settings each edits. */
public enum ExperimentField implements FormField {
    DATASET("Dataset", Setting.DATASET),
    LABEL_COLUMN("Label column", Setting.LABEL_COLUMN),
    IMAGE_SIZE("Image size", Setting.IMAGE_SIZE),
    VAL_FRACTION("Validation fraction", Setting.VAL_FRACTION),
    MODEL("Model", Setting.MODEL),
    HIDDEN_SIZES("Hidden layers", Setting.HIDDEN_SIZES),
    DROPOUT("Dropout", Setting.DROPOUT),
    BLOCKS("Blocks", Setting.BLOCKS),
    CHANNELS("Channels", Setting.CHANNELS),
    OPTIMIZER("Optimizer", Setting.OPTIMIZER),
    MOMENTUM("Momentum", Setting.MOMENTUM),
    WEIGHT_DECAY("Weight decay", Setting.WEIGHT_DECAY),
    BATCH_SIZE("Batch size", Setting.BATCH_SIZE),
    SEED("Seed"),
    START_LR("Start LR", Setting.START_LR),
    END_LR("End LR", Setting.END_LR),
    ITERATIONS("Iterations", Setting.ITERATIONS),
    MODE("Ladder", Setting.MODE),
    STEP_SIZE("Step size", Setting.STEP_SIZE),
    SMOOTHING("Smoothing (beta)", Setting.SMOOTHING),
    DIVERGE("Divergence factor", Setting.DIVERGE),
    VAL_BATCHES("Validation batches", Setting.VAL_BATCHES),
    /** A sweep's problem names the factor after it: "Sweep weight-decay=-1: ...". */
    SWEEP_VALUES(new Words("Sweep values", Map.of(Setting.SWEEP, "Sweep")));

    private final Words words;

    ExperimentField(String label, Setting... settings) {
        this(new Words(label, settings));
    }

    ExperimentField(Words words) {
        this.words = words;
    }

    @Override
    public Words words() {
        return words;
    }
}
