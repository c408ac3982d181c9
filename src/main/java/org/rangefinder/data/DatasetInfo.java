package org.rangefinder.data;

import java.util.Arrays;
import java.util.List;

/**
 * What a listing shows about a dataset, without its samples.
 *
 * @param sampleShape shape of one sample, as in {@link Dataset#sampleShape()}
 * @param classNames  one name per class index
 */
public record DatasetInfo(String name, DatasetKind kind, int trainSize, int validationSize, int[] sampleShape,
                          List<String> classNames) {

    public DatasetInfo {
        sampleShape = sampleShape.clone();
        classNames = List.copyOf(classNames);
    }

    /** The description of a loaded dataset. */
    public static DatasetInfo of(Dataset dataset) {
        return new DatasetInfo(dataset.name(), dataset.kind(), dataset.train().size(), dataset.validation().size(),
                dataset.sampleShape(), dataset.classNames());
    }

    public int numClasses() {
        return classNames.size();
    }

    /** A short description for listings: {@code 1x28x28} or {@code 64}. */
    public String shapeText() {
        return shapeText(sampleShape);
    }

    static String shapeText(int[] shape) {
        return String.join("x", Arrays.stream(shape).mapToObj(Integer::toString).toList());
    }

    @Override
    public int[] sampleShape() {
        return sampleShape.clone();
    }
}
