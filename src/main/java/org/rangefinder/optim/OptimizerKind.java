package org.rangefinder.optim;

import java.util.Arrays;
import java.util.Locale;
import org.rangefinder.UserInputException;

/** The optimizers a range test or a training run can use. */
public enum OptimizerKind {
    /** Plain stochastic gradient descent, no momentum. */
    SGD,
    /** SGD with Nesterov momentum (DL4J {@code Nesterovs}). */
    NESTEROV,
    /** Adam; its beta1 plays the role of momentum. */
    ADAM;

    /** The lower-case name used on the command line and in files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this optimizer has a momentum (or beta1) that a schedule can cycle. */
    public boolean hasMomentum() {
        return this != SGD;
    }

    public static OptimizerKind parse(String text) {
        for (OptimizerKind k : values()) {
            if (k.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new UserInputException("unknown optimizer '" + text + "' (expected one of "
                + String.join(", ", Arrays.stream(values()).map(OptimizerKind::id).toList()) + ")");
    }
}
