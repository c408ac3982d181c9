package org.rangefinder.hyperparams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rangefinder.Counts;
import org.rangefinder.data.DataDigest;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.DataFormat;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.files.InvalidField;

/**
 * The dataset of a hyperparameter file: a bundled one by name, or the user's file or folder by path with its
 * SHA-256, so that a later run can tell whether the data changed; how it was split; and what it looked like.
 *
 * <p>{@code sha256} is the one {@link DataDigest} defines, taken from the bytes the load read: of a table, what
 * {@code sha256sum FILE} prints; of an image folder or an IDX images file, that of a listing of the files read
 * (for IDX, its labels file and the test pair beside it included).
 *
 * @param name               bundled name, or the file or folder name for the user's data
 * @param path               the user's data as given (relative paths are taken from the working directory);
 *                           absent for bundled datasets
 * @param sha256             of the data at {@code path} (lower-case hex); absent for bundled datasets
 * @param labelColumn        CSV only: the label column by name or 0-based index; absent means the last
 * @param validationFraction share of the samples held out for validation, in (0, 1)
 * @param splitSeed          seed of the validation split
 * @param imageWidth         image folders only: width images are resampled to; refused for a bundled dataset and
 *                           for samples of features, ignored for an IDX file (its images keep their size)
 * @param imageHeight        image folders only: height images are resampled to; as {@code imageWidth}
 * @param grayscale          image folders only: one luminance channel instead of three; as {@code imageWidth}
 * @param sampleShape        shape of one sample when the file was written: [features] or [channels, height, width]
 * @param classes            number of classes
 * @param trainSamples       size of the training split (it sets the steps per epoch)
 * @param validationSamples  size of the validation split
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetSection(@JsonProperty(required = true) String name, String path, String sha256,
                             String labelColumn,
                             @JsonProperty(required = true) double validationFraction,
                             @JsonProperty(required = true) long splitSeed,
                             Integer imageWidth, Integer imageHeight, Boolean grayscale,
                             @JsonProperty(required = true) List<Integer> sampleShape,
                             @JsonProperty(required = true) int classes,
                             @JsonProperty(required = true) int trainSamples,
                             @JsonProperty(required = true) int validationSamples) {

    public DatasetSection {
        Check.present("name", name);
        if (path == null && !Datasets.BUNDLED.contains(name)) {
            throw new InvalidField("path", "is required for a dataset that is not bundled ("
                    + String.join(", ", Datasets.BUNDLED) + "), name is '" + name + "'");
        }
        if (path != null && (sha256 == null || !sha256.matches("[0-9a-f]{64}"))) {
            throw new InvalidField("sha256", "must be the 64 lower-case hex digits of the data's SHA-256, got "
                    + (sha256 == null ? "nothing" : "'" + sha256 + "'"));
        }
        Check.openFraction("validationFraction", validationFraction);
        if (imageWidth != null) {
            Check.between("imageWidth", imageWidth, 1, DataOptions.MAX_IMAGE_SIDE);
        }
        if (imageHeight != null) {
            Check.between("imageHeight", imageHeight, 1, DataOptions.MAX_IMAGE_SIDE);
        }
        sampleShape = Check.list("sampleShape", sampleShape);
        if (sampleShape.size() != 1 && sampleShape.size() != 3) {
            throw new InvalidField("sampleShape", "must be [features] or [channels, height, width], got "
                    + sampleShape);
        }
        for (int i = 0; i < sampleShape.size(); i++) {
            Check.atLeast("sampleShape[" + i + "]", sampleShape.get(i), 1);
        }
        String imageOption = imageWidth != null ? "imageWidth" : imageHeight != null ? "imageHeight"
                : grayscale != null ? "grayscale" : null;
        if (imageOption != null && path == null) {
            throw new InvalidField(imageOption, "applies to a folder of images; " + name + " is a bundled dataset");
        }
        if (imageOption != null && sampleShape.size() == 1) {
            throw new InvalidField(imageOption, "applies to a folder of images, whose samples are [channels, height, "
                    + "width]; this dataset's are " + sampleShape);
        }
        Check.atLeast("classes", classes, 2);
        Check.atLeast("trainSamples", trainSamples, 1);
        Check.atLeast("validationSamples", validationSamples, 1);
    }

    /**
     * The description of a loaded dataset, which every hyperparameter file written holds: a file written from another
     * describes its data anew, since the data may have changed since the other was written (its SHA-256, its sizes
     * and with them the schedule's steps).
     *
     * @param source  the bundled name or the path, as given to {@link Datasets#load}
     * @param options the options it was loaded with
     */
    public static DatasetSection of(String source, DataOptions options, Dataset data) {
        // the SHA-256 taken as the data was read: of the bytes the runs got, with no second read
        boolean bundled = Datasets.BUNDLED.contains(source);
        // the image options are recorded for the data they shaped: from the load, not from a look at the disk now
        boolean folder = data.format() == DataFormat.IMAGE_FOLDER;
        return new DatasetSection(bundled ? source : data.name(), bundled ? null : source,
                bundled ? null : data.sha256(), options.labelColumn(), options.validationFraction(),
                options.splitSeed(), folder ? options.imageWidth() : null, folder ? options.imageHeight() : null,
                folder ? options.grayscale() : null, Arrays.stream(data.sampleShape()).boxed().toList(),
                data.numClasses(), data.train().size(), data.validation().size());
    }

    /** What {@link Datasets#load} takes: the path of the user's data, or the bundled name. */
    public String source() {
        return path != null ? path : name;
    }

    /**
     * This description of the user's data as found at {@code path} now (spelled another way, or moved there), for
     * {@link #sameData} to compare by its contents; bundled data stays as it is.
     */
    public DatasetSection at(String path) {
        return this.path == null ? this : new DatasetSection(name, path, sha256, labelColumn, validationFraction,
                splitSeed, imageWidth, imageHeight, grayscale, sampleShape, classes, trainSamples, validationSamples);
    }

    public DataOptions dataOptions() {
        DataOptions d = DataOptions.defaults();
        return new DataOptions(labelColumn, validationFraction, splitSeed,
                imageWidth != null ? imageWidth : d.imageWidth(), imageHeight != null ? imageHeight : d.imageHeight(),
                grayscale != null ? grayscale : d.grayscale());
    }

    /**
     * How the same dataset, loaded now with the same options and described by {@link #of}, differs from the one the
     * file describes (changed bytes, other sizes or shape), one line each; empty when it is the same.
     */
    public List<String> differences(DatasetSection now) {
        List<String> out = new ArrayList<>();
        // data moved since (read where it is now) is named where it is, and where the file recorded it
        String dataset = now.path() != null && path != null && !now.path().equals(path)
                ? now.path() + " (recorded at " + path + ")" : source();
        if (path != null && !sha256.equals(now.sha256())) {
            out.add("dataset " + dataset + " changed since the file was written (SHA-256 " + now.sha256()
                    + ", recorded " + sha256 + ")");
        }
        if (!now.sampleShape().equals(sampleShape) || now.classes() != classes) {
            out.add("dataset " + dataset + " now has samples of shape " + now.sampleShape() + " in " + now.classes()
                    + " classes; the file recorded " + sampleShape + " in " + classes);
        }
        if (now.trainSamples() != trainSamples || now.validationSamples() != validationSamples) {
            out.add("dataset " + dataset + " now splits into " + Counts.of(now.trainSamples(), "training sample")
                    + " and " + Counts.of(now.validationSamples(), "validation sample") + "; the file recorded "
                    + trainSamples
                    + " and " + validationSamples);
        }
        return out;
    }

    /**
     * Whether {@code other} describes the same data as this: the same dataset with none of the {@link #differences}
     * (the same bytes, sample shape, classes and split sizes). The same dataset is the same bundled name, or the same
     * path once both are absolute and normalised ({@link Datasets#samePlace}): a relative path, as the command line
     * writes it ({@code --dataset data/x.csv}), is taken from the current folder, as {@code train --hyperparams} takes
     * it and as the window imports it (by its absolute path). Another split seed alone does not make other data, as
     * another seed does not make another experiment. False for null.
     */
    public boolean sameData(DatasetSection other) {
        return other != null && Datasets.samePlace(source(), other.source()) && differences(other).isEmpty();
    }
}
