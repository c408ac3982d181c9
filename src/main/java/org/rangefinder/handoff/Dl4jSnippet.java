package org.rangefinder.handoff;

import static org.rangefinder.handoff.CodeExport.cycle;
import static org.rangefinder.handoff.CodeExport.cyclesMomentum;

import org.rangefinder.hyperparams.Hyperparameters;
import org.rangefinder.optim.Optimizer;
import org.rangefinder.optim.OptimizerKind;
import org.rangefinder.schedule.OneCycleSettings;

/**
 * DL4J: a Java class that computes the schedule with Rangefinder's own {@code OneCycleSchedule} and feeds it to the
 * updater through {@code PrecomputedSchedule}s, as Rangefinder's trainer does: {@code Nesterovs} takes an LR and a
 * momentum schedule; Adam takes an LR schedule and, as DL4J cannot schedule beta1, gets it set before each step.
 */
final class Dl4jSnippet {
    private Dl4jSnippet() {
    }

    /** The class the snippet declares when it is printed rather than saved (a saved one is named after its file). */
    static final String CLASS_NAME = "OneCycleTraining";

    static String of(Hyperparameters h, String source, String className) {
        OneCycleSettings s = cycle(h);
        OptimizerKind kind = CodeExport.kind(h);
        double momentum = CodeExport.momentum(h);
        double wd = h.optimizer().weightDecay();
        boolean cycles = cyclesMomentum(h);
        boolean adamBeta1 = kind == OptimizerKind.ADAM && cycles;
        String lrs = "new PrecomputedSchedule(schedule.lrs())";
        String updater = switch (kind) {
            case SGD -> "new Sgd(" + lrs + ")";
            case NESTEROV -> "new Nesterovs(" + lrs + ", "
                    + (cycles ? "new PrecomputedSchedule(schedule.momenta())" : Double.toString(momentum)) + ")";
            case ADAM -> "Adam.builder().learningRateSchedule(" + lrs + ")\n"
                    + "                        .beta1(" + (cycles ? "schedule.momenta()[0]" : Double.toString(momentum))
                    + ").beta2(" + Optimizer.ADAM_BETA2 + ").epsilon(" + Optimizer.ADAM_EPSILON + ").build()";
        };
        String updaterClass = switch (kind) {
            case SGD -> "Sgd";
            case NESTEROV -> "Nesterovs";
            case ADAM -> "Adam";
        };
        return CodeExport.header(h, source, Language.JAVA)
                + "// The updater reads Rangefinder's 1cycle values by iteration, as its trainer does, so every step\n"
                + "// runs at the same learning rate and momentum. The network and the data are placeholders (one\n"
                + "// softmax layer on random numbers) so that this runs as it is: put your network and your\n"
                + "// DataSetIterator in their place. Save as " + className + ".java; compile and run with\n"
                + "// rangefinder.jar and its lib/ folder on the classpath.\n"
                + "import java.util.Random;\n"
                + (adamBeta1 ? "import org.deeplearning4j.nn.conf.layers.BaseLayer;\n" : "")
                + "import org.deeplearning4j.nn.conf.NeuralNetConfiguration;\n"
                + "import org.deeplearning4j.nn.conf.layers.OutputLayer;\n"
                + "import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;\n"
                + "import org.nd4j.linalg.activations.Activation;\n"
                + "import org.nd4j.linalg.api.ndarray.INDArray;\n"
                + "import org.nd4j.linalg.dataset.DataSet;\n"
                + "import org.nd4j.linalg.factory.Nd4j;\n"
                + "import org.nd4j.linalg.learning.config." + updaterClass + ";\n"
                + "import org.nd4j.linalg.lossfunctions.LossFunctions;\n"
                + "import org.rangefinder.schedule.Anneal;\n"
                + "import org.rangefinder.schedule.OneCycleSchedule;\n"
                + "import org.rangefinder.schedule.OneCycleSettings;\n"
                + "import org.rangefinder.schedule.PrecomputedSchedule;\n"
                + "\n"
                + "public class " + className + " {\n"
                + "    public static void main(String[] args) {\n"
                + "        int inputs = " + CodeExport.inputs(h) + "; " + Language.JAVA.commentLine(h.dataset().name()
                        + ": samples of shape " + CodeExport.shape(h) + ", flattened")
                + "        int classes = " + h.dataset().classes() + ";\n"
                + "        int batchSize = " + h.batchSize() + ";\n"
                + "        OneCycleSettings settings = new OneCycleSettings(" + s.totalSteps() + ", " + s.maxLr() + ", "
                        + s.pctStart() + ", Anneal." + s.anneal().name() + ", " + s.divFactor() + ",\n"
                + "                " + s.finalDivFactor() + ", " + s.threePhase() + ", " + s.cycleMomentum() + ", "
                        + s.baseMomentum() + ", " + s.maxMomentum() + ");\n"
                + "        OneCycleSchedule schedule = OneCycleSchedule.of(settings);\n"
                + "        NeuralNetConfiguration.Builder conf = new NeuralNetConfiguration.Builder()\n"
                + "                .seed(" + h.seed() + "L)\n"
                + "                .updater(" + updater + ");\n"
                + "        MultiLayerNetwork net = new MultiLayerNetwork(conf.list()\n"
                + "                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(inputs)"
                        + ".nOut(classes)\n"
                + (wd > 0 ? "                        // decoupled: each step also subtracts lr * " + wd
                        + " * w (the weight before the step). Set it on each layer: DL4J 1.0.0-M2.1\n"
                        + "                        // applies a weight decay set on NeuralNetConfiguration.Builder"
                        + " twice per step\n"
                        + "                        .weightDecay(" + wd + ", true)\n" : "")
                + "                        .activation(Activation.SOFTMAX).build())\n"
                + "                .build());\n"
                + "        net.init();\n"
                + (adamBeta1
                        ? "        // DL4J cannot schedule Adam's beta1 but reads it from each layer's updater at every"
                        + " step\n"
                        + "        Adam adam = (Adam) ((BaseLayer) net.getLayer(0).conf().getLayer()).getIUpdater();\n"
                        + "        double[] beta1 = schedule.momenta();\n"
                        : "")
                + "        Random random = new Random(" + h.seed() + "L);\n"
                + "        for (int step = 0; step < settings.totalSteps(); step++) {\n"
                + "            INDArray x = Nd4j.randn(batchSize, inputs);\n"
                + "            INDArray y = Nd4j.zeros(batchSize, classes);\n"
                + "            for (int i = 0; i < batchSize; i++) {\n"
                + "                y.putScalar(i, random.nextInt(classes), 1.0);\n"
                + "            }\n"
                + (adamBeta1 ? "            adam.setBeta1(beta1[step]);\n" : "")
                + "            net.fit(new DataSet(x, y));\n"
                + "        }\n"
                + (wd > 0 ? "        // net.score() is the loss plus DL4J's 0.5 * wd * ||w||^2 of each weight array, which"
                        + " Rangefinder's\n        // recorded losses leave out\n" : "")
                + "        System.out.printf(\"%d steps: lr %.3e up to %.3e, down to %.3e; last loss %.4f%n\", "
                        + "settings.totalSteps(),\n"
                + "                schedule.lr(0), settings.maxLr(), schedule.lr(settings.totalSteps() - 1),"
                        + " net.score());\n"
                + "    }\n"
                + "}\n";
    }
}
