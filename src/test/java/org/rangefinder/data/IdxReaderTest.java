package org.rangefinder.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.UserInputException;

class IdxReaderTest {

    /** Six 2 x 3 images: image i has pixels 40 i + 0..5; labels 0, 1, 2, 0, 1, 2. */
    private static final int COUNT = 6;
    private static final int[] LABELS = {0, 1, 2, 0, 1, 2};

    @TempDir
    Path dir;

    private static OutputStream create(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return new BufferedOutputStream(file.toString().endsWith(".gz") ? new GZIPOutputStream(out) : out);
    }

    /** A header announcing {@code count} images of {@code rows x columns}, then {@code pixelsWritten} bytes. */
    private Path images(String name, int magic, int count, int rows, int columns, int pixelsWritten)
            throws IOException {
        Path file = dir.resolve(name);
        try (DataOutputStream out = new DataOutputStream(create(file))) {
            out.writeInt(magic);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(columns);
            for (int p = 0; p < pixelsWritten; p++) {
                out.writeByte(40 * (p / 6) + p % 6);
            }
        }
        return file;
    }

    private Path images(String name, int magic, int count, int pixelsWritten) throws IOException {
        return images(name, magic, count, 2, 3, pixelsWritten);
    }

    private Path images(String name) throws IOException {
        return images(name, IdxReader.IMAGES_MAGIC, COUNT, COUNT * 6);
    }

