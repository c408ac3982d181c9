package org.rangefinder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;

/** The bundled datasets, loaded once per test JVM (they are immutable), and files of the user's made from them. */
public final class TestData {
    private static final Map<String, Dataset> CACHE = new ConcurrentHashMap<>();

    private TestData() {
    }

    public static Dataset load(String name) {
        return CACHE.computeIfAbsent(name, n -> Datasets.load(n, DataOptions.defaults()));
    }

    /**
     * Iris as a user's CSV: a header of names, then those of the 150 rows whose 0-based index {@code keep} takes,
     * the label (0, 1 or 2) last.
     */
    public static byte[] irisCsv(IntPredicate keep) {
        try {
            List<String> rows = Files.readAllLines(Datasets.bundledRoot().resolve("iris").resolve("iris.csv"))
                    .subList(1, 151);
            StringBuilder csv = new StringBuilder("sepal_length,sepal_width,petal_length,petal_width,species\n");
            for (int i = 0; i < rows.size(); i++) {
                if (keep.test(i)) {
                    csv.append(rows.get(i)).append('\n');
                }
            }
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rewrites {@code csv} as {@link #irisCsv} with the rows {@code keep} takes, last modified {@code minute} minutes
     * past a fixed time: not the clock's, whose resolution might not tell two writes apart.
     */
    public static void rewriteIrisCsv(Path csv, IntPredicate keep, int minute) throws IOException {
        Files.write(csv, irisCsv(keep));
        Files.setLastModifiedTime(csv, FileTime.from(Instant.parse("2024-05-01T12:00:00Z").plusSeconds(60L * minute)));
    }

    /** What {@code sha256sum} prints for these bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A folder of {@code count} 12 x 10 colour PNGs in two classes, {@code dark} and {@code light}, alternating, each
     * with one pixel of its class's colour on black.
     */
    public static Path imageFolder(Path folder, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            Path file = Files.createDirectories(folder.resolve(i % 2 == 0 ? "dark" : "light")).resolve(i + ".png");
            BufferedImage image = new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB);
            image.setRGB(i % 12, i % 10, i % 2 == 0 ? 0x204060 : 0xF0E0D0);
            ImageIO.write(image, "png", file.toFile());
        }
        return folder;
    }
}
