package org.rangefinder.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Decoupled weight decay, as in AdamW and as Smith's recipe sweeps it: each step subtracts {@code lr * coeff * w}, of
 * the weight before the step, beside the optimizer's update ({@code w <- w - update - lr * coeff * w}: DL4J's
 * {@code WeightDecay} with the learning rate applied), and adds nothing to the loss. DL4J's own {@code WeightDecay} adds {@code 0.5 * coeff * ||w||^2} of every weight array to the score it
 * reports, so the losses a range test records, smooths and suggests from would grow with the weight decay (on the
 * {@code mlp} preset about 510 x coeff at the start); PyTorch's and fastai's recorded losses have no such term. The
 * update is DL4J's, unchanged.
 */
public final class DecoupledWeightDecay extends WeightDecay {

    private static final long serialVersionUID = 1L;

    /** Decoupled weight decay of {@code coeff} per unit of learning rate. */
    public DecoupledWeightDecay(double coeff) {
        this(new FixedSchedule(coeff), true);
    }

    /** The form DL4J's JSON (a saved model, a cloned configuration) restores; the learning rate is always applied. */
    @JsonCreator
    public DecoupledWeightDecay(@JsonProperty("coeff") ISchedule coeff, @JsonProperty("applyLR") boolean applyLR) {
        super(coeff, true);
    }

    /** Nothing: the decay is not part of the loss. */
    @Override
    public double score(INDArray param, int iteration, int epoch) {
        return 0;
    }

    @Override
    public Regularization clone() {
        return new DecoupledWeightDecay(coeff.clone(), true);
    }
}
