package org.rangefinder.model;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.updater.graph.ComputationGraphUpdater;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.ImagePreProcessingScaler;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.rangefinder.data.FeatureScaling;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.optim.DecoupledWeightDecay;

/**
 * Writes a trained network as a DL4J model zip that a program with nothing but DL4J loads
 * ({@code MultiLayerNetwork.load(file, true)}, {@code ComputationGraph.load(file, true)}), with what new data must go
 * through before the network takes it.
 *
 * <p>A network trains with this project's classes in its configuration: its updaters read the learning rate and the
 * momentum of every step from a {@code PrecomputedSchedule}, each layer holding every step's values, and weight decay
 * is a {@link DecoupledWeightDecay}. DL4J alone cannot read such a configuration (its JSON names classes it does not
 * have), and a long cycle made it large: 59.6 MB of JSON for a resnet of 0.35 MB of weights and 100,000 steps. So the
 * zip holds a copy of the network whose configuration names DL4J's classes only, and does not grow with the steps:
 * <ul>
 *   <li>Each updater's schedules become plain values: the learning rate and momentum of the last step taken (iteration
 *       {@code n - 1} after {@code n} steps, iteration 0 before any). They are what the updater state was last
 *       updated with, and what a finished cycle would go on with (a schedule holds its last value past its end).
 *       Plain values rather than a DL4J {@code FixedSchedule} of them: the steps are the same, and the loaded
 *       updater's {@code getLearningRate()} gives the rate instead of NaN. Adam's beta1, which a run cycles by setting
 *       it before each step, is a plain value already: the last step's.</li>
 *   <li>{@link DecoupledWeightDecay} becomes DL4J's {@code WeightDecay(coeff, applyLR = true)}, which it extends: each
 *       step subtracts {@code lr * coeff * w} beside the update, the same as in training. They differ in the loss DL4J
 *       reports ({@code score()}), to which DL4J's adds {@code 0.5 * coeff * ||w||^2} of every weight array and this
 *       project's nothing; the gradients and the steps are the same.</li>
 *   <li>The parameters and the updater state are the trained network's own arrays, not copies. The copy's updater
 *       lays its state out in the same blocks over the same offsets as the trained one's (checked: plain values
 *       change neither the state's size, for each parameter an updater trains one value with Nesterov, two with Adam,
 *       none with SGD, nor which layers share a block), and the iteration and epoch counts are the trained
 *       network's, so that training on from the zip continues where the run stopped.</li>
 * </ul>
 *
 * <p>Beside the network, the zip holds, in DL4J's own forms:
 * <ul>
 *   <li>{@code normalizer.bin} ({@code ModelSerializer.restoreNormalizerFromFile}), what {@link FeatureScaling} says
 *       was done to the training data. Standardised tabular data: a {@code NormalizerStandardize} of the training
 *       part's mean and population standard deviation in double precision, a standard deviation of 0 written as 1
 *       (the column was only centred). It computes {@code (x - mean_j) / std_j} in the precision of the array it is
 *       given: given the raw features as floats widened to doubles, it gives the training's numbers exactly once the
 *       network rounds them to floats; given floats, it rounds the statistics and each step to floats, and may differ
 *       in the last bits (iris: 522 of its 600 values, by at most 2.4e-7). DL4J also takes a standard deviation below
 *       1e-5 as 1, where the training divided by it: an absolute bound, so a column of values in small units, not only
 *       one nearly constant, is only centred by DL4J.
 *       Images of integer pixels divided by {@code max}: an {@code ImagePreProcessingScaler} to [0, 1] dividing by
 *       {@code max}, which gives the training's floats bit for bit. Images decoded from files: none, as no one
 *       division of the files' values gives their pixels.</li>
 *   <li>{@code objects/}{@value #CLASS_NAMES}: the class names by class index, a {@code String[]} in Java
 *       serialization ({@code ModelSerializer.getObjectFromFile(file, "classNames")}).</li>
 * </ul>
 */
final class SavedModel {

    /** The key the class names are stored under ({@code ModelSerializer.addObjectToFile}). */
    static final String CLASS_NAMES = "classNames";

    private SavedModel() {
    }

    /**
     * Writes {@code trained}, a {@code MultiLayerNetwork} or a {@code ComputationGraph}, atomically: DL4J writes the
     * zip to the temporary file beside {@code file} that then replaces it ({@link AtomicFiles#writeByPath}), and adds
     * the normalizer and the class names to it (its {@code addNormalizerToModel} and {@code addObjectToFile} work on
     * files, and each copies the zip to a file of its own in the system's temporary folder while it works;
     * {@code writeModel} with a normalizer fails in 1.0.0-M2.1, its normalizer writer closing the zip before
     * {@code writeModel} does).
     */
    static void write(Path file, Model trained, List<String> classNames, FeatureScaling scaling) throws IOException {
        Model portable = trained instanceof MultiLayerNetwork sequential ? portable(sequential)
                : portable((ComputationGraph) trained);
        DataNormalization normalizer = normalizer(scaling);
        String[] names = classNames.toArray(String[]::new);
        AtomicFiles.writeByPath(file, staged -> {
            File zip = staged.toFile();
            ModelSerializer.writeModel(portable, zip, true);
            if (normalizer != null) {
                ioFailing(() -> ModelSerializer.addNormalizerToModel(zip, normalizer));
            }
            ioFailing(() -> ModelSerializer.addObjectToFile(zip, CLASS_NAMES, names));
        });
    }

