package org.rangefinder.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.rangefinder.data.Split;
import org.rangefinder.engine.BatchStream;

/**
 * Loss and accuracy of a network on held-out samples, in inference mode. The loss is the mean cross-entropy
 * {@code -mean(ln p_y)} with probabilities clipped at 1e-10 as DL4J's MCXENT loss clips them, so it is on the
 * same scale as the training loss (which DL4J computes without the weight-decay term here).
 */
public final class Evaluation {
    private static final double CLIP = 1e-10;
    /** The most samples the network runs at once; the network's memory check counts a chunk of this many. */
    public static final int CHUNK = 512;

    private Evaluation() {
    }

    /** Mean loss and accuracy over the first {@code count} samples of a split. */
    public record Result(double loss, double accuracy) {
    }

    public static Result evaluate(Network net, Split split, int numClasses, int count) {
        int n = Math.min(count, split.size());
        double lossSum = 0;
        int correct = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int size = Math.min(CHUNK, n - from);
            DataSet batch = BatchStream.batch(split, null, from, size, numClasses);
            INDArray probabilities = net.output(batch.getFeatures());
            float[] p = probabilities.data().asFloat();
            int[] labels = split.labels();
            for (int i = 0; i < size; i++) {
                int label = labels[from + i];
                lossSum -= Math.log(Math.max(p[i * numClasses + label], CLIP));
                int best = 0;
                for (int c = 1; c < numClasses; c++) {
                    if (p[i * numClasses + c] > p[i * numClasses + best]) {
                        best = c;
                    }
                }
                if (best == label) {
                    correct++;
                }
            }
        }
        return new Result(lossSum / n, (double) correct / n);
    }
}
