package org.rangefinder.optim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.rangefinder.EnumIds;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;

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

    /**
     * The refusal of {@code setting}, set to {@code value}, that sets a momentum plain SGD does not have, rather than
     * record a value the run ignores: {@code --momentum 0.5 is not used: plain SGD (--optimizer sgd) has no momentum;
     * use --optimizer nesterov or adam for one}, each setting named as the face that shows it names it.
     */
    public static SettingProblem noMomentumFor(Setting setting, Object value) {
        return new SettingProblem(setting, "%s is not used: plain SGD (%s %s) has no momentum; use %s %s or %s for one",
                value, Setting.OPTIMIZER, SGD.id(), Setting.OPTIMIZER, NESTEROV.id(), ADAM.id());
    }

    @JsonCreator
    public static OptimizerKind parse(String text) {
        return EnumIds.parse(OptimizerKind.class, text, Setting.OPTIMIZER);
    }
}
