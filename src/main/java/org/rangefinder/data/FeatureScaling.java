package org.rangefinder.data;

/**
 * How the raw values of a sample became the features a network trains on: what must be done to new data before a
 * trained network takes it.
 */
public sealed interface FeatureScaling {

    /**
     * Tabular features standardised with the training part's statistics ({@link Standardiser}): feature {@code j}
     * becomes {@code z = (x - mean_j) / std_j}, or {@code z = x - mean_j} where {@code std_j = 0}, computed in double
     * precision from the value as a float and rounded to a float.
     *
     * @param mean the training part's mean of each feature
     * @param std  its population standard deviation of each feature
     */
    record Standardised(double[] mean, double[] std) implements FeatureScaling {
        public Standardised {
            mean = mean.clone();
            std = std.clone();
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] std() {
            return std.clone();
        }
    }

    /**
     * Pixels stored as integers from 0 to {@code max}, each divided by {@code max} as a float
     * ({@code v / (float) max}): the bytes of IDX files by 255, the bundled digits' 0..16 by 16.
     */
    record Divided(int max) implements FeatureScaling {
    }

    /**
     * Images decoded from files ({@link ImageFolderImporter}): each stored value over its largest ({@code v / 255}
     * for 8 bits), composited over white, turned to luma or kept as RGB, and resampled to the image size; no one
     * division of the file's values.
     */
    record DecodedImages() implements FeatureScaling {
    }
}
