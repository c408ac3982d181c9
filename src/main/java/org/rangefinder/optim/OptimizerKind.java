package org.rangefinder.optim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.rangefinder.EnumIds;
import org.rangefinder.Setting;

/** The optimizers a range test or a training run can use. */
public enum OptimizerKind {
    /** Plain stochastic gradient descent, no momentum. */
    SGD,
    /** SGD with Nesterov momentum (DL4J {@code Nesterovs}). */
    NESTEROV,
    /** Adam; its beta1 plays the role of momentum. */
    ADAM;

    /** The lower-case name used on the command line and in files. */
    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    /** Whether this optimizer has a momentum (or beta1) that a schedule can cycle. */
    public boolean hasMomentum() {
        return this != SGD;
    }

    @JsonCreator
    public static OptimizerKind parse(String text) {
        return EnumIds.parse(OptimizerKind.class, text, Setting.OPTIMIZER);
    }
}
