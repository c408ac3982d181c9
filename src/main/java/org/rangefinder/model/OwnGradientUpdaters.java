package org.rangefinder.model;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.updater.graph.ComputationGraphUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's updaters, told when the gradient they apply is the network's own.
 *
 * <p>DL4J's updater ({@code BaseMultiLayerUpdater.update}) has two paths: one for the network's own gradient, whose
 * views per parameter it made once, and one for a gradient computed elsewhere (another network's), which it slices
 * anew at every step. It tells them apart by identity, {@code gradient.gradient() != getFlattenedGradientsView()},
 * but DL4J's own {@code DefaultGradient.gradient()} returns a new reshaped view at every call, so in 1.0.0-M2.1 every
 * step took the second path: for each parameter, before and after the update, it reshaped the network's whole
 * parameter and gradient arrays and sliced them. Each of those views is a new ND4J buffer, which ND4J registers with
 * its deallocator; their bookkeeping lives until the next young collection, which copies it. The digits MLP made
 * 48 of its about 110 registered buffers per step there.
 *
 * <p>These updaters hand DL4J's update a gradient whose {@code gradient()} is the network's flattened gradient view
 * itself, when the gradient's flattened array lies in that view's memory (same address, length and type), and the
 * gradient as it was otherwise. Both paths read and write the same memory through views of the same arrays, so the
 * update is the same, bit for bit (tested).
 */
final class OwnGradientUpdaters {

    private OwnGradientUpdaters() {
    }

    /** Gives the network an updater of its own (call before its first step: the updater state starts anew). */
    static void install(MultiLayerNetwork net) {
        net.setUpdater(new Sequential(net));
    }

    /** Gives the graph an updater of its own (call before its first step: the updater state starts anew). */
    static void install(ComputationGraph graph) {
        graph.setUpdater(new Graph(graph));
    }

    /**
     * The gradient, answering {@code gradient()} with {@code view} when its flattened array is {@code view}'s memory;
     * otherwise the gradient itself.
     */
    static Gradient asOwn(Gradient gradient, INDArray view) {
        INDArray flat = gradient.gradient();
        boolean same = flat != null && view != null
                && flat.dataType() == view.dataType()
                && flat.length() == view.length()
                && flat.elementWiseStride() == 1 && view.elementWiseStride() == 1
                && flat.data().address() == view.data().address();
        return same ? new Own(gradient, view) : gradient;
    }

    private static final class Sequential extends MultiLayerUpdater {
        Sequential(MultiLayerNetwork net) {
            super(net);
        }

        @Override
        public synchronized void update(Gradient gradient, int iteration, int epoch, int batchSize,
                                        LayerWorkspaceMgr workspaceMgr) {
            super.update(asOwn(gradient, getFlattenedGradientsView()), iteration, epoch, batchSize, workspaceMgr);
        }
    }

    private static final class Graph extends ComputationGraphUpdater {
        Graph(ComputationGraph graph) {
            super(graph);
        }

        @Override
        public synchronized void update(Gradient gradient, int iteration, int epoch, int batchSize,
                                        LayerWorkspaceMgr workspaceMgr) {
            super.update(asOwn(gradient, getFlattenedGradientsView()), iteration, epoch, batchSize, workspaceMgr);
        }
    }

    /** A gradient whose flattened array is the network's own view; everything else as the gradient it wraps. */
    private static final class Own implements Gradient {
        private final Gradient gradient;
        private final INDArray view;

        Own(Gradient gradient, INDArray view) {
            this.gradient = gradient;
            this.view = view;
        }

        @Override
        public INDArray gradient() {
            return view;
        }

        @Override
        public Map<String, INDArray> gradientForVariable() {
            return gradient.gradientForVariable();
        }

        @Override
        public INDArray gradient(List<String> order) {
            return gradient.gradient(order);
        }

        @Override
        public void clear() {
            gradient.clear();
        }

        @Override
        public INDArray getGradientFor(String variable) {
            return gradient.getGradientFor(variable);
        }

        @Override
        public INDArray setGradientFor(String variable, INDArray newGradient) {
            return gradient.setGradientFor(variable, newGradient);
        }

        @Override
        public INDArray setGradientFor(String variable, INDArray newGradient, Character flatteningOrder) {
            return gradient.setGradientFor(variable, newGradient, flatteningOrder);
        }

        @Override
        public Character flatteningOrderForVariable(String variable) {
            return gradient.flatteningOrderForVariable(variable);
        }
    }
}
