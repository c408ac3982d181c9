package org.rangefinder.ui.onecycle;

import org.rangefinder.ui.form.FormField;

/** The fields of the 1cycle panel, with the words the engine uses for each. */
public enum OneCycleField implements FormField {
    BOUNDS("LR bounds", "--min-lr", "--max-lr", "--div-factor", "min LR", "max LR"),
    EPOCHS("Epochs", "--epochs"),
    PCT_START("pct_start", "--pct-start"),
    FINAL_DIV_FACTOR("Final div factor", "--final-div-factor"),
    BASE_MOMENTUM("Base momentum", "--base-momentum"),
    MAX_MOMENTUM("Max momentum", "--max-momentum"),
    WEIGHT_DECAY("Weight decay", "--weight-decay", "weight decay must"),
    BATCH_SIZE("Batch size", "--batch-size"),
    EVAL_EVERY("Evaluate every", "--eval-every"),
    BASELINE_LR("Baseline LR", "--lr");

    private final Words words;

    OneCycleField(String label, String... keys) {
        this.words = new Words(label, keys);
    }

    @Override
    public Words words() {
        return words;
    }
}
