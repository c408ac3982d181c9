package org.rangefinder.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.rangefinder.engine.NativeThreads;
import org.rangefinder.schedule.PrecomputedSchedule;

/**
 * The update rules of the DL4J updaters Rangefinder trains with, on one weight, against hand-computed values: where
 * they differ from PyTorch's is what the PyTorch hand-off's comments say.
 */
class OptimizerTest {

    /** Applies the updater to gradients {@code g}, one per step, and returns each step's update (subtracted). */
    private static double[] updates(Optimizer optimizer, double[] lrs, double... g) {
        NativeThreads.ensureConfigured();
        var config = optimizer.updater(new PrecomputedSchedule(lrs), null);
        INDArray state = Nd4j.zeros(DataType.DOUBLE, 1, (int) config.stateSize(1));
        GradientUpdater<?> updater = config.instantiate(state, true);
        double[] out = new double[g.length];
        for (int t = 0; t < g.length; t++) {
            INDArray gradient = Nd4j.scalar(DataType.DOUBLE, g[t]).reshape(1, 1);
            updater.applyUpdater(gradient, t, 0);
            out[t] = gradient.getDouble(0);
        }
        return out;
    }

    /**
     * Nesterov, momentum 0.9, gradient 1 twice, lr 0.5 then 0.1. DL4J (v = 0.9 v - lr g, update 0.9 v_prev - 1.9 v):
     * v1 = -0.5, update 0.95; v2 = -0.45 - 0.1 = -0.55, update -0.45 + 1.045 = 0.595. PyTorch (b = 0.9 b + g, update
     * lr (g + 0.9 b)): 0.95, then 0.1 * (1 + 0.9 * 1.9) = 0.271. The same first step, not the second.
     */
    @Test
    void nesterovKeepsEachStepsLearningRateInItsVelocity() {
        double[] steps = updates(new Optimizer(OptimizerKind.NESTEROV, 0.9, 0), new double[] {0.5, 0.1}, 1, 1);
        assertThat(steps[0]).isCloseTo(0.95, within(1e-12));
        assertThat(steps[1]).isCloseTo(0.595, within(1e-12));
    }

    /**
     * Adam, lr 0.1, beta1 0.9, beta2 0.999, eps 1e-8, one gradient of 1e-9 (so that eps counts): m = 1e-10, v = 1e-21;
     * DL4J: 0.1 * sqrt(1 - 0.999) / (1 - 0.9) * m / (sqrt(v) + eps) = 3.1523e-4. PyTorch adds eps after the bias
     * correction, 0.1 * (m / 0.1) / (sqrt(v / 0.001) + eps) = 0.1 * 1e-9 / 1.1e-8 = 9.0909e-3.
     */
    @Test
    void adamAddsEpsilonBeforeTheBiasCorrection() {
        double[] steps = updates(new Optimizer(OptimizerKind.ADAM, 0.9, 0), new double[] {0.1}, 1e-9);
        double m = 0.1 * 1e-9;
        double v = 0.001 * 1e-18;
        assertThat(steps[0]).isCloseTo(0.1 * Math.sqrt(0.001) / 0.1 * m / (Math.sqrt(v) + 1e-8), within(1e-12))
                .isCloseTo(3.1523e-4, within(1e-8));
    }
}
