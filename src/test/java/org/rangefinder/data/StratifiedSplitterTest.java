package org.rangefinder.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitterTest {

    /** Samples whose single feature is their index, so that a split shows which samples went where. */
    private static Split indexed(int... labels) {
        float[] features = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            features[i] = i;
        }
        return new Split(features, labels, 1);
    }

    /** 50 samples of each of three classes, sorted by class like iris.csv. */
    private static Split irisLike() {
        return indexed(IntStream.range(0, 150).map(i -> i / 50).toArray());
    }

    @Test
    void holdsOutRoundedFractionOfEachClassClampedToKeepTheClassInBothParts() {
        assertThat(StratifiedSplitter.validationCount(50, 0.2)).isEqualTo(10);
        assertThat(StratifiedSplitter.validationCount(59, 0.2)).isEqualTo(12);
        assertThat(StratifiedSplitter.validationCount(71, 0.2)).isEqualTo(14);
        assertThat(StratifiedSplitter.validationCount(48, 0.2)).isEqualTo(10);
        assertThat(StratifiedSplitter.validationCount(5, 0.5)).isEqualTo(3);
        assertThat(StratifiedSplitter.validationCount(2, 0.2)).isEqualTo(1);
        assertThat(StratifiedSplitter.validationCount(2, 0.9)).isEqualTo(1);
        assertThat(StratifiedSplitter.validationCount(1, 0.5)).isZero();
        assertThat(StratifiedSplitter.validationCount(0, 0.5)).isZero();
        // 0.29 x 50 is 14.5, and rounds up; in doubles it is 14.499999999999998
        assertThat(StratifiedSplitter.validationCount(50, 0.29)).isEqualTo(15);
        assertThat(StratifiedSplitter.validationCount(50, 0.27)).isEqualTo(14);
    }

    @Test
    void splitsEachClassByTheRuleAndKeepsEverySampleExactlyOnce() {
        StratifiedSplitter.Parts parts = StratifiedSplitter.split(irisLike(), 3, 0.2, 42);

        assertThat(parts.train().classCounts(3)).containsExactly(40, 40, 40);
        assertThat(parts.validation().classCounts(3)).containsExactly(10, 10, 10);
        float[] all = new float[150];
        System.arraycopy(parts.train().features(), 0, all, 0, 120);
        System.arraycopy(parts.validation().features(), 0, all, 120, 30);
        Arrays.sort(all);
        for (int i = 0; i < 150; i++) {
            assertThat(all[i]).isEqualTo(i);
        }
        for (Split part : new Split[] {parts.train(), parts.validation()}) {
            for (int i = 0; i < part.size(); i++) {
                assertThat(part.labels()[i]).isEqualTo((int) part.features()[i] / 50);
            }
        }
    }

    @Test
    void sameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        StratifiedSplitter.Parts a = StratifiedSplitter.split(irisLike(), 3, 0.2, 42);
        StratifiedSplitter.Parts b = StratifiedSplitter.split(irisLike(), 3, 0.2, 42);
        StratifiedSplitter.Parts c = StratifiedSplitter.split(irisLike(), 3, 0.2, 43);

        assertThat(b).isEqualTo(a);
        assertThat(sorted(c.validation().features())).isNotEqualTo(sorted(a.validation().features()));
    }

    @Test
    void shufflesThePartsSoThatClassesAreMixed() {
        StratifiedSplitter.Parts parts = StratifiedSplitter.split(irisLike(), 3, 0.2, 42);

        int[] firstTwenty = Arrays.copyOf(parts.train().labels(), 20);
        assertThat(Arrays.stream(firstTwenty).distinct().count()).isEqualTo(3);
    }

    @Test
    void aClassOfOneStaysInTrainingAndAClassOfTwoIsInBothParts() {
        StratifiedSplitter.Parts parts = StratifiedSplitter.split(indexed(0, 0, 0, 0, 0, 1, 1, 2), 3, 0.2, 1);

        assertThat(parts.train().classCounts(3)).containsExactly(4, 1, 1);
        assertThat(parts.validation().classCounts(3)).containsExactly(1, 1, 0);
    }

    private static float[] sorted(float[] values) {
        float[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
