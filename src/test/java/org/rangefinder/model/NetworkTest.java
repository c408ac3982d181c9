package org.rangefinder.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.rangefinder.TestData;
import org.rangefinder.data.Dataset;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.engine.NativeThreads;

/**
 * {@link Network#setAdamBeta1} reaches the beta1 that DL4J's Adam updater uses, before the first step and between
 * steps. With bias correction Adam's first step does not depend on beta1 (m1 / (1 - beta1) is the gradient), so the
 * runs below take three steps.
 */
class NetworkTest {
    private final Dataset iris = TestData.load("iris");
    private final List<DataSet> batches = batches(3);

    private List<DataSet> batches(int n) {
        BatchStream stream = new BatchStream(iris.train(), iris.numClasses(), 16, 3, false);
        return java.util.stream.Stream.generate(stream::next).limit(n).toList();
    }

    private Network adam(double beta1) {
        NativeThreads.ensureConfigured();
        return NetworkFactory.build(ModelSpec.preset("mlp"), iris,
                Adam.builder().learningRate(0.01).beta1(beta1).beta2(0.999).epsilon(1e-8).build(), 0, 7, 16);
    }

    /** Fits the batches in turn; before step i, beta1 is set to {@code beta1s[i]} when that is not NaN. */
    private INDArray train(Network net, double... beta1s) {
        for (int i = 0; i < batches.size(); i++) {
            if (!Double.isNaN(beta1s[i])) {
                net.setAdamBeta1(beta1s[i]);
            }
            net.fit(batches.get(i));
        }
        return net.params();
    }

    @Test
    void beta1SetBeforeTrainingIsTheBeta1TheNetworkTrainsWith() {
        INDArray built = train(adam(0.5), Double.NaN, Double.NaN, Double.NaN);
        INDArray set = train(adam(0.9), 0.5, Double.NaN, Double.NaN);
        INDArray unchanged = train(adam(0.9), Double.NaN, Double.NaN, Double.NaN);
        assertThat(set.equalsWithEps(built, 0)).isTrue();
        assertThat(unchanged.equalsWithEps(built, 1e-6)).as("beta1 matters from the second step on").isFalse();
    }

    @Test
    void beta1SetBetweenStepsChangesTheNextStep() {
        INDArray unchanged = train(adam(0.9), Double.NaN, Double.NaN, Double.NaN);
        INDArray setAgain = train(adam(0.9), 0.9, 0.9, 0.9);
        INDArray changed = train(adam(0.9), Double.NaN, 0.5, Double.NaN);
        assertThat(setAgain.equalsWithEps(unchanged, 0)).isTrue();
        assertThat(changed.equalsWithEps(unchanged, 1e-6)).isFalse();
    }
}
