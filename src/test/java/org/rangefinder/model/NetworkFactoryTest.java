package org.rangefinder.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;
import org.rangefinder.TestData;
import org.rangefinder.UserInputException;
import org.rangefinder.data.Dataset;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.engine.NativeThreads;
import org.rangefinder.schedule.PrecomputedSchedule;

class NetworkFactoryTest {

    private static void forwardAndBackward(ModelSpec spec, Dataset data) {
        NativeThreads.ensureConfigured();
        Network net = NetworkFactory.build(spec, data, new Sgd(0.01), 0, 7);
        DataSet batch = new BatchStream(data.train(), data.numClasses(), 8, 1, true).next();
        INDArray before = net.params();
        double loss = net.fit(batch);
        assertThat(loss).isFinite().isPositive();
        assertThat(net.params().equalsWithEps(before, 0)).as("a step changes the weights").isFalse();
        INDArray out = net.output(batch.getFeatures());
        assertThat(out.shape()).containsExactly(8, data.numClasses());
        assertThat(out.sumNumber().doubleValue()).isCloseTo(8.0, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void mlpTrainsOnEveryKindOfDataset() {
        forwardAndBackward(ModelSpec.preset("mlp"), TestData.load("iris"));
        forwardAndBackward(ModelSpec.preset("mlp"), TestData.load("digits"));
        forwardAndBackward(new ModelSpec("mlp", java.util.List.of(32, 16, 8), 0.2, true, null, null),
                TestData.load("wine"));
    }

    @Test
    void convolutionalPresetsTrainOnSmallImages() {
        forwardAndBackward(ModelSpec.preset("lenet"), TestData.load("digits"));
        forwardAndBackward(ModelSpec.preset("resnet"), TestData.load("digits"));
    }

    @Test
    void convolutionalPresetsTrainOnMnistSizedImages() {
        forwardAndBackward(ModelSpec.preset("lenet"), TestData.load("mnist"));
        forwardAndBackward(new ModelSpec("resnet", null, null, null, 2, 4), TestData.load("mnist"));
    }

    @Test
    void aCnnOnTabularDataIsRefused() {
        assertThatThrownBy(() -> NetworkFactory.checkCompatible(ModelSpec.preset("lenet"), TestData.load("iris")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("needs image data")
                .hasMessageContaining("iris");
    }

    @Test
    void theSameSeedGivesTheSameInitialWeights() {
        Dataset iris = TestData.load("iris");
        NativeThreads.ensureConfigured();
        INDArray a = NetworkFactory.build(ModelSpec.preset("mlp"), iris, new Sgd(0.1), 0, 3).params();
        INDArray b = NetworkFactory.build(ModelSpec.preset("mlp"), iris, new Sgd(0.1), 0, 3).params();
        INDArray c = NetworkFactory.build(ModelSpec.preset("mlp"), iris, new Sgd(0.1), 0, 4).params();
        assertThat(a.equalsWithEps(b, 0)).isTrue();
        assertThat(a.equalsWithEps(c, 0)).isFalse();
    }

    @Test
    void theUpdaterReadsTheScheduleByIterationIndexFromZero() {
        Dataset iris = TestData.load("iris");
        NativeThreads.ensureConfigured();
        // lr 0 for iterations 0 and 1, then 0.5: the first two steps must leave the weights alone
        Network net = NetworkFactory.build(ModelSpec.preset("mlp"), iris,
                new Sgd(new PrecomputedSchedule(new double[] {0, 0, 0.5})), 0, 3);
        BatchStream batches = new BatchStream(iris.train(), iris.numClasses(), 16, 1, true);
        INDArray start = net.params();
        net.fit(batches.next());
        net.fit(batches.next());
        assertThat(net.params().equalsWithEps(start, 0)).isTrue();
        net.fit(batches.next());
        assertThat(net.params().equalsWithEps(start, 0)).isFalse();
    }
}
