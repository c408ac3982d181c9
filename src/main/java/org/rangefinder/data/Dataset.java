package org.rangefinder.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.rangefinder.Counts;

/**
 * A classification dataset ready for training: a training and a validation split, already scaled
 * (tabular features standardised with training statistics, image pixels in [0, 1]).
 *
 * @param name        registry name ({@code digits}) or the file/folder name for imported data
 * @param kind        tabular or image
 * @param format      what it was read from, a table, IDX files or an image folder
 * @param sampleShape shape of one sample: {@code {features}} for tabular data, {@code {channels, height, width}}
 *                    for images
 * @param classNames  one name per class index
 * @param sha256      of the files it was read from, taken as they were read (lower-case hex; see
 *                    {@link DataDigest}): a table's own SHA-256, or that of a listing of the files of an image
 *                    folder or of an IDX pair
 * @param scaling     how the raw values of a sample became its features, which new data must go through as well
 */
public record Dataset(String name, DatasetKind kind, DataFormat format, int[] sampleShape, List<String> classNames,
                      Split train, Split validation, String sha256, FeatureScaling scaling) {

    public Dataset {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(scaling, "scaling");
        sampleShape = sampleShape.clone();
        classNames = List.copyOf(classNames);
        int length = Arrays.stream(sampleShape).reduce(1, (a, b) -> a * b);
        if (train.featureLength() != length || validation.featureLength() != length) {
            throw new IllegalArgumentException("splits do not match sample shape " + Arrays.toString(sampleShape));
        }
        if (kind == DatasetKind.IMAGE && sampleShape.length != 3) {
            throw new IllegalArgumentException("an image sample shape is channels x height x width");
        }
    }

    public int numClasses() {
        return classNames.size();
    }

    /** Number of floats in one sample. */
    public int featureLength() {
        return train.featureLength();
    }

    @Override
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    /** A short description for listings: {@code 1x28x28} or {@code 64}. */
    public String shapeText() {
        return DatasetInfo.shapeText(sampleShape);
    }

    /** One sample in words: {@code 1x28x28} (channels x height x width) or {@code 4 features}. */
    public String sampleText() {
        return kind == DatasetKind.IMAGE ? shapeText() : Counts.of(sampleShape[0], "feature");
    }
}
