package org.rangefinder.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.rangefinder.TestData;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Split;
import org.rangefinder.engine.BatchStream;

/**
 * {@link Evaluation} against DL4J's own loss and accuracy, on MNIST's 10,000 test images (its validation): 19 chunks
 * of {@value Evaluation#CHUNK} and one of 272, so that every chunk but the first reads its labels at an offset.
 */
class EvaluationTest {
    private final Dataset mnist = TestData.load("mnist");

    /**
     * An mlp trained 30 steps (86% right, so that a sample read against another's label counts) is evaluated
     * in chunks, then DL4J scores all 10,000 images as one batch: its loss is the score its {@code fit} computes for
     * the batch before the step (the mlp has neither dropout nor batch normalisation, so training mode computes what
     * inference does, and no weight decay adds to the score), its accuracy that of DL4J's {@code Evaluation} of the
     * network's output. The accuracies agree exactly (both take the first largest probability). The losses agree to
     * float precision, not bit for bit: DL4J takes the logarithms in float and sums the 10,000 in float, we take them
     * in double and sum in double (0.4593654 and 0.4593651: 6e-7 apart relatively, 1e-5 allowed).
     */
    @Test
    void chunkedLossAndAccuracyAreDl4jsOverAllSamplesAtOnce() {
        Network net = NetworkFactory.build(ModelSpec.preset("mlp"), mnist, new Nesterovs(0.05, 0.9), 0, 42, 64);
        BatchStream batches = new BatchStream(mnist.train(), mnist.numClasses(), 64, 42, true);
        for (int i = 0; i < 30; i++) {
            net.fit(batches.next());
        }
        Split validation = mnist.validation();
        assertThat(validation.size()).isEqualTo(10_000);

        Evaluation.Result result = Evaluation.evaluate(net, validation, mnist.numClasses(), validation.size());

        DataSet all = BatchStream.batch(validation, null, 0, validation.size(), mnist.numClasses());
        var dl4j = new org.nd4j.evaluation.classification.Evaluation(mnist.numClasses());
        dl4j.eval(all.getLabels(), net.output(all.getFeatures()));
        assertThat(result.accuracy()).isEqualTo(dl4j.accuracy()).isBetween(0.8, 0.95);
        double score = net.fit(all);
        assertThat(result.loss()).isCloseTo(score, within(1e-5 * score));
    }
}
