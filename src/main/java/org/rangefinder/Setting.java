package org.rangefinder;

/**
 * A value the user sets, as the engine's checks know it: the key by which a refusal ({@link SettingProblem}) says
 * which value is wrong, whatever the face that set it. Each face names a setting its own way: the command line by
 * {@link #cliName()} (the engine's messages are worded in those names), the window by the label of the field that
 * edits it. There is one constant per value a configuration record checks; a value no check refuses (the seed) has
 * none.
 */
public enum Setting {
    DATASET("--dataset", "dataset"),
    LABEL_COLUMN("--label", "label column"),
    VAL_FRACTION("--val-fraction", "validation fraction"),
    IMAGE_SIZE("--image-size", "image size"),
    MODEL("--model", "model"),
    /** A field of a model spec: the command line reads it from the spec file that {@code --model} names. */
    HIDDEN_SIZES("hiddenSizes", "hidden layer sizes"),
    /** A field of a model spec. */
    DROPOUT("dropout", "dropout"),
    /** A field of a model spec. */
    BATCH_NORM("batchNorm", "batch normalisation"),
    /** A field of a model spec. */
    BLOCKS("blocks", "residual blocks"),
    /** A field of a model spec. */
    CHANNELS("channels", "channels"),
    OPTIMIZER("--optimizer", "optimizer"),
    MOMENTUM("--momentum", "momentum"),
    WEIGHT_DECAY("--weight-decay", "weight decay"),
    BATCH_SIZE("--batch-size", "batch size"),
    START_LR("--start-lr", "start LR"),
    END_LR("--end-lr", "end LR"),
    ITERATIONS("--iterations", "iterations"),
    MODE("--mode", "ladder mode"),
    STEP_SIZE("--step-size", "step size"),
    SMOOTHING("--smoothing", "smoothing"),
    DIVERGE("--diverge", "divergence factor"),
    VAL_BATCHES("--val-batches", "validation batches"),
    SWEEP("--sweep", "sweep"),
    RANGE_FACTOR("--range-factor", "range factor"),
    STEPS("--steps", "total steps"),
    MIN_LR("--min-lr", "min LR"),
    MAX_LR("--max-lr", "max LR"),
    PCT_START("--pct-start", "pct_start"),
    DIV_FACTOR("--div-factor", "div factor"),
    FINAL_DIV_FACTOR("--final-div-factor", "final div factor"),
    BASE_MOMENTUM("--base-momentum", "base momentum"),
    MAX_MOMENTUM("--max-momentum", "max momentum"),
    EPOCHS("--epochs", "epochs"),
    EVAL_EVERY("--eval-every", "evaluation interval"),
    CONSTANT_LR("--lr", "constant LR");

    private final String cliName;
    private final String plainName;

    Setting(String cliName, String plainName) {
        this.cliName = cliName;
        this.plainName = plainName;
    }

    /**
     * The command line's name for it, in which the engine's messages are worded: its option ({@code --batch-size}),
     * or for a field of a model spec file its name there ({@code hiddenSizes}).
     */
    public String cliName() {
        return cliName;
    }

    /** What it is in plain words ({@code batch size}), for a face that has no name of its own for it. */
    public String plainName() {
        return plainName;
    }
}
