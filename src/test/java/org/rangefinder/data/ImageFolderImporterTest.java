package org.rangefinder.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.ProgressLog;
import org.rangefinder.UserInputException;

class ImageFolderImporterTest {

    @TempDir
    Path dir;

    private static BufferedImage gray(int width, int height, int... values) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSamples(0, 0, width, height, 0, values);
        return image;
    }

    private static BufferedImage argb(int width, int height, int... pixels) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, pixels, 0, width);
        return image;
    }

    /** An image of 16 bits a channel, as a 16-bit PNG decodes: {@code samples} pixel by pixel, band by band. */
    private static BufferedImage sixteenBits(int colourSpace, boolean alpha, int width, int height, int... samples) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(colourSpace), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        raster.setPixels(0, 0, width, height, samples);
        return new BufferedImage(model, raster, false, null);
    }

    private Path png(String path, BufferedImage image) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /**
     * A 1 x 1 gray PNG whose header (IHDR, after the 8-byte signature, its length and its type) announces
     * {@code width x height} pixels, with its checksum fixed; its pixel data stays that of 1 x 1.
     */
    private Path pngAnnouncing(String path, int width, int height) throws IOException {
        Path file = png(path, gray(1, 1, 0));
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        bytes.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(bytes.array(), 12, 17);
        bytes.putInt(29, (int) crc.getValue());
        Files.write(file, bytes.array());
        return file;
    }

    /** The first sample after reading {@code dir} with class folders a (the image under test) and b. */
    private float[] readFirst(BufferedImage image, int width, int height, boolean grayscale) throws IOException {
        png("a/1.png", image);
        png("b/1.png", gray(1, 1, 0));
        LabelledSamples samples = ImageFolderImporter.read(dir, width, height, grayscale, () -> false);
        int length = samples.samples().featureLength();
        float[] first = new float[length];
        System.arraycopy(samples.samples().features(), 0, first, 0, length);
        return first;
    }

    private String failure() {
        return assertThatThrownBy(() -> ImageFolderImporter.read(dir, 2, 2, true, () -> false))
                .isInstanceOf(UserInputException.class)
                .actual().getMessage();
    }

    /** A load that is no longer wanted stops before the next image; the images before it were read. */
    @Test
    void aCancelStopsTheReadingBeforeTheNextImage() throws IOException {
        for (int i = 0; i < 4; i++) {
            png("a/" + i + ".png", gray(1, 1, 0));
        }
        AtomicInteger asked = new AtomicInteger();
        assertThatThrownBy(() -> ImageFolderImporter.read(dir, 1, 1, true, () -> asked.incrementAndGet() == 3))
                .isInstanceOf(CancellationException.class).hasMessage("loading " + dir + " cancelled");
        assertThat(asked).as("asked before each image, until the third said stop").hasValue(3);
    }

    @Test
    void theLoadIsToldHowManyImagesAreRead() throws IOException {
        for (int i = 0; i < 3; i++) {
            png("a/" + i + ".png", gray(1, 1, 0));
        }
        png("b/0.png", gray(1, 1, 0));
        ProgressLog log = new ProgressLog();
        ImageFolderImporter.read(dir, 1, 1, true, log);
        assertThat(log.reports()).containsExactly("0/4 images", "1/4 images", "2/4 images", "3/4 images");
    }

    /**
     * Images that the heap could not hold at the size asked for are refused before anything is allocated or read:
     * enough 1 x 1 images that, at 1024 x 1024, twice their floats exceed the heap's maximum (2 GB in the tests).
     */
    @Test
    void imagesTheHeapCannotHoldAreRefusedBeforeTheyAreRead() throws IOException {
        long perImage = 2L * Float.BYTES * 1024 * 1024;
        int count = (int) (Runtime.getRuntime().maxMemory() / perImage) + 1;
        for (int i = 0; i < count; i++) {
            png("a/" + i + ".png", gray(1, 1, 0));
        }
        AtomicInteger asked = new AtomicInteger();
        assertThatThrownBy(() -> ImageFolderImporter.read(dir, 1024, 1024, true, () -> asked.incrementAndGet() < 0))
                .isInstanceOf(UserInputException.class)
                .hasMessage(dir + ": " + count + " images of 1x1024x1024 values need about " + count * 8 + " MiB while "
                        + "they load, more than the " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB Java may use "
                        + "here; use a smaller image size or fewer images, or give Java more memory (java -Xmx...)");
        assertThat(asked).as("no image read").hasValue(0);
    }

    @Test
    void grayPixelsAreReadAsStoredAndDividedBy255() throws IOException {
        float[] pixels = readFirst(gray(2, 2, 0, 51, 128, 255), 2, 2, true);

        assertThat(pixels).containsExactly(new float[] {0, 0.2f, 128 / 255f, 1}, within(1e-7f));
    }

    @Test
    void halvingTheSizeAveragesTwoByTwoBlocks() throws IOException {
        BufferedImage image = gray(4, 4,
                0, 40, 80, 120,
                160, 200, 240, 255,
                10, 20, 30, 40,
                50, 60, 70, 80);

        float[] pixels = readFirst(image, 2, 2, true);

        assertThat(pixels).containsExactly(new float[] {100 / 255f, 173.75f / 255f, 35 / 255f, 55 / 255f},
                within(1e-6f));
    }

    @Test
    void boxFilterWeighsSourcePixelsByTheirOverlap() throws IOException {
        // 3 -> 2 pixels: output 0 covers [0, 1.5): 2/3 of pixel 0 and 1/3 of pixel 1; output 1 the mirror
        float[] pixels = readFirst(gray(3, 1, 0, 90, 255), 2, 1, true);

        assertThat(pixels).containsExactly(new float[] {30 / 255f, 200 / 255f}, within(1e-6f));
    }

    @Test
    void rgbImagesGiveThreeChannelsChannelFirst() throws IOException {
        float[] pixels = readFirst(argb(2, 1, 0xFFFF0000, 0xFF0033FF), 2, 1, false);

        assertThat(pixels).containsExactly(new float[] {1, 0, 0, 0.2f, 0, 1}, within(1e-7f));
    }

    @Test
    void grayscaleOfAColourImageIsBt601Luma() throws IOException {
        float[] pixels = readFirst(argb(2, 1, 0xFFFF0000, 0xFF0033FF), 2, 1, true);

        assertThat(pixels).containsExactly(new float[] {0.299f, 0.587f * 0.2f + 0.114f}, within(1e-6f));
    }

    @Test
    void aGrayImageRepeatsItsValueInTheThreeRgbChannels() throws IOException {
        float[] pixels = readFirst(gray(1, 1, 51), 1, 1, false);

        assertThat(pixels).containsExactly(new float[] {0.2f, 0.2f, 0.2f}, within(1e-7f));
    }

    /** 25701 of 65535 is 100.0039 of 255: rounded to 8 bits it would read 100 / 255, 1.5e-5 less. */
    @Test
    void sixteenBitGrayAndColourPngsKeepTheirSixteenBits() throws IOException {
        float[] gray = readFirst(sixteenBits(ColorSpace.CS_GRAY, false, 2, 1, 25701, 1), 2, 1, true);
        assertThat(gray).containsExactly(new float[] {25701 / 65535f, 1 / 65535f}, within(1e-9f));

        Files.delete(dir.resolve("a/1.png"));
        float[] rgb = readFirst(sixteenBits(ColorSpace.CS_sRGB, false, 1, 1, 25701, 1, 65535), 1, 1, false);
        assertThat(rgb).containsExactly(new float[] {25701 / 65535f, 1 / 65535f, 1}, within(1e-9f));
    }

    /** Alpha 16384 of 65535 (0.2500038) over white; at 8 bits it would be 64 / 255 (0.2509804). */
    @Test
    void aSixteenBitColourPngIsCompositedOverWhiteWithItsSixteenBitAlpha() throws IOException {
        float[] pixels = readFirst(sixteenBits(ColorSpace.CS_sRGB, true, 1, 1, 65535, 0, 25701, 16384), 1, 1, false);

        double a = 16384 / 65535.0;
        assertThat(pixels).containsExactly(new float[] {1, (float) (1 - a), (float) (a * 25701 / 65535 + 1 - a)},
                within(1e-7f));
    }

    /** A folder of images, or a class folder, may be a link: the loader reads what it leads to. */
    @Test
    void foldersReachedThroughLinksAreRead() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real/a"));
        png("real/a/1.png", gray(1, 1, 0));
        png("kept/b/1.png", gray(1, 1, 255));
        png("kept/b/2.png", gray(1, 1, 255));
        Files.createSymbolicLink(dir.resolve("real/b"), dir.resolve("kept/b"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real.getParent());

        LabelledSamples samples = ImageFolderImporter.read(link, 1, 1, true, () -> false);

        assertThat(samples.classNames()).containsExactly("a", "b");
        assertThat(samples.samples().labels()).containsExactly(0, 1, 1);
    }

    /** A hidden entry is not looked into: a hidden link back up does not stop the reading. */
    @Test
    void aHiddenLinkBackUpIsLeftAlone() throws IOException {
        png("a/1.png", gray(1, 1, 0));
        png("b/1.png", gray(1, 1, 255));
        Files.createSymbolicLink(dir.resolve("a/.up"), dir);
        Files.createSymbolicLink(dir.resolve("b/.self"), dir.resolve("b"));
        Files.createSymbolicLink(dir.resolve(".top"), dir);

        LabelledSamples samples = ImageFolderImporter.read(dir, 1, 1, true, () -> false);

        assertThat(samples.samples().labels()).containsExactly(0, 1);
    }

    @Test
    void aLinkLoopingBackAboveItselfIsNamed() throws IOException {
        png("a/1.png", gray(1, 1, 0));
        png("b/1.png", gray(1, 1, 0));
        Files.createSymbolicLink(dir.resolve("b/loop"), dir);
        // walking class folder b through the link, the walk comes back to b
        assertThat(failure()).isEqualTo(dir.resolve("b") + ": " + dir.resolve("b/loop/b")
                + " is a link back to a folder above it");
    }

    @Test
    void transparentPixelsAreCompositedOverWhite() throws IOException {
        float[] pixels = readFirst(argb(2, 1, 0x00000000, 0x33000000), 2, 1, true);

        assertThat(pixels).containsExactly(new float[] {1, 0.8f}, within(1e-6f));
    }

    @Test
    void loadsClassesFromSortedSubfolderNamesWithAStratifiedSplit() throws IOException {
        for (int i = 0; i < 5; i++) {
            png("zebra/" + i + ".png", gray(8, 8, new int[64]));
            png("ant/" + i + ".png", argb(3, 5, new int[15]));
        }
        png("ant/deeper/extra.png", gray(2, 2, 1, 2, 3, 4));
        Files.writeString(dir.resolve("README.md"), "two classes");
        Files.writeString(dir.resolve("ant/.DS_Store"), "hidden");

        Dataset dataset = Datasets.load(dir.toString(), DataOptions.defaults().withImageSize(6, 4));

        assertThat(dataset.kind()).isEqualTo(DatasetKind.IMAGE);
        assertThat(dataset.format()).isEqualTo(DataFormat.IMAGE_FOLDER);
        assertThat(dataset.sampleShape()).containsExactly(1, 4, 6);
        assertThat(dataset.classNames()).containsExactly("ant", "zebra");
        assertThat(dataset.train().classCounts(2)).containsExactly(5, 4);
        assertThat(dataset.validation().classCounts(2)).containsExactly(1, 1);
        assertThat(dataset.name()).isEqualTo(dir.getFileName().toString());
        assertThat(dataset.scaling()).isEqualTo(new FeatureScaling.DecodedImages());
    }

    @Test
    void rgbOptionGivesThreeChannels() throws IOException {
        png("a/1.png", gray(2, 2, 0, 0, 0, 0));
        png("a/2.png", gray(2, 2, 0, 0, 0, 0));
        png("b/1.png", gray(2, 2, 9, 9, 9, 9));
        png("b/2.png", gray(2, 2, 9, 9, 9, 9));

        Dataset dataset = Datasets.load(dir.toString(), DataOptions.defaults().withGrayscale(false));

        assertThat(dataset.sampleShape()).containsExactly(3, 28, 28);
        assertThat(dataset.train().size()).isEqualTo(2);
    }

    @Test
    void fileWithoutImageContentIsNamed() throws IOException {
        png("a/1.png", gray(1, 1, 0));
        Path bad = dir.resolve("b/broken.png");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "not a picture");

        assertThat(failure()).isEqualTo(bad + ": not a readable image: no PNG, JPEG, GIF or BMP decoder recognises "
                + "its content");
    }

    @Test
    void truncatedImageIsNamedAsCorrupt() throws IOException {
        png("a/1.png", gray(1, 1, 0));
        Path whole = png("b/whole.png", gray(16, 16, new int[256]));
        Path cut = dir.resolve("b/cut.png");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(whole), 40));

        assertThat(failure()).startsWith(cut + ": unreadable or corrupt image (");
    }

    @Test
    void anImageAnnouncingMorePixelsThanAllowedIsRefusedBeforeDecoding() throws IOException {
        png("a/1.png", gray(1, 1, 0));
        Path huge = pngAnnouncing("b/huge.png", 32000, 32000);

        assertThat(failure()).isEqualTo(huge + ": 32000x32000 pixels is too large: an image may have at most "
                + "16777216 pixels (4096x4096); scale it down");
    }

    /** A file too large to be an image of the largest size is refused before it is read (a sparse file here). */
    @Test
    void aFileLargerThanAnyImageIsRefusedBeforeItIsRead() throws IOException {
        png("a/1.png", gray(1, 1, 0));
        Path huge = Files.createDirectories(dir.resolve("b")).resolve("huge.png");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(ImageFolderImporter.MAX_IMAGE_BYTES + 1);
        }

        assertThat(failure()).isEqualTo(huge + ": 257 MiB is more than an image of at most 4096x4096 pixels takes "
                + "(256 MiB)");
    }

    @Test
    void theLimitIsOnThePixelCountInAnyShape() throws IOException {
        png("a/1.png", gray(1, 1, 0));
        Path image = pngAnnouncing("b/image.png", 8192, 2048);

        // at the limit the image is decoded, and its pixel data, that of 1 x 1, is too short
        assertThat(failure()).startsWith(image + ": unreadable or corrupt image (");

        pngAnnouncing("b/image.png", 8192, 2049);

        assertThat(failure()).isEqualTo(image + ": 8192x2049 pixels is too large: an image may have at most "
                + "16777216 pixels (4096x4096); scale it down");
    }

    @Test
    void moreValuesThanOneArrayHoldsAreRefusedBeforeReading() throws IOException {
        png("a/1.png", gray(1, 1, 0));
        png("b/1.png", gray(1, 1, 0));

        assertThatThrownBy(() -> ImageFolderImporter.read(dir, 40000, 40000, true, () -> false))
                .isInstanceOf(UserInputException.class)
                .hasMessage(dir + ": 2 images of 1x40000x40000 values (channels x height x width) are more than the "
                        + "2147483639 values one array holds; use a smaller image size or fewer images");
    }

    @Test
    void otherFilesInAClassFolderAreRefused() throws IOException {
        png("a/1.png", gray(1, 1, 0));
        png("b/1.png", gray(1, 1, 0));
        Path notes = dir.resolve("b/notes.txt");
        Files.writeString(notes, "x");

        assertThat(failure()).isEqualTo(notes + ": not an image; a class folder holds only .png, .jpg, .jpeg, "
                + ".gif or .bmp files");
    }

    @Test
    void imageOutsideAClassFolderIsRefused() throws IOException {
        png("a/1.png", gray(1, 1, 0));
        Path loose = png("loose.png", gray(1, 1, 0));

        assertThat(failure()).startsWith(loose + ": an image directly in the top folder belongs to no class");
    }

    @Test
    void emptyClassFolderIsRefused() throws IOException {
        png("a/1.png", gray(1, 1, 0));
        Files.createDirectories(dir.resolve("b"));

        assertThat(failure()).isEqualTo(dir.resolve("b") + ": the class folder holds no images");
    }

    @Test
    void folderWithoutClassFoldersIsRefused() {
        assertThat(failure()).startsWith(dir + ": no class subfolders;");
    }

    @Test
    void singleClassFolderIsRefused() throws IOException {
        png("cats/1.png", gray(1, 1, 0));
        png("cats/2.png", gray(1, 1, 0));

        assertThat(failure()).isEqualTo(dir + ": all 2 samples are of class 'cats'; a classifier needs at least "
                + "two classes");
    }
}
