package org.rangefinder.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;
import org.rangefinder.TestData;
import org.rangefinder.data.Dataset;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.engine.NativeThreads;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.model.Network;
import org.rangefinder.model.NetworkFactory;

class DecoupledWeightDecayTest {
    private static final double LR = 0.1;

    private static Network sgd(String preset, Dataset data, double weightDecay) {
        NativeThreads.ensureConfigured();
        return NetworkFactory.build(ModelSpec.preset(preset), data, new Sgd(LR), weightDecay, 11, 16);
    }

    private static DataSet batch(Dataset data) {
        return new BatchStream(data.train(), data.numClasses(), 16, 5, false).next();
    }

    @Test
    void theLossOfAStepIsTheSameWhateverTheWeightDecay() {
        Dataset iris = TestData.load("iris");
        DataSet batch = batch(iris);
        double plain = sgd("mlp", iris, 0).fit(batch);
        assertThat(sgd("mlp", iris, 1e-4).fit(batch)).isEqualTo(plain);
        assertThat(sgd("mlp", iris, 0.5).fit(batch)).isEqualTo(plain);
    }

    /**
     * One SGD step from the same weights on the same batch: {@code w1 = w0 - lr * g} without decay, and
     * {@code w1 = w0 - lr * g - lr * wd * w0} with it, on the first layer's weights (not on its biases, which are
     * not decayed). Its parameters, in DL4J's order: mlp 4 x 128 weights then 128 biases; lenet 6 biases then
     * 5 x 5 x 6 weights; resnet's stem 3 x 3 x 16 weights and no bias.
     */
    @ParameterizedTest
    @CsvSource({"mlp, iris, 0, 512, 512, 640", "lenet, digits, 6, 156, 0, 6", "resnet, digits, 0, 144, 0, 0"})
    void aStepTakesLrTimesTheDecayTimesEachWeightOffIt(String preset, String dataset, int weightsFrom, int weightsTo,
                                                     int biasesFrom, int biasesTo) {
        Dataset data = TestData.load(dataset);
        DataSet batch = batch(data);
        double wd = 0.05;
        Network plain = sgd(preset, data, 0);
        Network decayed = sgd(preset, data, wd);
        INDArray w0 = decayed.params();
        plain.fit(batch);
        decayed.fit(batch);
        INDArray taken = plain.params().sub(decayed.params());
        INDArray expected = w0.get(all(), interval(weightsFrom, weightsTo)).mul(LR * wd);
        assertThat(expected.amaxNumber().doubleValue()).isGreaterThan(1e-4);
        assertThat(taken.get(all(), interval(weightsFrom, weightsTo)).equalsWithEps(expected, 1e-6)).isTrue();
        if (biasesTo > biasesFrom) {
            assertThat(taken.get(all(), interval(biasesFrom, biasesTo)).amaxNumber().doubleValue()).isZero();
        }
    }
}
