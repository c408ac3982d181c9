package org.rangefinder.hyperparams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import org.rangefinder.files.InvalidField;
import org.rangefinder.optim.Optimizer;
import org.rangefinder.optim.OptimizerKind;

/**
 * The optimizer of a hyperparameter file. SGD and Nesterov carry a {@code momentum} (plain SGD ignores it, as
 * Rangefinder does, and may leave it out: 0); Adam carries {@code betas} = [beta1, beta2] and {@code epsilon}
 * instead, and beta1 plays the momentum's part. Rangefinder's Adam fixes beta2 = 0.999 and epsilon = 1e-8, so the
 * file must say so. A field of another optimizer is refused, as a model spec refuses a field of another preset: it
 * would be ignored, and an Adam file's {@code momentum} is not the momentum it trains with
 * ({@code optimizer.momentum applies to sgd and nesterov; adam's is betas[0]}). Rangefinder never writes one.
 *
 * @param name        {@code sgd}, {@code nesterov} or {@code adam}
 * @param momentum    sgd, nesterov: the momentum when it is not cycled, in [0, 1); optional for sgd (0)
 * @param betas       adam: [beta1, beta2]
 * @param epsilon     adam: the epsilon of the denominator
 * @param weightDecay decoupled weight decay: {@code w -= lr * weightDecay * w} after each step
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptimizerSection(@JsonProperty(required = true) String name, Double momentum, List<Double> betas,
                               Double epsilon, @JsonProperty(required = true) double weightDecay) {

    static final List<String> NAMES = Arrays.stream(OptimizerKind.values()).map(OptimizerKind::id).toList();

    public OptimizerSection {
        Check.oneOf("name", name, NAMES);
        OptimizerKind kind = OptimizerKind.parse(name);
        if (kind == OptimizerKind.ADAM) {
            ofAnother("momentum", momentum, "sgd and nesterov; adam's is betas[0]");
            betas = Check.list("betas", betas);
            if (betas.size() != 2) {
                throw new InvalidField("betas", "must hold two numbers [beta1, beta2], got " + betas.size());
            }
            Check.momentum("betas[0]", betas.get(0));
            if (!Double.valueOf(Optimizer.ADAM_BETA2).equals(betas.get(1))) {
                throw new InvalidField("betas[1]", "must be " + Optimizer.ADAM_BETA2
                        + " (Rangefinder's Adam fixes beta2), got " + betas.get(1));
            }
            if (!Double.valueOf(Optimizer.ADAM_EPSILON).equals(Check.present("epsilon", epsilon))) {
                throw new InvalidField("epsilon", "must be " + Optimizer.ADAM_EPSILON
                        + " (Rangefinder's Adam fixes it), got " + epsilon);
            }
        } else {
            // plain SGD has no momentum to take beta1's part: its momentum is unused
            ofAnother("betas", betas, "adam; " + name + (kind.hasMomentum() ? "'s is momentum" : " has none"));
            ofAnother("epsilon", epsilon, "adam; " + name + " has none");
            if (kind == OptimizerKind.SGD && momentum == null) {
                momentum = 0.0;
            } else {
                Check.momentum("momentum", Check.present("momentum", momentum));
            }
        }
        Check.nonNegative("weightDecay", weightDecay);
    }

    /**
     * Refuses a field of another optimizer when it is given: {@code betas applies to adam; nesterov's is momentum}.
     *
     * @param appliesTo the optimizers it applies to, then what this one has instead
     */
    private static void ofAnother(String field, Object value, String appliesTo) {
        if (value != null) {
            throw new InvalidField(field, "applies to " + appliesTo);
        }
    }

    public static OptimizerSection of(Optimizer o) {
        return o.kind() == OptimizerKind.ADAM
                ? new OptimizerSection(o.kind().id(), null, List.of(o.momentum(), Optimizer.ADAM_BETA2),
                        Optimizer.ADAM_EPSILON, o.weightDecay())
                : new OptimizerSection(o.kind().id(), o.momentum(), null, null, o.weightDecay());
    }

    /** The optimizer, with Adam's beta1 as its momentum. */
    public Optimizer optimizer() {
        OptimizerKind kind = OptimizerKind.parse(name);
        return new Optimizer(kind, kind == OptimizerKind.ADAM ? betas.get(0) : momentum, weightDecay);
    }
}
