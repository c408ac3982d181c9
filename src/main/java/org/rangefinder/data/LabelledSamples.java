package org.rangefinder.data;

import java.util.Arrays;
import java.util.List;
import org.rangefinder.UserInputException;

/**
 * Samples read from a source, scaled but not yet split into training and validation.
 *
 * @param source      the file or folder they came from, for messages
 * @param sampleShape shape of one sample, as in {@link Dataset#sampleShape()}
 * @param classNames  one name per class index
 * @param samples     every sample, in the order of the source
 * @param sha256      of the files read, as {@link DataDigest} defines it
 */
record LabelledSamples(String source, DatasetKind kind, int[] sampleShape, List<String> classNames,
                       Split samples, String sha256) {

    /** A classifier needs at least two classes that actually occur; anything less is a problem of the input. */
    LabelledSamples {
        sampleShape = sampleShape.clone();
        classNames = List.copyOf(classNames);
        if (samples.size() == 0) {
            throw new UserInputException(source + ": no samples");
        }
        int[] counts = samples.classCounts(classNames.size());
        long present = Arrays.stream(counts).filter(c -> c > 0).count();
        if (present < 2) {
            throw new UserInputException(source + ": all " + samples.size() + " samples are of class '"
                    + classNames.get(samples.labels()[0]) + "'; a classifier needs at least two classes");
        }
    }

    @Override
    public int[] sampleShape() {
        return sampleShape.clone();
    }
}
