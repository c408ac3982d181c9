package org.rangefinder.hyperparams;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.schedule.Anneal;
import org.rangefinder.schedule.OneCycleSettings;

/**
 * The 1cycle schedule of a hyperparameter file, in the terms of PyTorch's {@code OneCycleLR}; its {@code max_lr} is
 * the file's {@code lr.max}.
 *
 * @param totalSteps     T = epochs x ceil(training samples / batch size)
 * @param pctStart       share of the steps spent raising the learning rate, in (0, 1)
 * @param anneal         {@code cos} or {@code linear}
 * @param divFactor      initial lr = max_lr / divFactor; optional on reading (then {@code lr.max / lr.min})
 * @param finalDivFactor final lr = initial lr / finalDivFactor
 * @param threePhase     PyTorch's {@code three_phase}
 * @param cycleMomentum  whether momentum (Adam: beta1) moves opposite to the learning rate; ignored for plain SGD
 *                       ({@link #settings})
 * @param baseMomentum   the momentum at the peak learning rate, at most {@code maxMomentum} when cycled
 * @param maxMomentum    the momentum at both ends of the cycle
 */
public record OneCycleSection(@JsonProperty(required = true) int totalSteps,
                              @JsonProperty(required = true) double pctStart,
                              @JsonProperty(required = true) String anneal,
                              Double divFactor,
                              @JsonProperty(required = true) double finalDivFactor,
                              @JsonProperty(required = true) boolean threePhase,
                              @JsonProperty(required = true) boolean cycleMomentum,
                              @JsonProperty(required = true) double baseMomentum,
                              @JsonProperty(required = true) double maxMomentum) {

    static final List<String> ANNEAL_IDS = Arrays.stream(Anneal.values()).map(Anneal::id).toList();

    public OneCycleSection {
        Check.atLeast("totalSteps", totalSteps, 1);
        Check.openFraction("pctStart", pctStart);
        Check.oneOf("anneal", anneal, ANNEAL_IDS);
        if (divFactor != null) {
            Check.positive("divFactor", divFactor);
        }
        Check.positive("finalDivFactor", finalDivFactor);
        Check.momentum("baseMomentum", baseMomentum);
        Check.momentum("maxMomentum", maxMomentum);
    }

    public static OneCycleSection of(OneCycleSettings s) {
        return new OneCycleSection(s.totalSteps(), s.pctStart(), s.anneal().id(), s.divFactor(), s.finalDivFactor(),
                s.threePhase(), s.cycleMomentum(), s.baseMomentum(), s.maxMomentum());
    }

    /**
     * The schedule between these bounds as the file gives it; {@code divFactor} defaults to {@code max / min}. Checked
     * whatever the optimizer: a plain SGD file's cycle is run by {@code train --optimizer nesterov} or {@code adam}.
     */
    OneCycleSettings settings(LrBounds lr) {
        return new OneCycleSettings(totalSteps, lr.max(), pctStart, Anneal.parse(anneal),
                divFactor != null ? divFactor : lr.max() / lr.min(), finalDivFactor, threePhase, cycleMomentum,
                baseMomentum, maxMomentum);
    }

    /**
     * The schedule for training with {@code optimizer}: plain SGD has no momentum to cycle, so its
     * {@code cycleMomentum} is taken as false, as training and the exports keep it still.
     */
    OneCycleSettings settings(LrBounds lr, OptimizerKind optimizer) {
        OneCycleSettings s = settings(lr);
        return optimizer.hasMomentum() ? s : s.withCycleMomentum(false);
    }
}