    /** The network over the same parameters and updater state, its configuration in DL4J's classes only. */
    static MultiLayerNetwork portable(MultiLayerNetwork trained) {
        MultiLayerConfiguration trainedConf = trained.getLayerWiseConfigurations();
        MultiLayerConfiguration conf = trainedConf.clone();
        conf.setIterationCount(trainedConf.getIterationCount());
        conf.setEpochCount(trainedConf.getEpochCount());
        int step = lastStep(conf.getIterationCount());
        for (NeuralNetConfiguration layer : conf.getConfs()) {
            makePortable(layer.getLayer(), step, conf.getEpochCount());
        }
        MultiLayerNetwork copy = new MultiLayerNetwork(conf);
        copy.init(trained.params(), false);
        copy.setUpdater(new MultiLayerUpdater(copy, trained.getUpdater().getStateViewArray()));
        requireSameLayout(trained.getUpdater(), copy.getUpdater());
        return copy;
    }

    /** The graph over the same parameters and updater state, its configuration in DL4J's classes only. */
    static ComputationGraph portable(ComputationGraph trained) {
        ComputationGraphConfiguration trainedConf = trained.getConfiguration();
        ComputationGraphConfiguration conf = trainedConf.clone();
        // clone() leaves a graph's counts at 0 in 1.0.0-M2.1; Adam's bias correction and the schedules read them
        conf.setIterationCount(trainedConf.getIterationCount());
        conf.setEpochCount(trainedConf.getEpochCount());
        int step = lastStep(conf.getIterationCount());
        conf.getVertices().values().stream().filter(LayerVertex.class::isInstance)
                .forEach(v -> makePortable(((LayerVertex) v).getLayerConf().getLayer(), step, conf.getEpochCount()));
        ComputationGraph copy = new ComputationGraph(conf);
        copy.init(trained.params(), false);
        copy.setUpdater(new ComputationGraphUpdater(copy, trained.getUpdater().getStateViewArray()));
        requireSameLayout(trained.getUpdater(), copy.getUpdater());
        return copy;
    }

    /**
     * DL4J's normalizer that does to raw data what {@code scaling} did to the training data (see the class comment);
     * null for images decoded from files.
     */
    static DataNormalization normalizer(FeatureScaling scaling) {
        if (scaling instanceof FeatureScaling.Standardised standardised) {
            double[] std = standardised.std();
            for (int j = 0; j < std.length; j++) {
                std[j] = std[j] == 0 ? 1 : std[j];
            }
            return new NormalizerStandardize(Nd4j.createFromArray(standardised.mean()), Nd4j.createFromArray(std));
        }
        if (scaling instanceof FeatureScaling.Divided divided) {
            ImagePreProcessingScaler scaler = new ImagePreProcessingScaler(0, 1);
            scaler.setMaxPixelVal(divided.max());
            return scaler;
        }
        return null;
    }

    /** The iteration of the last step taken after {@code iterations} steps; the first before any. */
    private static int lastStep(int iterations) {
        return Math.max(0, iterations - 1);
    }

    /** Puts the values of step {@code iteration} in place of the layer's schedules, and DL4J's weight decay. */
    private static void makePortable(Layer layer, int iteration, int epoch) {
        if (layer instanceof BaseLayer base) {
            base.setIUpdater(plain(base.getIUpdater(), iteration, epoch));
            base.setBiasUpdater(plain(base.getBiasUpdater(), iteration, epoch));
            base.setRegularization(dl4jOwn(base.getRegularization()));
            base.setRegularizationBias(dl4jOwn(base.getRegularizationBias()));
        }
    }

    /** A copy of the updater with the learning rate and momentum of step {@code iteration} as plain values. */
    private static IUpdater plain(IUpdater updater, int iteration, int epoch) {
        if (updater == null) {
            return null;
        }
        IUpdater plain = updater.clone();
        if (plain.hasLearningRate()) {
            plain.setLrAndSchedule(updater.getLearningRate(iteration, epoch), null);
        }
        if (plain instanceof Nesterovs nesterovs) {
            nesterovs.setMomentum(nesterovs.currentMomentum(iteration, epoch));
            nesterovs.setMomentumISchedule(null);
        }
        return plain;
    }

    /** The regularizations, each {@link DecoupledWeightDecay} as the DL4J {@code WeightDecay} it extends. */
    private static List<Regularization> dl4jOwn(List<Regularization> regularizations) {
        if (regularizations == null) {
            return null;
        }
        List<Regularization> own = new ArrayList<>();
        for (Regularization r : regularizations) {
            own.add(r instanceof DecoupledWeightDecay decay ? new WeightDecay(decay.getCoeff().clone(), true) : r);
        }
        return own;
    }

    /** Refuses a copy whose updater would read the trained state at other offsets than the trained updater. */
    private static void requireSameLayout(Updater trained, Updater copy) {
        List<List<Integer>> expected = blocks(trained);
        List<List<Integer>> actual = blocks(copy);
        if (!actual.equals(expected)) {
            throw new IllegalStateException("the saved network's updater blocks " + actual
                    + " (parameter and state offsets) differ from the trained network's " + expected);
        }
    }

    private static List<List<Integer>> blocks(Updater updater) {
        return ((BaseMultiLayerUpdater<?>) updater).getUpdaterBlocks().stream()
                .map(b -> List.of(b.getParamOffsetStart(), b.getParamOffsetEnd(), b.getUpdaterViewOffsetStart(),
                        b.getUpdaterViewOffsetEnd()))
                .toList();
    }

    /**
     * Runs one of {@code ModelSerializer}'s additions to a zip, which wrap a failure to read or write the file in a
     * {@code RuntimeException}, as an {@code IOException} again.
     */
    private static void ioFailing(Runnable addition) throws IOException {
        try {
            addition.run();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }
}
