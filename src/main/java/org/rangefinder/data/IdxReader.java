package org.rangefinder.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rangefinder.Counts;
import org.rangefinder.UserInputException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, gzipped or not. All integers are big-endian 32-bit.
 * An images file is the magic number 2051 (0x00000803: unsigned bytes in 3 dimensions), the image count, rows,
 * columns, then count x rows x columns pixel bytes, image by image, row by row. A labels file is the magic number
 * 2049 (0x00000801), the count, then one byte per label. Labels are class indices, as in MNIST.
 *
 * <p>A header is checked before anything is allocated from it: at most {@link Split#MAX_VALUES} pixels per image
 * and in all, and the pixels it announces must follow it. Memory grows with the bytes actually read (gzipped
 * files tell their size only at the end), so a short file announcing billions of pixels is refused as truncated.
 *
 * <p>An images file named {@code <prefix>images<rest>} (for example {@code train-images-idx3-ubyte.gz}) has its
 * labels beside it in {@code <prefix>labels<rest>} with {@code idx3} replaced by {@code idx1}, gzipped or not.
 */
final class IdxReader {

    static final int IMAGES_MAGIC = 2051;
    static final int LABELS_MAGIC = 2049;
    /** Magic, count, rows and columns: four big-endian ints before the pixels. */
    private static final int HEADER_BYTES = 16;

    /** What an images file's header announces. */
    record ImagesHeader(int count, int rows, int columns) {
    }

    /**
     * Images with their labels.
     *
     * @param samples pixels scaled to [0, 1] by {@code byte / 255}, labels as in the labels file
     */
    record LabelledImages(int rows, int columns, Split samples) {
    }

    private static final float[] PIXEL = new float[256];

    static {
        for (int b = 0; b < PIXEL.length; b++) {
            PIXEL[b] = b / 255f;
        }
    }

    private IdxReader() {
    }

    static ImagesHeader readImagesHeader(Path file) {
        try (DataInputStream in = new DataInputStream(DataFiles.open(file))) {
            return imagesHeader(in, file);
        } catch (IOException e) {
            throw DataFiles.unreadable(file, e);
        }
    }

    /**
     * An images file and the labels file beside it; {@code loading} is asked and told between megabytes. The SHA-256
     * of each file is added to {@code digest} under its file name.
     */
    static LabelledImages readPair(Path imagesFile, Loading loading, DataDigest digest) {
        try (DataFiles.Hashed hashed = new DataFiles.Hashed(imagesFile);
             DataInputStream in = new DataInputStream(hashed.content())) {
            ImagesHeader header = imagesHeader(in, imagesFile);
            Path labelsFile = labelsFileFor(imagesFile);
            int pixelsPerImage = header.rows() * header.columns();
            int values = header.count() * pixelsPerImage;
            // before the pixels are read (their bytes alone may be more than the heap holds), unless the file is
            // too short for them, which its size tells when it is not gzipped
            long size = DataFiles.plainSize(imagesFile);
            if (size >= 0 && size - HEADER_BYTES < values) {
                throw truncated(imagesFile, header, values, size - HEADER_BYTES);
            }
            Split.requireMemory(imagesFile, "the " + header.count() + " images of " + header.rows() + "x"
                    + header.columns() + " pixels its header announces", values, "use fewer images");
            byte[] raw = DataFiles.readBytes(in, values, loading, imagesFile);
            if (raw.length < values) {
                throw truncated(imagesFile, header, values, raw.length);
            }
            requireEnd(in, imagesFile);
            digest.add(imagesFile.getFileName().toString(), hashed.digest());
            int[] labels = readLabels(labelsFile, loading, digest);
            if (header.count() != labels.length) {
                throw new UserInputException(labelsFile + " holds " + Counts.of(labels.length, "label") + " but "
                        + imagesFile + " holds " + Counts.of(header.count(), "image"));
            }
            float[] pixels = new float[values];
            for (int i = 0; i < values; i++) {
                pixels[i] = PIXEL[raw[i] & 0xFF];
            }
            return new LabelledImages(header.rows(), header.columns(), new Split(pixels, labels, pixelsPerImage));
        } catch (IOException e) {
            throw DataFiles.unreadable(imagesFile, e);
        }
    }

    private static UserInputException truncated(Path imagesFile, ImagesHeader header, int values, long present) {
        return new UserInputException(imagesFile + ": truncated: the header announces " + header.count()
                + " images of " + header.rows() + "x" + header.columns() + " pixels (" + values
                + " bytes), but only " + Math.max(0, present) + " bytes of pixels follow it");
    }

    /** The labels of a labels file; the SHA-256 of the file is added to {@code digest} under its file name. */
    private static int[] readLabels(Path file, Loading loading, DataDigest digest) {
        try (DataFiles.Hashed hashed = new DataFiles.Hashed(file);
             DataInputStream in = new DataInputStream(hashed.content())) {
            requireMagic(in.readInt(), LABELS_MAGIC, file);
            int count = in.readInt();
            if (count < 0) {
                throw new UserInputException(file + ": corrupt header: label count " + count);
            }
            byte[] raw = DataFiles.readBytes(in, count, loading, file);
            if (raw.length < count) {
                throw new UserInputException(file + ": truncated: the header announces " + count
                        + " labels, the file ends after " + raw.length);
            }
            requireEnd(in, file);
            digest.add(file.getFileName().toString(), hashed.digest());
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = raw[i] & 0xFF;
            }
            return labels;
        } catch (IOException e) {
            throw DataFiles.unreadable(file, e);
        }
    }

    static Path labelsFileFor(Path imagesFile) {
        String name = imagesFile.getFileName().toString();
        if (!name.contains("images")) {
            throw new UserInputException(imagesFile + ": cannot tell which file holds its labels: name an IDX "
                    + "images file '...images-idx3-ubyte[.gz]' and put '...labels-idx1-ubyte[.gz]' beside it");
        }
        return labelsBeside(imagesFile).orElseThrow(() -> new UserInputException(imagesFile + ": its labels file "
                + DataFiles.withoutGz(labelsName(name)) + "[.gz] is not beside it"));
    }

    /** The labels file beside an images file named {@code <prefix>images<rest>}, if there is one. */
    private static Optional<Path> labelsBeside(Path imagesFile) {
        String name = imagesFile.getFileName().toString();
        return name.contains("images") ? beside(imagesFile, labelsName(name)) : Optional.empty();
    }

    private static String labelsName(String imagesName) {
        return imagesName.replaceFirst("images", "labels").replace("idx3", "idx1");
    }

    /**
     * The files a load of {@code imagesFile} reads, those that are there: it, its labels file, and the
     * {@code t10k-} images file beside it with that file's labels.
     */
    static List<Path> filesRead(Path imagesFile) {
        List<Path> files = new ArrayList<>(List.of(imagesFile));
        labelsBeside(imagesFile).ifPresent(files::add);
        testImagesBeside(imagesFile).ifPresent(test -> {
            files.add(test);
            labelsBeside(test).ifPresent(files::add);
        });
        return files;
    }

    /** The {@code t10k-} images file beside a {@code train-} images file, if there is one. */
    static Optional<Path> testImagesBeside(Path imagesFile) {
        String name = imagesFile.getFileName().toString();
        return name.startsWith("train-") ? beside(imagesFile, "t10k-" + name.substring("train-".length()))
                : Optional.empty();
    }

    private static Optional<Path> beside(Path file, String name) {
        String plain = DataFiles.withoutGz(name);
        return List.of(name, plain, plain + ".gz").stream()
                .map(file::resolveSibling)
                .filter(Files::isRegularFile)
                .findFirst();
    }

    private static ImagesHeader imagesHeader(DataInputStream in, Path file) throws IOException {
        requireMagic(in.readInt(), IMAGES_MAGIC, file);
        int count = in.readInt();
        int rows = in.readInt();
        int columns = in.readInt();
        if (count < 0 || rows < 1 || columns < 1 || !Split.fitsOneArray(rows, columns, count)) {
            throw new UserInputException(file + ": corrupt or too large header: " + count + " images of " + rows
                    + "x" + columns + " pixels (at most " + Split.MAX_VALUES + " pixels per image and in all)");
        }
        return new ImagesHeader(count, rows, columns);
    }

    private static void requireMagic(int magic, int expected, Path file) {
        if (magic != expected) {
            String kind = expected == IMAGES_MAGIC ? "images" : "labels";
            String hint = magic == LABELS_MAGIC ? " (that is a labels file; give the images file)"
                    : magic == IMAGES_MAGIC ? " (that is an images file)" : "";
            throw new UserInputException(file + ": wrong magic number " + magic + " for an IDX " + kind
                    + " file, expected " + expected + hint);
        }
    }

    private static void requireEnd(DataInputStream in, Path file) throws IOException {
        if (in.read() >= 0) {
            throw new UserInputException(file + ": the file holds more bytes than its header announces");
        }
    }
}
