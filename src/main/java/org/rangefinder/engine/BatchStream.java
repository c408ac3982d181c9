package org.rangefinder.engine;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;
import org.rangefinder.data.Split;

/**
 * Endless mini-batches over a split, reshuffled with a seeded generator at the start of every epoch, so the
 * same seed gives the same batches in the same order. Features stay flat (convolutional models reshape them);
 * labels are one-hot.
 */
public final class BatchStream {
    private final Split split;
    private final int batchSize;
    private final int numClasses;
    private final boolean dropLast;
    private final Random random;
    private final int[] order;
    private int position;
    private int epoch;

    /** Refuses a batch larger than the training samples, of which a stream of full batches would have none. */
    public static void requireFullBatch(int trainingSamples, int batchSize) {
        if (trainingSamples < batchSize) {
            throw new SettingProblem(Setting.BATCH_SIZE, "%s is larger than the %s training samples of the dataset: a "
                    + "range test takes full batches only", batchSize, trainingSamples);
        }
    }

    /**
     * @param dropLast whether to skip the last, smaller batch of an epoch (range tests do, so every recorded loss
     *                 is over a full batch; training does not, so every sample is seen each epoch)
     */
    public BatchStream(Split split, int numClasses, int batchSize, long seed, boolean dropLast) {
        if (dropLast) {
            requireFullBatch(split.size(), batchSize);
        }
        this.split = split;
        this.batchSize = batchSize;
        this.numClasses = numClasses;
        this.dropLast = dropLast;
        this.random = new Random(seed);
        this.order = new int[split.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        shuffle();
    }

    /** Number of batches in one epoch. */
    public static int batchesPerEpoch(int samples, int batchSize, boolean dropLast) {
        return dropLast || samples == 0 ? samples / batchSize : (samples - 1) / batchSize + 1;
    }

    public int batchesPerEpoch() {
        return batchesPerEpoch(split.size(), batchSize, dropLast);
    }

    /** Zero-based epoch of the batch that {@link #next()} returned last. */
    public int epoch() {
        return epoch;
    }

    public DataSet next() {
        int remaining = order.length - position;
        if (remaining == 0 || (dropLast && remaining < batchSize)) {
            epoch++;
            shuffle();
            remaining = order.length;
        }
        int n = Math.min(batchSize, remaining);
        DataSet batch = batch(split, order, position, n, numClasses);
        position += n;
        return batch;
    }

    /** The samples {@code indices[from .. from+n)} of a split as one batch. */
    public static DataSet batch(Split split, int[] indices, int from, int n, int numClasses) {
        NativeThreads.ensureConfigured(); // ND4J's first arrays may be these: it must be set up before it loads
        int d = split.featureLength();
        float[] features = new float[n * d];
        float[] labels = new float[n * numClasses];
        float[] source = split.features();
        int[] classes = split.labels();
        for (int i = 0; i < n; i++) {
            int sample = indices == null ? from + i : indices[from + i];
            System.arraycopy(source, sample * d, features, i * d, d);
            labels[i * numClasses + classes[sample]] = 1f;
        }
        INDArray x = Nd4j.create(features, new long[] {n, d}, DataType.FLOAT);
        INDArray y = Nd4j.create(labels, new long[] {n, numClasses}, DataType.FLOAT);
        return new DataSet(x, y);
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        position = 0;
    }
}
