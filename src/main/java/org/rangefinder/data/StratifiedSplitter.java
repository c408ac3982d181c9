package org.rangefinder.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

/**
 * Splits samples into a training and a validation part class by class, the same way for the same seed.
 *
 * <p>Rule: of a class with {@code n} samples, {@code v = round(f * n)} go to validation (halves round up; the
 * product is taken in decimal, f as written, so that 0.29 x 50 = 14.5 gives 15, where doubles give 14.4999...),
 * clamped to {@code 1 <= v <= n - 1} when {@code n >= 2} so that the class is in both parts; a
 * class with a single sample stays in training. With f = 0.2: iris 3 x 50 gives 10 + 10 + 10 = 30 validation
 * samples, wine (59, 71, 48) gives 12 + 14 + 10 = 36.
 *
 * <p>Which samples go is drawn by a Fisher-Yates shuffle of each class's samples, classes in index order, with
 * one {@link Random} seeded with the seed. The same generator then shuffles each part, so that a loop reading a
 * part in order still sees the classes mixed (files such as iris.csv are sorted by class).
 */
final class StratifiedSplitter {

    record Parts(Split train, Split validation) {
    }

    private StratifiedSplitter() {
    }

    static Parts split(Split samples, int numClasses, double validationFraction, long seed) {
        Random random = new Random(seed);
        int[] counts = samples.classCounts(numClasses);
        int[][] members = new int[numClasses][];
        for (int c = 0; c < numClasses; c++) {
            members[c] = new int[counts[c]];
        }
        int[] filled = new int[numClasses];
        int[] labels = samples.labels();
        for (int i = 0; i < labels.length; i++) {
            members[labels[i]][filled[labels[i]]++] = i;
        }
        int validationSize = 0;
        int[] held = new int[numClasses];
        for (int c = 0; c < numClasses; c++) {
            held[c] = validationCount(counts[c], validationFraction);
            validationSize += held[c];
        }
        int[] train = new int[labels.length - validationSize];
        int[] validation = new int[validationSize];
        int t = 0;
        int v = 0;
        for (int c = 0; c < numClasses; c++) {
            shuffle(members[c], random);
            for (int k = 0; k < members[c].length; k++) {
                if (k < held[c]) {
                    validation[v++] = members[c][k];
                } else {
                    train[t++] = members[c][k];
                }
            }
        }
        shuffle(train, random);
        shuffle(validation, random);
        return new Parts(samples.select(train), samples.select(validation));
    }

    /** {@code round(f * n)}, in decimal, clamped to {@code [1, n - 1]} for {@code n >= 2}; 0 for a class of one. */
    static int validationCount(int classSize, double validationFraction) {
        if (classSize < 2) {
            return 0;
        }
        long v = BigDecimal.valueOf(validationFraction).multiply(BigDecimal.valueOf(classSize))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        return (int) Math.max(1, Math.min(classSize - 1, v));
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }
}
