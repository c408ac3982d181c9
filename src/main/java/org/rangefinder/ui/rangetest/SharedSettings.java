package org.rangefinder.ui.rangetest;

import org.rangefinder.model.ModelSpec;
import org.rangefinder.optim.OptimizerKind;

/**
 * The experiment panel's settings that a 1cycle run trains with too: what to train on, what to train, how to optimise
 * and the seed. The range test's own settings (its learning rates, iterations, smoothing, batch size and weight decay,
 * a sweep) are not among them: the 1cycle panel has a batch size and a weight decay of its own.
 *
 * @param dataset   bundled dataset name or path, as the user gave it (loaded with the panel's data options)
 * @param model     network architecture
 * @param optimizer sgd, nesterov or adam
 * @param momentum  Nesterov momentum or Adam beta1; for plain SGD, which has none, the default in its place
 * @param seed      seed of the initial weights, the shuffling and the validation split
 */
public record SharedSettings(String dataset, ModelSpec model, OptimizerKind optimizer, double momentum, long seed) {
}
