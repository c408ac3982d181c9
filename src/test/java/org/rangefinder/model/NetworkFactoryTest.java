package org.rangefinder.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.rangefinder.TestData;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataFormat;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.DatasetKind;
import org.rangefinder.data.FeatureScaling;
import org.rangefinder.data.Split;
import org.rangefinder.engine.BatchStream;
import org.rangefinder.engine.NativeThreads;
import org.rangefinder.schedule.PrecomputedSchedule;

class NetworkFactoryTest {

    private static void forwardAndBackward(ModelSpec spec, Dataset data) {
        NativeThreads.ensureConfigured();
        Network net = NetworkFactory.build(spec, data, new Sgd(0.01), 0, 7, 8);
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

    /**
     * What each of a built network's dense or batch-norm layers does to its input in training mode: {@code rows}
     * rows of ones, as wide as the layer's input, go in, and the layer's input after the pass is what it computed on
     * (a layer with dropout keeps the input it dropped units of). Per layer: the share of those inputs that are 0,
     * and the value of the others (NaN where they differ). Dropout draws from ND4J's generator, seeded here, so the
     * shares are the same on every run.
     */
    private static List<double[]> dropped(List<Layer> layers, int rows) {
        Nd4j.getRandom().setSeed(7);
        List<double[]> shares = new java.util.ArrayList<>();
        for (Layer layer : layers) {
            long width = ((FeedForwardLayer) layer.conf().getLayer()).getNIn();
            INDArray ones = Nd4j.ones(DataType.FLOAT, rows, width);
            layer.setInput(ones.dup(), LayerWorkspaceMgr.noWorkspaces());
            layer.activate(true, LayerWorkspaceMgr.noWorkspaces());
            double[] in = layer.input().data().asDouble();
            double kept = Arrays.stream(in).filter(v -> v != 0).distinct().count() == 1
                    ? Arrays.stream(in).filter(v -> v != 0).findFirst().orElseThrow() : Double.NaN;
            shares.add(new double[] {(double) Arrays.stream(in).filter(v -> v == 0).count() / in.length, kept});
        }
        return shares;
    }

    /**
     * A spec's dropout is the probability of dropping a unit, on the input of each layer after a hidden dense layer
     * (ModelSpec); DL4J's {@code dropOut(x)} takes the probability of keeping one, so dropout 0.2 is DL4J's 0.8. An mlp
     * [32, 16, 8] with batch norm is dense, BN, dense, BN, dense, BN, output: the second and third dense layers and
     * the output layer drop, the first dense layer (whose input is the data) and the BN layers do not. In training
     * mode a dropping layer zeroes a share of its inputs close to 0.2 and scales the rest by 1 / 0.8 = 1.25 (inverted
     * dropout; both exact in float): 2000 rows of 32, 16 and 8 inputs are 64,000, 32,000 and 16,000 draws, whose
     * share of zeros has a binomial standard deviation of sqrt(0.2 * 0.8 / n) = 0.0016, 0.0022 and 0.0032. The
     * tolerance 0.02 is six of the largest; a keep probability of 0.2 would zero 0.8 of them.
     */
    @Test
    void anMlpSpecsDropoutAndBatchNormAreInTheBuiltNetwork() {
        NativeThreads.ensureConfigured();
        ModelSpec spec = new ModelSpec("mlp", List.of(32, 16, 8), 0.2, true, null, null);
        Network net = NetworkFactory.build(spec, TestData.load("digits"), new Sgd(0.01), 0, 7, 8);
        assertThat(net.layers()).extracting(l -> l.conf().getLayer().getClass().getSimpleName()).containsExactly(
                "DenseLayer", "BatchNormalization", "DenseLayer", "BatchNormalization", "DenseLayer",
                "BatchNormalization", "OutputLayer");
        assertThat(net.layers()).extracting(NetworkFactoryTest::keepProbability)
                .containsExactly(null, null, 0.8, null, 0.8, null, 0.8);
        List<double[]> shares = dropped(net.layers(), 2000);
        for (int i : new int[] {0, 1, 3, 5}) {
            assertThat(shares.get(i)).as("layer %d", i).containsExactly(0, 1);
        }
        for (int i : new int[] {2, 4, 6}) {
            assertThat(shares.get(i)[0]).as("layer %d", i).isCloseTo(0.2, within(0.02));
            assertThat(shares.get(i)[1]).as("layer %d", i).isEqualTo(1.25);
        }
    }

    /**
     * LeNet takes a spec's dropout on the input of its second and third dense layers (the 84 units and the output),
     * after its hidden dense layers of 120 and 84 units, as the mlp does; no layer before those drops anything. 500
     * rows of 120 and 84 inputs: 60,000 and 42,000 draws, standard deviation 0.0016 and 0.0020, tolerance 0.02.
     */
    @Test
    void lenetTakesASpecsDropoutAfterItsHiddenDenseLayers() {
        NativeThreads.ensureConfigured();
        Network net = NetworkFactory.build(new ModelSpec("lenet", null, 0.2, null, null, null),
                TestData.load("digits"), new Sgd(0.01), 0, 7, 8);
        assertThat(net.layers()).extracting(NetworkFactoryTest::keepProbability)
                .containsExactly(null, null, null, null, null, 0.8, 0.8);
        List<Layer> dense = net.layers().subList(4, 7);
        assertThat(dense).extracting(l -> l.conf().getLayer().getClass().getSimpleName())
                .containsExactly("DenseLayer", "DenseLayer", "OutputLayer");
        List<double[]> shares = dropped(dense, 500);
        assertThat(shares.get(0)).containsExactly(0, 1);
        for (int i = 1; i < 3; i++) {
            assertThat(shares.get(i)[0]).as("layer %d", i + 4).isCloseTo(0.2, within(0.02));
            assertThat(shares.get(i)[1]).as("layer %d", i + 4).isEqualTo(1.25);
        }
    }

    /** DL4J's keep probability of a layer's dropout, or null where it has none. */
    private static Double keepProbability(Layer layer) {
        return layer.conf().getLayer().getIDropout() instanceof Dropout d ? d.getP() : null;
    }

    /** Two blank images of {@code side} x {@code side} pixels, one per class. */
    private static Dataset twoImages(int side) {
        Split two = new Split(new float[2 * side * side], new int[] {0, 1}, side * side);
        return new Dataset("big", DatasetKind.IMAGE, DataFormat.IDX, new int[] {1, side, side}, List.of("a", "b"), two, two, null,
                new FeatureScaling.Divided(255));
    }

    /**
     * An mlp of 4096 units on 1 x 4096 x 4096 images: 4096^2 * 4096 + 4096 + 4096 * 2 + 2 = 68,719,489,026
     * parameters; with their gradients and Nesterov's velocity 12 bytes each, 768.0 GiB. Refused before any of it is
     * allocated (the test would otherwise need that memory), naming the model, the data and the ways out.
     */
    @Test
    void aNetworkWhoseWeightsCannotFitTheMachineIsRefusedBeforeItIsAllocated() {
        ModelSpec wide = new ModelSpec("mlp", List.of(4096), null, null, null, null);
        assertThatThrownBy(() -> NetworkFactory.build(wide, twoImages(4096), new Nesterovs(0.1, 0.9), 0, 1, 1))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("model mlp 4096 on 'big' (samples of 1x4096x4096), batch 1, needs about ")
                .hasMessageContaining(" GiB to train (68,719,489,026 parameters with their gradients and the "
                        + "optimizer's state: 768.0 GiB; a batch's activations, or an evaluation's: ")
                .hasMessageEndingWith(" GiB of memory; use a smaller model (resnet's weights do not grow with the "
                        + "image: --model resnet), smaller samples or a smaller batch");
    }

    /**
     * The check alone refuses what the build refuses, with its message, and takes what it takes: the command line
     * checks each member of a sweep with it before any runs.
     */
    @Test
    void theCheckAloneRefusesWhatTheBuildRefuses() {
        ModelSpec wide = new ModelSpec("mlp", List.of(4096), null, null, null, null);
        Dataset big = twoImages(4096);
        Throwable built = catchThrowable(() -> NetworkFactory.build(wide, big, new Nesterovs(0.1, 0.9), 0, 1, 1));
        assertThatThrownBy(() -> NetworkFactory.checkBuildable(wide, big, new Nesterovs(0.1, 0.9), 1))
                .isInstanceOf(UserInputException.class).hasMessage(built.getMessage());
        assertThatThrownBy(() -> NetworkFactory.checkBuildable(ModelSpec.preset("lenet"), TestData.load("iris"),
                new Sgd(0.1), 16)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("model 'lenet' is a CNN and needs image data; dataset 'iris'");
        NetworkFactory.checkBuildable(ModelSpec.preset("resnet"), TestData.load("mnist"), new Nesterovs(0.1, 0.9), 64);
    }

    /**
     * LeNet on 512 x 512 images has few weights (its dense layer takes 16 x 125 x 125 values: 30 million), but a
     * batch of 100,000 images needs terabytes of activations; DL4J's memory report counts them, and the build
     * refuses before anything is allocated.
     */
    @Test
    void aBatchWhoseActivationsCannotFitTheMachineIsRefusedBeforeItIsAllocated() {
        assertThatThrownBy(() -> NetworkFactory.build(ModelSpec.preset("lenet"), twoImages(512), new Sgd(0.1), 0, 1,
                100_000))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("model lenet on 'big' (samples of 1x512x512), batch 100000, needs about ")
                .hasMessageMatching(".*GiB to train \\(30,[0-9,]+ parameters with their gradients and the optimizer's "
                        + "state: 0\\.[0-9] GiB; a batch's activations, or an evaluation's: [0-9]{4,}\\.[0-9] GiB\\), "
                        + "more than .*")
                .hasMessageEndingWith(", smaller samples or a smaller batch");
    }

    /**
     * Evaluation runs up to 512 validation samples at once, whatever the batch: at a small batch, that chunk, not
     * the batch, sets the memory a run needs (a wide resnet at batch 8: 0.5 GiB to train a batch, 6.1 GiB to
     * evaluate 512 samples).
     */
    @Test
    void theMemoryABatchNeedsCountsTheEvaluationOfAChunkWhenThatNeedsMore() {
        var conf = new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder().list()
                .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(64).nOut(256).build())
                .layer(new org.deeplearning4j.nn.conf.layers.OutputLayer.Builder().nIn(256).nOut(10).build())
                .build();
        var report = conf.getMemoryReport(org.deeplearning4j.nn.conf.inputs.InputType.feedForward(64));
        long trainOne = report.getTotalMemoryBytes(1, org.deeplearning4j.nn.conf.memory.MemoryUseMode.TRAINING,
                org.deeplearning4j.nn.conf.CacheMode.DEVICE, org.nd4j.linalg.api.buffer.DataType.FLOAT)
                - report.getTotalMemoryBytes(0, org.deeplearning4j.nn.conf.memory.MemoryUseMode.TRAINING,
                org.deeplearning4j.nn.conf.CacheMode.DEVICE, org.nd4j.linalg.api.buffer.DataType.FLOAT);
        long evaluate512 = report.getTotalMemoryBytes(512, org.deeplearning4j.nn.conf.memory.MemoryUseMode.INFERENCE,
                org.deeplearning4j.nn.conf.CacheMode.DEVICE, org.nd4j.linalg.api.buffer.DataType.FLOAT)
                - report.getTotalMemoryBytes(0, org.deeplearning4j.nn.conf.memory.MemoryUseMode.INFERENCE,
                org.deeplearning4j.nn.conf.CacheMode.DEVICE, org.nd4j.linalg.api.buffer.DataType.FLOAT);
        assertThat(evaluate512).isGreaterThan(trainOne);
        assertThat(NetworkFactory.perBatchBytes(report, 1, 512)).isEqualTo(evaluate512);
        assertThat(NetworkFactory.perBatchBytes(report, 1, 1)).isEqualTo(trainOne);
    }

    @Test
    void aCnnOnTabularDataIsRefused() {
        assertThatThrownBy(() -> NetworkFactory.checkCompatible(ModelSpec.preset("lenet"), TestData.load("iris")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("needs image data")
                .hasMessageContaining("iris");
        Split one = new Split(new float[] {0, 1}, new int[] {0, 1}, 1);
        Dataset oneFeature = new Dataset("line", DatasetKind.TABULAR, DataFormat.TABLE, new int[] {1}, List.of("a", "b"), one,
                one, null, new FeatureScaling.Standardised(new double[] {0}, new double[] {1}));
        assertThatThrownBy(() -> NetworkFactory.checkCompatible(ModelSpec.preset("resnet"), oneFeature))
                .hasMessage("model 'resnet' is a CNN and needs image data; dataset 'line' is tabular (1 feature): use "
                        + "--model mlp");
    }

    @Test
    void theSameSeedGivesTheSameInitialWeights() {
        Dataset iris = TestData.load("iris");
        NativeThreads.ensureConfigured();
        INDArray a = NetworkFactory.build(ModelSpec.preset("mlp"), iris, new Sgd(0.1), 0, 3, 16).params();
        INDArray b = NetworkFactory.build(ModelSpec.preset("mlp"), iris, new Sgd(0.1), 0, 3, 16).params();
        INDArray c = NetworkFactory.build(ModelSpec.preset("mlp"), iris, new Sgd(0.1), 0, 4, 16).params();
        assertThat(a.equalsWithEps(b, 0)).isTrue();
        assertThat(a.equalsWithEps(c, 0)).isFalse();
    }

    @Test
    void theUpdaterReadsTheScheduleByIterationIndexFromZero() {
        Dataset iris = TestData.load("iris");
        NativeThreads.ensureConfigured();
        // lr 0 for iterations 0 and 1, then 0.5: the first two steps must leave the weights alone
        Network net = NetworkFactory.build(ModelSpec.preset("mlp"), iris,
                new Sgd(new PrecomputedSchedule(new double[] {0, 0, 0.5})), 0, 3, 16);
        BatchStream batches = new BatchStream(iris.train(), iris.numClasses(), 16, 1, true);
        INDArray start = net.params();
        net.fit(batches.next());
        net.fit(batches.next());
        assertThat(net.params().equalsWithEps(start, 0)).isTrue();
        net.fit(batches.next());
        assertThat(net.params().equalsWithEps(start, 0)).isFalse();
    }

    /**
     * LeNet's weights after {@code steps} SGD steps on MNIST from seed 7, batches of 16, with or without the oneDNN
     * helper; configures the calling thread as a training does.
     */
    private static INDArray lenetAfter(int steps, boolean oneDnn) {
        NativeThreads.ensureConfigured();
        Dataset mnist = TestData.load("mnist");
        Network net = NetworkFactory.build(ModelSpec.preset("lenet"), mnist, new Sgd(0.05), 0, 7, 64);
        if (!oneDnn) {
            convolutions(net).forEach(NetworkFactoryTest::removeHelper);
        }
        BatchStream batches = new BatchStream(mnist.train(), mnist.numClasses(), 16, 1, true);
        for (int i = 0; i < steps; i++) {
            net.fit(batches.next());
        }
        return net.params();
    }

    private static List<ConvolutionLayer> convolutions(Network net) {
        return net.layers().stream().filter(l -> l instanceof ConvolutionLayer).map(l -> (ConvolutionLayer) l).toList();
    }

    /** Back to DL4J's own convolution in Java. */
    private static void removeHelper(ConvolutionLayer layer) {
        try {
            Field field = ConvolutionLayer.class.getDeclaredField("helper");
            field.setAccessible(true);
            field.set(layer, null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void convolutionLayersGetTheOneDnnHelperWhenTheNativeBuildHasOneDnn() {
        NativeThreads.ensureConfigured();
        Network lenet = NetworkFactory.build(ModelSpec.preset("lenet"), TestData.load("mnist"), new Sgd(0.1), 0, 7, 64);
        Network resnet = NetworkFactory.build(ModelSpec.preset("resnet"), TestData.load("digits"), new Sgd(0.1), 0, 7,
                64);
        assertThat(convolutions(lenet)).hasSize(2);
        assertThat(convolutions(resnet)).isNotEmpty();
        for (Network net : List.of(lenet, resnet)) {
            for (ConvolutionLayer conv : convolutions(net)) {
                if (OneDnnHelpers.available()) {
                    assertThat(conv.getHelper()).isInstanceOf(MKLDNNConvHelper.class);
                } else {
                    assertThat(conv.getHelper()).isNull();
                }
            }
        }
    }

    /**
     * On Linux x86-64 the build takes ND4J's {@code -onednn} natives (pom.xml, profile linux-x86_64), so the helper
     * must be found there; elsewhere the natives have no oneDNN and convolutions run DL4J's own code.
     */
    @Test
    void theOneDnnNativesAreFoundWhereTheBuildTakesThem() {
        boolean linuxX86 = System.getProperty("os.name").equals("Linux")
                && System.getProperty("os.arch").equals("amd64");
        assertThat(OneDnnHelpers.available()).isEqualTo(linuxX86);
    }

    @Test
    void oneDnnConvolutionsTrainLikeDl4jsOwnToSevenDigits() {
        INDArray oneDnn = lenetAfter(5, true);
        INDArray java = lenetAfter(5, false);
        double scale = java.norm2Number().doubleValue();
        assertThat(oneDnn.sub(java).norm2Number().doubleValue() / scale).isLessThan(1e-6);
    }

    @Test
    void lenetTrainingsSideBySideEqualASoloRunBitForBit() throws Exception {
        INDArray solo = lenetAfter(3, true);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<INDArray> first = two.submit(() -> lenetAfter(3, true));
            Future<INDArray> second = two.submit(() -> lenetAfter(3, true));
            assertThat(first.get().equalsWithEps(solo, 0)).isTrue();
            assertThat(second.get().equalsWithEps(solo, 0)).isTrue();
        } finally {
            two.shutdownNow();
        }
    }
}
