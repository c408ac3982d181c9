package org.rangefinder.model;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.MemoryUseMode;
import org.deeplearning4j.nn.conf.memory.NetworkMemoryReport;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.rangefinder.Counts;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;
import org.rangefinder.UserInputException;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.DatasetKind;
import org.rangefinder.engine.NativeThreads;
import org.rangefinder.optim.DecoupledWeightDecay;

/**
 * Turns a {@link ModelSpec} into a DL4J network for a dataset: the input size and the number of classes come from
 * the dataset, the weights from {@code seed} (the same seed gives the same initial weights, which is what makes
 * range tests under different conditions comparable). Samples arrive flat; convolutional models reshape them to
 * channels x height x width themselves.
 */
public final class NetworkFactory {
    private static final double GIB = 1024.0 * 1024 * 1024;

    private NetworkFactory() {
    }

    /** Refuses a model that cannot take the dataset, with a message saying why. */
    public static void checkCompatible(ModelSpec spec, Dataset data) {
        if (spec.preset().equals("mlp")) {
            return;
        }
        if (data.kind() != DatasetKind.IMAGE) {
            throw SettingProblem.worded(Setting.MODEL, "model '%s' is a CNN and needs image data; dataset '%s' is "
                    + "tabular (%s): use %s mlp", spec.preset(), data.name(),
                    Counts.of(data.featureLength(), "feature"), Setting.MODEL);
        }
        int[] shape = data.sampleShape();
        if (shape[1] < 4 || shape[2] < 4) {
            throw SettingProblem.worded(Setting.MODEL, "model '%s' needs images of at least 4x4; dataset '%s' has %s",
                    spec.preset(), data.name(), data.shapeText());
        }
    }

    /**
     * The network, its weights drawn from {@code seed}.
     *
     * @param batchSize the batch size it will train on: with the model and the data, it sets the memory training
     *                  needs, which is checked before anything is allocated
     */
    public static Network build(ModelSpec spec, Dataset data, IUpdater updater, double weightDecay, long seed,
                                int batchSize) {
        checkCompatible(spec, data);
        NativeThreads.ensureConfigured(); // ND4J must be set up before its first array, which may be these weights
        return plan(spec, data, base(updater, weightDecay).seed(seed), new Sizing(spec, data, updater, batchSize))
                .init(data);
    }

    /**
     * Refuses, as {@link #build} would, a model that cannot take the data ({@link #checkCompatible}) or a network
     * that would not fit this machine's memory while it trains ({@link #requireMemory}), and allocates nothing: it
     * builds the network's configuration and DL4J's memory report of it, a few milliseconds (a resnet of 16 blocks
     * about 20 ms). DL4J's configuration builders load ND4J, which is set up for the calling thread first
     * ({@link NativeThreads#ensureConfigured}): the first call takes the 1.5-2 s of ND4J's loading, and the window,
     * which loads ND4J on a thread of its own once its libraries are loaded, cannot check its form with it.
     */
    public static void checkBuildable(ModelSpec spec, Dataset data, IUpdater updater, int batchSize) {
        checkCompatible(spec, data);
        NativeThreads.ensureConfigured();
        plan(spec, data, base(updater, 0), new Sizing(spec, data, updater, batchSize));
    }

