package org.rangefinder.data;

import java.util.Arrays;
import org.rangefinder.UserInputException;

/**
 * One part of a dataset (training or validation): {@code size()} samples, each a row of
 * {@code featureLength} floats in {@code features} (row-major; images flattened channel, row, column),
 * and a class index in {@code labels}.
 */
public record Split(float[] features, int[] labels, int featureLength) {

    /** The most values one array holds: {@code 2^31 - 9}, the largest array length a JVM reliably allocates. */
    static final int MAX_VALUES = Integer.MAX_VALUE - 8;

    public Split {
        if (featureLength <= 0 || features.length != labels.length * featureLength) {
            throw new IllegalArgumentException("features hold " + features.length + " values, expected "
                    + labels.length + " samples x " + featureLength);
        }
    }

    /**
     * Whether the product of the sizes (none negative), and each product of the first ones, is at most
     * {@link #MAX_VALUES}: with a sample's dimensions first and the sample count last, whether one sample and all
     * of them fit an array. Multiplies in {@code long}, stopping past the limit, so it never overflows.
     */
    static boolean fitsOneArray(int... sizes) {
        long product = 1;
        for (int size : sizes) {
            product *= size;
            if (product > MAX_VALUES) {
                return false;
            }
        }
        return true;
    }

    /**
     * Refuses, before they are allocated, samples of {@code values} floats in all that the JVM could not hold: a load
     * holds them about twice at its peak (as read, then split into training and validation parts), so
     * {@code 2 x 4 x values} bytes must fit the heap's maximum ({@code -Xmx}). Anything less is left to the heap.
     *
     * @param samples what the values are, for the message: {@code "60000 images of 28x28 pixels"}
     * @param advice  what the user can change, e.g. {@code "use a smaller image size or fewer images"}
     */
    static void requireMemory(Object source, String samples, long values, String advice) {
        long bytes = 2L * Float.BYTES * values;
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > max) {
            throw new UserInputException(source + ": " + samples + " need about " + (bytes >> 20) + " MiB while "
                    + "they load, more than the " + (max >> 20) + " MiB Java may use here; " + advice
                    + ", or give Java more memory (java -Xmx...)");
        }
    }

    public int size() {
        return labels.length;
    }

    /** The samples at the given indices, in that order. */
    public Split select(int[] indices) {
        float[] f = new float[indices.length * featureLength];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * featureLength, f, i * featureLength, featureLength);
            l[i] = labels[indices[i]];
        }
        return new Split(f, l, featureLength);
    }

    /** Number of samples of each class, for {@code numClasses} classes. */
    public int[] classCounts(int numClasses) {
        int[] counts = new int[numClasses];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && featureLength == s.featureLength
                && Arrays.equals(features, s.features) && Arrays.equals(labels, s.labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(features) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "Split[" + size() + " x " + featureLength + "]";
    }
}
