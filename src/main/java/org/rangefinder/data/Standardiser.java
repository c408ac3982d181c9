package org.rangefinder.data;

/**
 * Z-score standardisation with statistics of one split (the training part), applied to any split.
 *
 * <p>For feature column {@code j} of the fitted split with {@code n} samples:
 * {@code mean_j = (1/n) * sum_i x_ij}, {@code std_j = sqrt((1/n) * sum_i (x_ij - mean_j)^2)} (the population
 * standard deviation, as scikit-learn's StandardScaler), and each value becomes
 * {@code z = (x - mean_j) / std_j}. A column with {@code std_j = 0} (constant in training) is only centred:
 * {@code z = x - mean_j}. Sums are taken in double precision.
 */
final class Standardiser {

    private final double[] mean;
    private final double[] std;

    private Standardiser(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    static Standardiser fit(Split split) {
        int width = split.featureLength();
        int n = split.size();
        float[] x = split.features();
        double[] mean = new double[width];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                mean[j] += x[i * width + j];
            }
        }
        for (int j = 0; j < width; j++) {
            mean[j] /= n;
        }
        double[] std = new double[width];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                double d = x[i * width + j] - mean[j];
                std[j] += d * d;
            }
        }
        for (int j = 0; j < width; j++) {
            std[j] = Math.sqrt(std[j] / n);
        }
        return new Standardiser(mean, std);
    }

    Split apply(Split split) {
        int width = split.featureLength();
        float[] x = split.features();
        float[] z = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            int j = k % width;
            double centred = x[k] - mean[j];
            z[k] = (float) (std[j] == 0 ? centred : centred / std[j]);
        }
        return new Split(z, split.labels(), width);
    }

    double[] mean() {
        return mean.clone();
    }

    double[] std() {
        return std.clone();
    }

    /** The statistics, as a trained network's data needs them. */
    FeatureScaling.Standardised scaling() {
        return new FeatureScaling.Standardised(mean, std);
    }
}
