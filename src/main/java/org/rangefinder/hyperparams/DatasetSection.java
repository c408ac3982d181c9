package org.rangefinder.hyperparams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.files.InvalidField;

/**
 * The dataset of a hyperparameter file: a bundled one by name, or the user's file or folder by path with its
 * SHA-256, so that a later run can tell whether the data changed; how it was split; and what it looked like.
 *
 * <p>{@code sha256} of a file is the SHA-256 of its bytes (what {@code sha256sum FILE} prints). Of a folder it is
 * the SHA-256 of the UTF-8 text with one line {@code <sha256 of the file>  <relative path>\n} per regular file
 * below it, in the order of the relative paths ({@code /}-separated, compared character by character), which is
 * what {@code cd FOLDER && find . -type f | cut -c3- | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum}
 * prints for ASCII names.
 *
 * @param name               bundled name, or the file or folder name for the user's data
 * @param path               the user's data as given (relative paths are taken from the working directory);
 *                           absent for bundled datasets
 * @param sha256             of the file or folder at {@code path} (lower-case hex); absent for bundled datasets
 * @param labelColumn        CSV only: the label column by name or 0-based index; absent means the last
 * @param validationFraction share of the samples held out for validation, in (0, 1)
 * @param splitSeed          seed of the validation split
 * @param imageWidth         image folders only: width images are resampled to
 * @param imageHeight        image folders only: height images are resampled to
 * @param grayscale          image folders only: one luminance channel instead of three
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
        boolean bundled = Datasets.BUNDLED.contains(source);
        boolean folder = !bundled && Files.isDirectory(Path.of(source));
        return new DatasetSection(bundled ? source : data.name(), bundled ? null : source,
                bundled ? null : sha256(Path.of(source)), options.labelColumn(), options.validationFraction(),
                options.splitSeed(), folder ? options.imageWidth() : null, folder ? options.imageHeight() : null,
                folder ? options.grayscale() : null, Arrays.stream(data.sampleShape()).boxed().toList(),
                data.numClasses(), data.train().size(), data.validation().size());
    }

    /** What {@link Datasets#load} takes: the path of the user's data, or the bundled name. */
    public String source() {
        return path != null ? path : name;
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
        if (path != null && !sha256.equals(now.sha256())) {
            out.add("dataset " + path + " changed since the file was written (SHA-256 " + now.sha256() + ", recorded "
                    + sha256 + ")");
        }
        if (!now.sampleShape().equals(sampleShape) || now.classes() != classes) {
            out.add("dataset " + source() + " now has samples of shape " + now.sampleShape() + " in " + now.classes()
                    + " classes; the file recorded " + sampleShape + " in " + classes);
        }
        if (now.trainSamples() != trainSamples || now.validationSamples() != validationSamples) {
            out.add("dataset " + source() + " now splits into " + now.trainSamples() + " training and "
                    + now.validationSamples() + " validation samples; the file recorded " + trainSamples
                    + " and " + validationSamples);
        }
        return out;
    }

    /**
     * Whether {@code other} describes the same data as this: the same dataset ({@link #source()}) with none of the
     * {@link #differences} (the same bytes, sample shape, classes and split sizes). Another split seed alone does not
     * make other data, as another seed does not make another experiment. False for null.
     */
    public boolean sameData(DatasetSection other) {
        return other != null && source().equals(other.source()) && differences(other).isEmpty();
    }

    /** The SHA-256 of a file, or of a folder as described in the class comment. */
    static String sha256(Path path) {
        try {
            if (!Files.isDirectory(path)) {
                return HexFormat.of().formatHex(digest(path));
            }
            List<Path> files = new ArrayList<>();
            // links followed, as the loader reads the data; a link looping back above itself is passed by, as
            // find -L does
            Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            if (attributes.isRegularFile()) {
                                files.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                            if (e instanceof FileSystemLoopException) {
                                return FileVisitResult.CONTINUE;
                            }
                            throw e;
                        }
                    });
            List<String> names = new ArrayList<>();
            for (Path f : files) {
                names.add(path.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"));
            }
            names.sort(null);
            StringBuilder listing = new StringBuilder();
            for (String n : names) {
                listing.append(HexFormat.of().formatHex(digest(path.resolve(n)))).append("  ").append(n).append('\n');
            }
            return HexFormat.of().formatHex(newDigest().digest(listing.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UserInputException("cannot read dataset " + path + " to compute its SHA-256: " + e.getMessage(),
                    e);
        }
    }

    private static byte[] digest(Path file) throws IOException {
        MessageDigest md = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                md.update(buffer, 0, n);
            }
        }
        return md.digest();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
