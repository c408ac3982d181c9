package org.rangefinder.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.rangefinder.data.Split;
import org.rangefinder.UserInputException;

class BatchStreamTest {
    private static final int CLASSES = 3;

    /** Ten samples of three features {@code s, s + 0.5, -s} with class {@code s % 3}. */
    private static Split tenSamples() {
        float[] features = new float[30];
        int[] labels = new int[10];
        for (int s = 0; s < 10; s++) {
            features[3 * s] = s;
            features[3 * s + 1] = s + 0.5f;
            features[3 * s + 2] = -s;
            labels[s] = s % CLASSES;
        }
        return new Split(features, labels, 3);
    }

    /** The samples of a batch, checking that every row holds one sample's features and one-hot class. */
    private static List<Integer> samplesOf(DataSet batch) {
        float[][] x = batch.getFeatures().toFloatMatrix();
        float[][] y = batch.getLabels().toFloatMatrix();
        List<Integer> samples = new ArrayList<>();
        for (int row = 0; row < x.length; row++) {
            int s = (int) x[row][0];
            assertThat(x[row]).containsExactly(s, s + 0.5f, -s);
            float[] oneHot = new float[CLASSES];
            oneHot[s % CLASSES] = 1;
            assertThat(y[row]).containsExactly(oneHot);
            samples.add(s);
        }
        return samples;
    }

    @Test
    void eachEpochVisitsEverySampleOnceInASeededOrder() {
        NativeThreads.ensureConfigured();
        BatchStream stream = new BatchStream(tenSamples(), CLASSES, 5, 9, true);
        BatchStream again = new BatchStream(tenSamples(), CLASSES, 5, 9, true);
        List<Integer> firstEpoch = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            List<Integer> samples = samplesOf(stream.next());
            assertThat(samplesOf(again.next())).containsExactlyElementsOf(samples);
            firstEpoch.addAll(samples);
        }
        assertThat(new HashSet<>(firstEpoch)).hasSize(10);
        assertThat(stream.epoch()).isZero();
        List<Integer> secondEpochStart = samplesOf(stream.next());
        assertThat(stream.epoch()).isOne();
        assertThat(secondEpochStart).isNotEqualTo(firstEpoch.subList(0, 5));
    }

    @Test
    void rangeTestsDropTheShortLastBatchOfAnEpochAndTrainingKeepsIt() {
        NativeThreads.ensureConfigured();
        BatchStream dropping = new BatchStream(tenSamples(), CLASSES, 4, 1, true);
        BatchStream keeping = new BatchStream(tenSamples(), CLASSES, 4, 1, false);
        List<Integer> droppingSizes = new ArrayList<>();
        List<Integer> keepingSizes = new ArrayList<>();
        Set<Integer> keptEpoch = new HashSet<>();
        for (int b = 0; b < 4; b++) {
            droppingSizes.add(samplesOf(dropping.next()).size());
            List<Integer> kept = samplesOf(keeping.next());
            keepingSizes.add(kept.size());
            if (b < 3) {
                keptEpoch.addAll(kept);
            }
        }
        assertThat(droppingSizes).containsExactly(4, 4, 4, 4);
        assertThat(keepingSizes).containsExactly(4, 4, 2, 4);
        assertThat(keptEpoch).hasSize(10);
    }

    @Test
    void aBatchOfGivenSamplesHoldsThemInOrder() {
        NativeThreads.ensureConfigured();
        assertThat(samplesOf(BatchStream.batch(tenSamples(), new int[] {7, 2, 9}, 0, 3, CLASSES)))
                .containsExactly(7, 2, 9);
        assertThat(samplesOf(BatchStream.batch(tenSamples(), null, 4, 3, CLASSES))).containsExactly(4, 5, 6);
    }

    @Test
    void batchesPerEpochCountTheLastPartialBatchWithoutOverflowing() {
        assertThat(BatchStream.batchesPerEpoch(120, 16, false)).isEqualTo(8);
        assertThat(BatchStream.batchesPerEpoch(120, 16, true)).isEqualTo(7);
        assertThat(BatchStream.batchesPerEpoch(128, 16, false)).isEqualTo(8);
        assertThat(BatchStream.batchesPerEpoch(0, 16, false)).isZero();
        assertThat(BatchStream.batchesPerEpoch(120, Integer.MAX_VALUE, false)).isEqualTo(1);
    }

    @Test
    void aRangeTestsBatchLargerThanTheDataIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> new BatchStream(tenSamples(), CLASSES, 64, 1, true))
                .isInstanceOf(UserInputException.class)
                .hasMessage("--batch-size 64 is larger than the 10 training samples of the dataset: a range test "
                        + "takes full batches only");
        assertThat(new BatchStream(tenSamples(), CLASSES, 64, 1, false).next().numExamples()).isEqualTo(10);
    }
}
