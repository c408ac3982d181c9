package org.rangefinder.ui.rangetest;

import org.rangefinder.ui.form.FormField;

/** The fields of the experiment panel, with the words the engine uses for each. */
public enum ExperimentField implements FormField {
    DATASET("Dataset", "--dataset", "dataset"),
    LABEL_COLUMN("Label column", "--label", "label column"),
    VAL_FRACTION("Validation fraction", "--val-fraction", "validation fraction"),
    MODEL("Model", "--model", "model '"),
    HIDDEN_SIZES("Hidden layers", "'hiddenSizes"),
    DROPOUT("Dropout", "'dropout'"),
    BLOCKS("Blocks", "'blocks'"),
    CHANNELS("Channels", "'channels'"),
    OPTIMIZER("Optimizer", "--optimizer"),
    MOMENTUM("Momentum", "--momentum", "momentum must"),
    WEIGHT_DECAY("Weight decay", "--weight-decay", "weight decay must"),
    BATCH_SIZE("Batch size", "--batch-size"),
    SEED("Seed", "--seed"),
    START_LR("Start LR", "--start-lr"),
    END_LR("End LR", "--end-lr"),
    ITERATIONS("Iterations", "--iterations"),
    MODE("Ladder", "--mode"),
    STEP_SIZE("Step size", "--step-size"),
    SMOOTHING("Smoothing (beta)", "--smoothing"),
    DIVERGE("Divergence factor", "--diverge"),
    VAL_BATCHES("Validation batches", "--val-batches"),
    SWEEP_VALUES("Sweep values", "--sweep");

    private final Words words;

    ExperimentField(String label, String... keys) {
        this.words = new Words(label, keys);
    }

    @Override
    public Words words() {
        return words;
    }
}