    private Path labels(String name, int... labels) throws IOException {
        Path file = dir.resolve(name);
        try (DataOutputStream out = new DataOutputStream(create(file))) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            for (int label : labels) {
                out.writeByte(label);
            }
        }
        return file;
    }

    private static String failure(Path imagesFile) {
        return assertThatThrownBy(() -> Datasets.load(imagesFile.toString(), DataOptions.defaults()))
                .isInstanceOf(UserInputException.class)
                .actual().getMessage();
    }

    private static void assertRoundTrip(IdxReader.LabelledImages read) {
        assertThat(read.rows()).isEqualTo(2);
        assertThat(read.columns()).isEqualTo(3);
        assertThat(read.samples().labels()).containsExactly(LABELS);
        float[] pixels = read.samples().features();
        assertThat(pixels).hasSize(36);
        for (int p = 0; p < pixels.length; p++) {
            assertThat(pixels[p]).isEqualTo((40 * (p / 6) + p % 6) / 255f);
        }
    }

    @Test
    void readsPlainImagesWithTheLabelsBesideThem() throws IOException {
        Path file = images("train-images-idx3-ubyte");
        labels("train-labels-idx1-ubyte", LABELS);

        assertRoundTrip(IdxReader.readPair(file, () -> false, new DataDigest()));
    }

    @Test
    void readsGzippedImagesWithTheLabelsBesideThem() throws IOException {
        Path file = images("train-images-idx3-ubyte.gz");
        labels("train-labels-idx1-ubyte.gz", LABELS);

        assertRoundTrip(IdxReader.readPair(file, () -> false, new DataDigest()));
        assertThat(IdxReader.readImagesHeader(file)).isEqualTo(new IdxReader.ImagesHeader(COUNT, 2, 3));
    }

    @Test
    void withoutATestPairTheDatasetIsAStratifiedSplit() throws IOException {
        Path file = images("train-images-idx3-ubyte.gz");
        labels("train-labels-idx1-ubyte", LABELS);

        Dataset dataset = Datasets.load(file.toString(), DataOptions.defaults());

        assertThat(dataset.name()).isEqualTo("train-images-idx3-ubyte.gz");
        assertThat(dataset.kind()).isEqualTo(DatasetKind.IMAGE);
        assertThat(dataset.format()).isEqualTo(DataFormat.IDX);
        assertThat(dataset.sampleShape()).containsExactly(1, 2, 3);
        assertThat(dataset.classNames()).containsExactly("0", "1", "2");
        assertThat(dataset.train().classCounts(3)).containsExactly(1, 1, 1);
        assertThat(dataset.validation().classCounts(3)).containsExactly(1, 1, 1);
        assertThat(Datasets.hasTestSet(file.toString())).isFalse();
        assertThat(dataset.scaling()).isEqualTo(new FeatureScaling.Divided(255));
    }

    @Test
    void aT10kPairBesideATrainPairIsTheValidationPart() throws IOException {
        Path file = images("train-images-idx3-ubyte");
        labels("train-labels-idx1-ubyte", LABELS);
        assertThat(Datasets.hasTestSet(file.toString())).isFalse();
        images("t10k-images-idx3-ubyte.gz", IdxReader.IMAGES_MAGIC, 2, 12);
        labels("t10k-labels-idx1-ubyte.gz", 3, 1);
        assertThat(Datasets.hasTestSet(file.toString())).isTrue();
        assertThat(Datasets.hasTestSet("mnist")).isTrue();
        assertThat(Datasets.hasTestSet("digits")).isFalse();

        Dataset dataset = Datasets.load(file.toString(), DataOptions.defaults());

        assertThat(dataset.train().labels()).containsExactly(LABELS);
        assertThat(dataset.validation().labels()).containsExactly(3, 1);
        assertThat(dataset.classNames()).containsExactly("0", "1", "2", "3");
        assertThat(dataset.validation().features()[6]).isEqualTo(40 / 255f);
    }

    @Test
    void anEmptyTestSetIsRefusedAsTheValidationPart() throws IOException {
        Path file = images("train-images-idx3-ubyte");
        labels("train-labels-idx1-ubyte", LABELS);
        Path test = images("t10k-images-idx3-ubyte", IdxReader.IMAGES_MAGIC, 0, 0);
        labels("t10k-labels-idx1-ubyte");

        assertThat(failure(file)).isEqualTo(test + ": holds no images, so nothing can be validated on (the test set "
                + "beside train-images-idx3-ubyte is the validation part)");
    }

    @Test
    void imagesTooLargeForTheHeapAreRefusedBeforeTheirPixelsAreRead() throws IOException {
        // the header announces more floats than the tests' heap (2 GB, set in the pom) holds; the file (gzipped, so
        // its size does not tell) holds a few bytes only, and the check comes before they are read
        long max = Runtime.getRuntime().maxMemory();
        int count = (int) (max / 8 / 1000 + 1);
        Path file = images("h-images-idx3-ubyte.gz", IdxReader.IMAGES_MAGIC, count, 1000, 1, 10);
        labels("h-labels-idx1-ubyte.gz", LABELS);
        long needed = 2L * Float.BYTES * count * 1000L;
        assertThat(failure(file)).startsWith(file + ": the " + count + " images of 1000x1 pixels its header "
                + "announces need about " + (needed >> 20) + " MiB while they load");
    }

    @Test
    void wrongMagicNumberIsNamed() throws IOException {
        Path file = images("x-images-idx3-ubyte", 1234, COUNT, COUNT * 6);
        labels("x-labels-idx1-ubyte", LABELS);

        assertThat(failure(file)).isEqualTo(file + ": wrong magic number 1234 for an IDX images file, expected 2051");
    }

    @Test
    void aLabelsFileGivenAsImagesIsRecognised() throws IOException {
        Path file = labels("x-labels-idx1-ubyte", LABELS);

        assertThat(failure(file)).isEqualTo(file + ": wrong magic number 2049 for an IDX images file, expected 2051 "
                + "(that is a labels file; give the images file)");
    }

    @Test
    void labelCountDifferentFromImageCountIsNamed() throws IOException {
        Path file = images("x-images-idx3-ubyte");
        Path labels = labels("x-labels-idx1-ubyte", 0, 1, 2);

        assertThat(failure(file)).isEqualTo(labels + " holds 3 labels but " + file + " holds 6 images");
        labels("x-labels-idx1-ubyte", 2);
        assertThat(failure(file)).isEqualTo(labels + " holds 1 label but " + file + " holds 6 images");
    }

    @Test
    void truncatedImagesAreNamed() throws IOException {
        Path file = images("x-images-idx3-ubyte.gz", IdxReader.IMAGES_MAGIC, COUNT, 20);
        labels("x-labels-idx1-ubyte.gz", LABELS);

        assertThat(failure(file)).isEqualTo(file + ": truncated: the header announces 6 images of 2x3 pixels (36 "
                + "bytes), but only 20 bytes of pixels follow it");
    }

    @Test
    void aShortFileAnnouncingBillionsOfPixelsIsRefusedWithoutAllocatingThem() throws IOException {
        // 8 GB of floats if allocated from the header; the labels match, so only the pixels are missing
        Path file = images("x-images-idx3-ubyte", IdxReader.IMAGES_MAGIC, 2_000_000, 1000, 1, 84);
        labels("x-labels-idx1-ubyte.gz", new int[2_000_000]);

        assertThat(Files.size(file)).isEqualTo(100);
        assertThat(failure(file)).isEqualTo(file + ": truncated: the header announces 2000000 images of 1000x1 "
                + "pixels (2000000000 bytes), but only 84 bytes of pixels follow it");
    }

    @Test
    void headerSizesWhoseProductOverflowsAreRefused() throws IOException {
        Path cube = images("c-images-idx3-ubyte", IdxReader.IMAGES_MAGIC, 1 << 21, 1 << 21, 1 << 21, 0);
        labels("c-labels-idx1-ubyte", LABELS);
        Path empty = images("e-images-idx3-ubyte", IdxReader.IMAGES_MAGIC, 0, 65536, 65536, 0);
        labels("e-labels-idx1-ubyte");

        assertThat(failure(cube)).isEqualTo(cube + ": corrupt or too large header: 2097152 images of 2097152x2097152 "
                + "pixels (at most 2147483639 pixels per image and in all)");
        assertThat(failure(empty)).isEqualTo(empty + ": corrupt or too large header: 0 images of 65536x65536 pixels "
                + "(at most 2147483639 pixels per image and in all)");
    }

    @Test
    void extraBytesAfterTheImagesAreNamed() throws IOException {
        Path file = images("x-images-idx3-ubyte", IdxReader.IMAGES_MAGIC, COUNT, COUNT * 6 + 1);
        labels("x-labels-idx1-ubyte", LABELS);

        assertThat(failure(file)).isEqualTo(file + ": the file holds more bytes than its header announces");
    }

    @Test
    void missingLabelsFileIsNamed() throws IOException {
        Path file = images("x-images-idx3-ubyte");

        assertThat(failure(file)).isEqualTo(file + ": its labels file x-labels-idx1-ubyte[.gz] is not beside it");
    }
}
