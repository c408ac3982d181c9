package org.rangefinder.handoff;

import java.util.Arrays;
import java.util.Locale;
import org.rangefinder.UserInputException;

/** The frameworks a hyperparameter file can be handed to as code. */
public enum ExportFormat {
    /** {@code torch.optim.SGD}/{@code AdamW} with {@code OneCycleLR}: the same values step for step. */
    PYTORCH,
    /** fastai's {@code fit_one_cycle} with the closest arguments. */
    FASTAI,
    /** DL4J Java with Rangefinder's own schedule classes: the same values step for step. */
    DL4J;

    /** The name on the command line and in menus: {@code pytorch}, {@code fastai}, {@code dl4j}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The usual file extension of the snippet, without the dot. */
    public String extension() {
        return this == DL4J ? "java" : "py";
    }

    public static ExportFormat parse(String text) {
        for (ExportFormat f : values()) {
            if (f.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new UserInputException("--format must be one of " + String.join(", ",
                Arrays.stream(values()).map(ExportFormat::id).toList()) + ", got '" + text + "'");
    }
}
