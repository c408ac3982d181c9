package org.rangefinder.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.learning.config.Adam;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.FeatureScaling;

/**
 * A DL4J network built from a {@link ModelSpec}: a {@code MultiLayerNetwork} for the sequential presets, a
 * {@code ComputationGraph} for the residual one. Runs use only the operations here, so they need not care which.
 *
 * <p>Not thread-safe, and DL4J's {@code fit} and {@code output} lock the network: only the thread that runs the
 * training may touch it (never the JavaFX thread).
 */
public final class Network {
    private final MultiLayerNetwork sequential;
    private final ComputationGraph graph;
    private final List<String> classNames;
    private final FeatureScaling scaling;

    /** A network for {@code data}, whose class names and scaling a saved network keeps. */
    Network(MultiLayerNetwork sequential, Dataset data) {
        this.sequential = sequential;
        this.graph = null;
        this.classNames = data.classNames();
        this.scaling = data.scaling();
    }

    /** A graph for {@code data}, whose class names and scaling a saved network keeps. */
    Network(ComputationGraph graph, Dataset data) {
        this.sequential = null;
        this.graph = graph;
        this.classNames = data.classNames();
        this.scaling = data.scaling();
    }

    /**
     * One optimisation step on one batch.
     *
     * @return the mean loss of the batch before the step, as DL4J computed it during the forward pass
     */
    public double fit(DataSet batch) {
        if (sequential != null) {
            sequential.fit(batch);
            return sequential.score();
        }
        graph.fit(batch);
        return graph.score();
    }

    /** Class probabilities for a batch of samples, in inference mode (no dropout, batch-norm running stats). */
    public INDArray output(INDArray features) {
        return sequential != null ? sequential.output(features, false) : graph.outputSingle(false, features);
    }

    public long numParams() {
        return sequential != null ? sequential.numParams() : graph.numParams();
    }

    /** A copy of all parameters (batch-norm statistics included). */
    public INDArray params() {
        return (sequential != null ? sequential.params() : graph.params()).dup();
    }

    /**
     * Whether every parameter (batch-norm statistics included) is a finite number: a step taken with a loss that was
     * not (a run stopped {@code non-finite}) leaves NaNs.
     */
    public boolean finite() {
        return BooleanIndexing.and(sequential != null ? sequential.params() : graph.params(), Conditions.isFinite());
    }

    /**
     * Sets Adam's beta1 for the next step. DL4J cannot schedule beta1, but its Adam updater reads it from the
     * layer configuration at every step, so a run that cycles momentum with Adam calls this before each step.
     */
    public void setAdamBeta1(double beta1) {
        for (Layer layer : layers()) {
            if (layer.conf().getLayer() instanceof BaseLayer base && base.getIUpdater() instanceof Adam adam) {
                adam.setBeta1(beta1);
            }
        }
    }

    /**
     * Writes the network with its updater state as a DL4J model zip that DL4J alone loads, with DL4J's normalizer
     * for new data and the class names, atomically (see {@link SavedModel}).
     */
    public void save(Path file) throws IOException {
        SavedModel.write(file, model(), classNames, scaling);
    }

    /** The DL4J network: a {@code MultiLayerNetwork} or a {@code ComputationGraph}. */
    Model model() {
        return sequential != null ? sequential : graph;
    }

    /** The network's layers (of a graph: in topological order). */
    List<Layer> layers() {
        return List.of(sequential != null ? sequential.getLayers() : graph.getLayers());
    }
}