    /** The settings every layer shares: the updater, the weight decay, the initialisation and the data type. */
    private static NeuralNetConfiguration.Builder base(IUpdater updater, double weightDecay) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(WeightInit.RELU)
                // convolution layers keep their forward output for the backward pass; DL4J's default (NONE) has
                // them convolve again during backprop
                .cacheMode(CacheMode.DEVICE);
        if (weightDecay > 0) {
            base.regularization(new ArrayList<>(List.of(new DecoupledWeightDecay(weightDecay))));
        }
        return base;
    }

    /**
     * The network's configuration from the shared settings {@code base}, its memory checked against the machine's.
     * ND4J must be set up: DL4J builds a list of layers with ND4J's help.
     */
    private static Plan plan(ModelSpec spec, Dataset data, NeuralNetConfiguration.Builder base, Sizing sizing) {
        Plan plan = switch (spec.preset()) {
            case "mlp" -> new Layers(mlp(spec, data, base));
            case "lenet" -> new Layers(lenet(spec, data, base));
            case "resnet" -> new Graph(resnet(spec, data, base));
            default -> throw new IllegalStateException(spec.preset());
        };
        requireMemory(plan.layers().stream().mapToLong(NetworkFactory::numParams).sum(),
                plan.memoryReport(inputType(spec, data)), sizing);
        return plan;
    }

    /** A network's configuration, nothing of it allocated: layers in a row (mlp, LeNet) or a graph (ResNet). */
    private sealed interface Plan {
        List<NeuralNetConfiguration> layers();

        NetworkMemoryReport memoryReport(InputType input);

        /** The network for {@code data}: its weights allocated and drawn, the updaters and helpers installed. */
        Network init(Dataset data);
    }

    private record Layers(MultiLayerConfiguration conf) implements Plan {
        @Override
        public List<NeuralNetConfiguration> layers() {
            return conf.getConfs();
        }

        @Override
        public NetworkMemoryReport memoryReport(InputType input) {
            return conf.getMemoryReport(input);
        }

        @Override
        public Network init(Dataset data) {
            regularizeOnce(layers());
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            OwnGradientUpdaters.install(net);
            OneDnnHelpers.attach(net.getLayers(), DataType.FLOAT);
            return new Network(net, data);
        }
    }

    private record Graph(ComputationGraphConfiguration conf) implements Plan {
        @Override
        public List<NeuralNetConfiguration> layers() {
            return conf.getVertices().values().stream().filter(v -> v instanceof LayerVertex)
                    .map(v -> ((LayerVertex) v).getLayerConf()).toList();
        }

        @Override
        public NetworkMemoryReport memoryReport(InputType input) {
            return conf.getMemoryReport(input);
        }

        @Override
        public Network init(Dataset data) {
            regularizeOnce(layers());
            ComputationGraph graph = new ComputationGraph(conf);
            graph.init();
            OwnGradientUpdaters.install(graph);
            OneDnnHelpers.attach(graph.getLayers(), DataType.FLOAT);
            return new Network(graph, data);
        }
    }

    /** What the memory a network needs to train depends on, besides its configuration. */
    private record Sizing(ModelSpec spec, Dataset data, IUpdater updater, int batchSize) {
    }

    /**
     * Refuses, before anything is allocated, a network that would not fit this machine's physical memory while it
     * trains: its parameters, their gradients and the optimizer's state (one value per parameter for Nesterov, two for
     * Adam), counted from the configuration, plus what DL4J's own memory report gives for a batch (activations, their
     * gradients, working memory: the report at {@code batchSize} less the report at 0) or for the evaluation of a
     * chunk of validation samples ({@link Evaluation#CHUNK}, in inference mode), whichever is more. ND4J keeps all of it outside
     * the Java heap, where no {@code -Xmx} bounds it, and the system would kill the process or swap. An mlp's first
     * layer grows with the input (1 x 4096 x 4096 inputs into 128 units: 2.1 billion parameters, 24 GiB with
     * Nesterov); a CNN's activations grow with the image and the batch (LeNet on 512 x 512 images, batch 64: about
     * 7.7 GiB).
     */
    static void requireMemory(long parameters, NetworkMemoryReport report, Sizing sizing) {
        long fixed = Float.BYTES * (2 * parameters + sizing.updater().stateSize(parameters));
        long perBatch = perBatchBytes(report, sizing.batchSize(),
                Math.min(Evaluation.CHUNK, sizing.data().validation().size()));
        long physical = physicalMemory();
        if (fixed + perBatch > physical) {
            ModelSpec spec = sizing.spec();
            Dataset data = sizing.data();
            throw new UserInputException(String.format(Locale.ROOT, "model %s on '%s' (samples of %s), batch %d, "
                    + "needs about %.1f GiB to train (%,d parameters with their gradients and the optimizer's state: "
                    + "%.1f GiB; a batch's activations, or an evaluation's: %.1f GiB), more than this machine's %.1f GiB of memory; "
                    + "use a smaller model%s, smaller samples or a smaller batch", spec.describe(), data.name(),
                    data.sampleText(), sizing.batchSize(), (fixed + perBatch) / GIB, parameters, fixed / GIB,
                    perBatch / GIB, physical / GIB, spec.preset().equals("mlp") && data.kind() == DatasetKind.IMAGE
                            ? " (resnet's weights do not grow with the image: --model resnet)" : ""));
        }
    }

    /** What a batch adds while it trains, or a chunk of validation samples while it is evaluated, whichever is more. */
    static long perBatchBytes(NetworkMemoryReport report, int batchSize, int evaluationChunk) {
        return Math.max(trainingBytes(report, batchSize) - trainingBytes(report, 0),
                inferenceBytes(report, evaluationChunk) - inferenceBytes(report, 0));
    }

    private static long trainingBytes(NetworkMemoryReport report, int batchSize) {
        return report.getTotalMemoryBytes(batchSize, MemoryUseMode.TRAINING, CacheMode.DEVICE, DataType.FLOAT);
    }

    private static long inferenceBytes(NetworkMemoryReport report, int samples) {
        return report.getTotalMemoryBytes(samples, MemoryUseMode.INFERENCE, CacheMode.DEVICE, DataType.FLOAT);
    }

    private static long physicalMemory() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }

    private static MultiLayerConfiguration mlp(ModelSpec spec, Dataset data, NeuralNetConfiguration.Builder base) {
        double keep = 1 - spec.dropout();
        var list = base.list();
        int layer = 0;
        for (int units : spec.hiddenSizes()) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nOut(units)
                    .activation(spec.batchNorm() ? Activation.IDENTITY : Activation.RELU);
            if (layer > 0 && keep < 1) {
                dense.dropOut(keep);
            }
            list.layer(dense.build());
            if (spec.batchNorm()) {
                list.layer(new BatchNormalization.Builder().activation(Activation.RELU).build());
            }
            layer++;
        }
        OutputLayer.Builder out = output(data);
        if (keep < 1) {
            out.dropOut(keep);
        }
        list.layer(out.build());
        list.setInputType(inputType(spec, data));
        return list.build();
    }

    private static MultiLayerConfiguration lenet(ModelSpec spec, Dataset data, NeuralNetConfiguration.Builder base) {
        int[] shape = data.sampleShape();
        ConvolutionMode second = shape[1] < 28 || shape[2] < 28 ? ConvolutionMode.Same : ConvolutionMode.Truncate;
        double keep = 1 - spec.dropout();
        DenseLayer.Builder dense84 = new DenseLayer.Builder().nOut(84).activation(Activation.RELU);
        OutputLayer.Builder out = output(data);
        if (keep < 1) {
            dense84.dropOut(keep);
            out.dropOut(keep);
        }
        var list = base.list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(6).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.RELU).build())
                .layer(maxPool())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(16).convolutionMode(second)
                        .activation(Activation.RELU).build())
                .layer(maxPool())
                .layer(new DenseLayer.Builder().nOut(120).activation(Activation.RELU).build())
                .layer(dense84.build())
                .layer(out.build());
        list.setInputType(inputType(spec, data));
        return list.build();
    }

    private static ComputationGraphConfiguration resnet(ModelSpec spec, Dataset data,
                                                        NeuralNetConfiguration.Builder base) {
        int[] shape = data.sampleShape();
        ComputationGraphConfiguration.GraphBuilder g = base.graphBuilder()
                .addInputs("in")
                .setInputTypes(inputType(spec, data));
        int channels = spec.channels();
        g.addLayer("stem", conv(3, channels, 1), "in")
                .addLayer("stem_bn", new BatchNormalization.Builder().activation(Activation.RELU).build(), "stem");
        String previous = "stem_bn";
        int size = Math.min(shape[1], shape[2]);
        for (int b = 0; b < spec.blocks(); b++) {
            boolean down = b > 0 && b % 2 == 0 && size >= 4;
            int outChannels = down ? channels * 2 : channels;
            int stride = down ? 2 : 1;
            String p = "block" + b + "_";
            g.addLayer(p + "conv1", conv(3, outChannels, stride), previous)
                    .addLayer(p + "bn1", new BatchNormalization.Builder().activation(Activation.RELU).build(), p + "conv1")
                    .addLayer(p + "conv2", conv(3, outChannels, 1), p + "bn1")
                    .addLayer(p + "bn2", new BatchNormalization.Builder().build(), p + "conv2");
            String shortcut = previous;
            if (down) {
                g.addLayer(p + "proj", conv(1, outChannels, 2), previous)
                        .addLayer(p + "proj_bn", new BatchNormalization.Builder().build(), p + "proj");
                shortcut = p + "proj_bn";
                size = (size + 1) / 2;
            }
            g.addVertex(p + "add", new ElementWiseVertex(ElementWiseVertex.Op.Add), p + "bn2", shortcut)
                    .addLayer(p + "relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), p + "add");
            previous = p + "relu";
            channels = outChannels;
        }
        g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), previous)
                .addLayer("out", output(data).build(), "pool")
                .setOutputs("out");
        return g.build();
    }

    /** What the network takes: flat features for an mlp, channels x height x width for a CNN (samples arrive flat). */
    private static InputType inputType(ModelSpec spec, Dataset data) {
        int[] shape = data.sampleShape();
        return spec.preset().equals("mlp") ? InputType.feedForward(data.featureLength())
                : InputType.convolutionalFlat(shape[1], shape[2], shape[0]);
    }

    private static ConvolutionLayer conv(int kernel, int channels, int stride) {
        return new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).nOut(channels)
                .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).hasBias(false).build();
    }

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }

    private static OutputLayer.Builder output(Dataset data) {
        return new OutputLayer.Builder(LossFunction.MCXENT).nOut(data.numClasses()).activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER);
    }

    /** A layer's parameter count from its configuration, before anything is allocated. */
    private static long numParams(NeuralNetConfiguration layer) {
        return layer.getLayer().initializer().numParams(layer);
    }

    /**
     * Leaves each regularization once in every layer's lists. DL4J 1.0.0-M2.1 copies the builder's regularization
     * into each layer twice (every layer's list held the {@code WeightDecay} two times), and applies each entry: the
     * weights decayed by {@code 2 * lr * wd * w} per step instead of {@code lr * wd * w}.
     */
    private static void regularizeOnce(List<NeuralNetConfiguration> layers) {
        for (NeuralNetConfiguration conf : layers) {
            if (conf.getLayer() instanceof BaseLayer base) {
                base.setRegularization(distinct(base.getRegularization()));
                base.setRegularizationBias(distinct(base.getRegularizationBias()));
            }
        }
    }

    private static List<Regularization> distinct(List<Regularization> regularizations) {
        return regularizations == null ? null : new ArrayList<>(new LinkedHashSet<>(regularizations));
    }
}
