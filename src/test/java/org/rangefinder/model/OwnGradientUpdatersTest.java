package org.rangefinder.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.rangefinder.TestData;
import org.rangefinder.data.Dataset;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.engine.NativeThreads;

/**
 * The updaters that take DL4J's path for a network's own gradient train exactly as DL4J's own updaters (bit for bit,
 * weights and updater state, with weight decay), and make fewer ND4J buffers per step.
 */
class OwnGradientUpdatersTest {
    private static final int STEPS = 12;
    private static Dataset digits;

    @BeforeAll
    static void data() {
        NativeThreads.ensureConfigured();
        digits = TestData.load("digits");
    }

    /** Two dense layers on digits with weight decay, from seed 5. */
    private static NeuralNetConfiguration.Builder base(IUpdater updater) {
        return new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.FLOAT).updater(updater)
                .weightDecay(1e-3, true);
    }

    private static MultiLayerNetwork sequential(IUpdater updater) {
        var list = base(updater).list()
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build());
        list.setInputType(InputType.feedForward(digits.featureLength()));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    private static ComputationGraph graph(IUpdater updater) {
        var g = base(updater).graphBuilder().addInputs("in")
                .addLayer("dense", new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("out").setInputTypes(InputType.feedForward(digits.featureLength()));
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        return graph;
    }

    private static BatchStream batches() {
        return new BatchStream(digits.train(), digits.numClasses(), 32, 3, true);
    }

    private static void train(Consumer<DataSet> fit, BatchStream batches, int steps) {
        for (int i = 0; i < steps; i++) {
            fit.accept(batches.next());
        }
    }

    @Test
    void aSequentialNetworkTrainsBitForBitAsWithDl4jsUpdater() {
        for (IUpdater updater : new IUpdater[] {new Nesterovs(0.05, 0.9), new Adam(1e-3)}) {
            MultiLayerNetwork dl4j = sequential(updater.clone());
            MultiLayerNetwork own = sequential(updater.clone());
            OwnGradientUpdaters.install(own);
            train(dl4j::fit, batches(), STEPS);
            train(own::fit, batches(), STEPS);
            assertThat(own.params().equalsWithEps(sequential(updater.clone()).params(), 0)).as("trained").isFalse();
            assertThat(own.params().equalsWithEps(dl4j.params(), 0)).as(updater.toString()).isTrue();
            assertThat(own.getUpdater().getStateViewArray().equalsWithEps(dl4j.getUpdater().getStateViewArray(), 0))
                    .isTrue();
        }
    }

    @Test
    void aGraphTrainsBitForBitAsWithDl4jsUpdater() {
        ComputationGraph dl4j = graph(new Nesterovs(0.05, 0.9));
        ComputationGraph own = graph(new Nesterovs(0.05, 0.9));
        OwnGradientUpdaters.install(own);
        train(dl4j::fit, batches(), STEPS);
        train(own::fit, batches(), STEPS);
        assertThat(own.params().equalsWithEps(graph(new Nesterovs(0.05, 0.9)).params(), 0)).isFalse();
        assertThat(own.params().equalsWithEps(dl4j.params(), 0)).isTrue();
        assertThat(own.getUpdater().getStateViewArray().equalsWithEps(dl4j.getUpdater().getStateViewArray(), 0))
                .isTrue();
    }

    /** ND4J numbers every data buffer it makes; the fewest made over {@code steps} steps in three tries. */
    private static long buffersMade(MultiLayerNetwork net, int steps) {
        BatchStream batches = batches();
        train(net::fit, batches, 3);
        long fewest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = Nd4j.getDeallocatorService().nextValue();
            train(net::fit, batches, steps);
            fewest = Math.min(fewest, Nd4j.getDeallocatorService().nextValue() - before - 1);
        }
        return fewest;
    }

    @Test
    void theNetworksOwnGradientIsNotSlicedAnewAtEveryStep() {
        MultiLayerNetwork dl4j = sequential(new Nesterovs(0.05, 0.9));
        MultiLayerNetwork own = sequential(new Nesterovs(0.05, 0.9));
        OwnGradientUpdaters.install(own);
        // DL4J's path for a foreign gradient makes four views (reshaped and sliced, parameters and gradient) per
        // parameter array (two weights, two biases), before and after the update: 32 per step
        assertThat(buffersMade(dl4j, STEPS) - buffersMade(own, STEPS)).isGreaterThanOrEqualTo(32L * STEPS);
    }

    @Test
    void onlyAGradientInTheViewsMemoryIsTakenForTheNetworksOwn() {
        MultiLayerNetwork net = sequential(new Nesterovs(0.05, 0.9));
        INDArray view = ((MultiLayerUpdater) net.getUpdater()).getFlattenedGradientsView();

        Gradient own = new DefaultGradient(view);
        assertThat(OwnGradientUpdaters.asOwn(own, view).gradient()).isSameAs(view);

        Gradient copy = new DefaultGradient(view.dup());
        assertThat(OwnGradientUpdaters.asOwn(copy, view)).isSameAs(copy);
        INDArray shorter = view.reshape(view.length()).get(NDArrayIndex.interval(0, 10));
        Gradient part = new DefaultGradient(shorter);
        assertThat(OwnGradientUpdaters.asOwn(part, view)).isSameAs(part);
    }
}
