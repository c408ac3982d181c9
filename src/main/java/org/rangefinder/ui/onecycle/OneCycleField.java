package org.rangefinder.ui.onecycle;

import java.util.Map;
import org.rangefinder.Setting;
import org.rangefinder.ui.form.FormField;

/** The fields of the 1cycle panel, with the engine settings each edits. */
public enum OneCycleField implements FormField {
    /** The markers on the range-test chart: the cycle's bounds, and the div factor they make. */
    BOUNDS(new Words("LR bounds", Map.of(Setting.MIN_LR, "Min LR", Setting.MAX_LR, "Max LR",
            Setting.DIV_FACTOR, "Div factor"))),
    EPOCHS("Epochs", Setting.EPOCHS),
    PCT_START("pct_start", Setting.PCT_START),
    FINAL_DIV_FACTOR("Final div factor", Setting.FINAL_DIV_FACTOR),
    BASE_MOMENTUM("Base momentum", Setting.BASE_MOMENTUM),
    MAX_MOMENTUM("Max momentum", Setting.MAX_MOMENTUM),
    WEIGHT_DECAY("Weight decay", Setting.WEIGHT_DECAY),
    BATCH_SIZE("Batch size", Setting.BATCH_SIZE),
    EVAL_EVERY("Evaluate every", Setting.EVAL_EVERY),
    BASELINE_LR("Baseline LR", Setting.CONSTANT_LR);

    private final Words words;

    OneCycleField(String label, Setting... settings) {
        this(new Words(label, settings));
    }

    OneCycleField(Words words) {
        this.words = words;
    }

    @Override
    public Words words() {
        return words;
    }
}
