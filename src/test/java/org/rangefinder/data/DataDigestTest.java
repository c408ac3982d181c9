package org.rangefinder.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.TestData;

/**
 * The SHA-256 a load takes of the files it reads ({@link Dataset#sha256()}), against values printed by
 * {@code sha256sum} and by the shell commands {@link DataDigest} gives.
 */
class DataDigestTest {
    /** Two classes of three rows; {@code sha256sum} prints 54cfadd3... for these bytes. */
    private static final String TABLE = "x,y,label\n1,2,a\n2,3,a\n3,4,a\n4,5,b\n5,6,b\n6,7,b\n";

    /** 1 x 1 gray PNGs of gray 0, 128 and 255, as a PNG encoder writes them. */
    private static final byte[] BLACK = png("6360000000020001e527defc");
    private static final byte[] GRAY = png("6368000000820081da45083b");
    private static final byte[] WHITE = png("63f80f00010101001cb08c99");

    @TempDir
    Path dir;

    private static byte[] png(String compressedPixelAndCrc) {
        return HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b55"
                + "0000000a4944415478da" + compressedPixelAndCrc + "0000000049454e44ae426082");
    }

    private Path write(String path, byte[] bytes) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private static String shaOfLoad(Path path) {
        return Datasets.load(path.toString(), DataOptions.defaults().withValidationFraction(0.34)).sha256();
    }

    @Test
    void aTableHasTheSha256OfItsBytes() throws IOException {
        Path csv = write("t.csv", TABLE.getBytes(StandardCharsets.UTF_8));
        assertThat(shaOfLoad(csv)).isEqualTo("54cfadd31550ae6cd47eb18b8dbdadd939fcf1c4ec71855b3327ddcb6bf89c17");
    }

    /**
     * A gzipped table has the SHA-256 of the file as stored, bytes after the gzip stream included, which the
     * decompression leaves unread.
     */
    @Test
    void aGzippedTableHasTheSha256OfItsStoredBytesToTheEnd() throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(TABLE.getBytes(StandardCharsets.UTF_8));
        }
        // padding some tools leave after the stream, more than the reading's buffer takes in at once
        gzipped.write(new byte[200_000]);
        Path csv = write("t.csv.gz", gzipped.toByteArray());
        assertThat(shaOfLoad(csv)).isEqualTo(TestData.sha256(gzipped.toByteArray()));
    }

    /**
     * The images of the class folders by their relative paths; the hidden files and the top folder's README, which
     * the load leaves out, are not in it. Printed by {@code cd FOLDER && find -L . -mindepth 2 -type f -not -path
     * '*}{@code /.*' | cut -c3- | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum}.
     */
    @Test
    void anImageFolderHasTheSha256OfTheListingOfItsImages() throws IOException {
        write("cats/1.png", BLACK);
        write("cats/small/2.png", GRAY);
        Path dog = write("dogs/1.png", WHITE);
        String listing = "e0287580e2426990f196f159dfccb38152f6aa0bf5f8a7dbc9b25302880d3c85";
        assertThat(ImageFolderImporter.read(dir, 1, 1, true, Loading.UNWATCHED).sha256()).isEqualTo(listing);

        write("README.txt", "about\n".getBytes(StandardCharsets.UTF_8));
        write("dogs/.DS_Store", "junk".getBytes(StandardCharsets.UTF_8));
        write("dogs/.cache/x.png", BLACK);
        assertThat(ImageFolderImporter.read(dir, 1, 1, true, Loading.UNWATCHED).sha256())
                .as("files the load leaves out").isEqualTo(listing);

        Path link = Files.createSymbolicLink(dir.resolveSibling(dir.getFileName() + "-link"), dir);
        try {
            assertThat(ImageFolderImporter.read(link, 1, 1, true, Loading.UNWATCHED).sha256())
                    .as("the folder through a link").isEqualTo(listing);
        } finally {
            Files.delete(link);
        }

        Files.write(dog, GRAY);
        assertThat(ImageFolderImporter.read(dir, 1, 1, true, Loading.UNWATCHED).sha256())
                .as("an image changed").isNotEqualTo(listing);
    }

    /** Six 2 x 3 images and their labels, as IdxReaderTest writes them, and a test pair of two. */
    private Path idxFiles() throws IOException {
        byte[] pixels = new byte[36];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = (byte) (40 * (p / 6) + p % 6);
        }
        Path train = write("train-images-idx3-ubyte", idx(IdxReader.IMAGES_MAGIC, 6, pixels, 2, 3));
        write("train-labels-idx1-ubyte", idx(IdxReader.LABELS_MAGIC, 6, new byte[] {0, 1, 2, 0, 1, 2}));
        write("t10k-images-idx3-ubyte", idx(IdxReader.IMAGES_MAGIC, 2, Arrays.copyOf(pixels, 12), 2, 3));
        write("t10k-labels-idx1-ubyte", idx(IdxReader.LABELS_MAGIC, 2, new byte[] {3, 1}));
        return train;
    }

    private static byte[] idx(int magic, int count, byte[] body, int... sides) {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * sides.length + body.length);
        b.putInt(magic).putInt(count);
        for (int side : sides) {
            b.putInt(side);
        }
        return b.put(body).array();
    }

    /**
     * An IDX images file with its labels file and the test pair beside it: the listing of the four, printed by
     * {@code sha256sum * | LC_ALL=C sort -k2 | sha256sum} in their folder. A changed labels file changes it.
     */
    @Test
    void anIdxFileHasTheSha256OfTheListingOfItsPairAndTheTestPair() throws IOException {
        Path train = idxFiles();
        String listing = "1f523d94ddcb82c61e6735219e24fe3f3da618d239948e70a9a3f676e6bbb65c";
        assertThat(shaOfLoad(train)).isEqualTo(listing);

        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(IdxReader.LABELS_MAGIC, 2, new byte[] {1, 3}));
        assertThat(shaOfLoad(train)).as("the test labels changed").isNotEqualTo(listing);
    }

    /** Without a test pair, the listing is of the images file and its labels file. */
    @Test
    void anIdxFileWithoutATestPairHasTheSha256OfTheListingOfItsPair() throws IOException {
        Path train = idxFiles();
        Files.delete(dir.resolve("t10k-images-idx3-ubyte"));
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        // sha256sum train-* | LC_ALL=C sort -k2 | sha256sum
        assertThat(shaOfLoad(train)).isEqualTo("6cc62b96f6fd2a0e5279dec3bba1d2e52341bce18c1b2406ad508edb1142fc15");

        Files.write(dir.resolve("train-labels-idx1-ubyte"),
                idx(IdxReader.LABELS_MAGIC, 6, new byte[] {2, 1, 0, 0, 1, 2}));
        assertThat(shaOfLoad(train)).as("the labels changed").isNotEqualTo(
                "6cc62b96f6fd2a0e5279dec3bba1d2e52341bce18c1b2406ad508edb1142fc15");
    }
}
