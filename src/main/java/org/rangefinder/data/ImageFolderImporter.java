package org.rangefinder.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.rangefinder.UserInputException;

/**
 * Reads a folder of images with one subfolder per class: the classes are the subfolder names, sorted; a class
 * folder holds PNG, JPEG, GIF or BMP images (read with {@code javax.imageio}), also in folders below it, read in
 * path order. Hidden files and folders (names starting with a dot) are skipped, and so are files other than images
 * in the top folder (a README, a licence). A file that is not an image in a class folder, an image lying directly
 * in the top folder, an empty class folder or an image of more than {@link #MAX_PIXELS} pixels is an error: no
 * sample is dropped silently.
 *
 * <p>Each image becomes {@code channels x height x width} floats in [0, 1], channel by channel, row by row:
 * <ol>
 *   <li>Gray images are read from their raster as stored, each value {@code v} becoming {@code v / (2^bits - 1)}
 *       (v / 255 for 8 bits, v / 65535 for 16): {@link BufferedImage#getRGB} would pass them through a gamma
 *       conversion (gray 128 reads back as 188). sRGB colour images of more than 8 bits a channel (16-bit
 *       colour PNGs) are read from their raster the same way; other colour images through {@code getRGB}, as sRGB
 *       with 8 bits a channel ({@code v / 255}). A pixel with opacity {@code a} is composited over white:
 *       {@code a * v + (1 - a)}.</li>
 *   <li>Grayscale output is the luma {@code Y = 0.299 R + 0.587 G + 0.114 B} (ITU-R BT.601); a gray image is its
 *       own luma. RGB output of a gray image repeats it in the three channels.</li>
 *   <li>Each channel is resampled from {@code W x H} to {@code w x h} with a box filter: output pixel
 *       {@code (x, y)} covers the source rectangle {@code [x W/w, (x+1) W/w) x [y H/h, (y+1) H/h)} and is the
 *       mean of the source pixels, weighted by the area each shares with that rectangle. Equal sizes leave the
 *       image as it is; halving averages 2 x 2 blocks.</li>
 * </ol>
 */
final class ImageFolderImporter {

    /**
     * The most pixels an image may have, in any shape: 4096 x 4096 = 16,777,216. Reading one holds up to about
     * 40 bytes a pixel at once (the decoded raster, up to 8 for 16-bit RGBA; three double planes, 24; their luma,
     * 8), 640 MiB at this size, which fits the default heap of a machine with 4 GB (a quarter of its memory). The
     * size is read from the file's header before decoding: a 1 MB PNG can announce 32000 x 32000 pixels.
     */
    static final long MAX_PIXELS = (long) DataOptions.MAX_IMAGE_SIDE * DataOptions.MAX_IMAGE_SIDE;

    /**
     * The largest file taken for an image, 256 MiB: an image of {@link #MAX_PIXELS} pixels stored uncompressed with
     * 16 bits in each of four channels takes 128 MiB. Each image is read whole before it is decoded.
     */
    static final long MAX_IMAGE_BYTES = 256L << 20;

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");

    /** The source pixels that make one output pixel along one axis: {@code first}, then {@code weights.length}. */
    private record AxisWeights(int[] first, double[][] weights) {
    }

    private ImageFolderImporter() {
    }

    /** Reads the folder; before each image, {@code loading} is asked whether to go on and told how many are read. */
    static LabelledSamples read(Path folder, int width, int height, boolean grayscale, Loading loading) {
        List<Path> classFolders = classFolders(folder);
        List<List<Path>> images = classFolders.stream().map(ImageFolderImporter::imagesIn).toList();
        int channels = grayscale ? 1 : 3;
        int total = images.stream().mapToInt(List::size).sum();
        if (!Split.fitsOneArray(channels, height, width, total)) {
            throw new UserInputException(folder + ": " + total + " images of " + channels + "x" + height + "x"
                    + width + " values (channels x height x width) are more than the " + Split.MAX_VALUES
                    + " values one array holds; use a smaller image size or fewer images");
        }
        int length = channels * height * width;
        Split.requireMemory(folder, total + " images of " + channels + "x" + height + "x" + width + " values",
                (long) total * length, "use a smaller image size or fewer images");
        float[] features = new float[total * length];
        int[] labels = new int[total];
        DataDigest digest = new DataDigest();
        int sample = 0;
        for (int c = 0; c < images.size(); c++) {
            for (Path file : images.get(c)) {
                DataFiles.stopIfCancelled(loading, folder);
                loading.progress(sample, total, "images");
                float[] pixels = pixels(decode(file, read(folder, file, digest)), width, height, grayscale);
                System.arraycopy(pixels, 0, features, sample * length, length);
                labels[sample++] = c;
            }
        }
        List<String> classNames = classFolders.stream().map(p -> p.getFileName().toString()).toList();
        return new LabelledSamples(folder.toString(), DatasetKind.IMAGE, new int[] {channels, height, width},
                classNames, new Split(features, labels, length), digest.ofListing());
    }

    /** An image's bytes, their SHA-256 added to {@code digest} under the image's path relative to the folder. */
    private static byte[] read(Path folder, Path image, DataDigest digest) {
        String name = folder.relativize(image).toString().replace(image.getFileSystem().getSeparator(), "/");
        try {
            long size = Files.size(image);
            if (size > MAX_IMAGE_BYTES) {
                long mib = (size + (1 << 20) - 1) >> 20; // rounded up: past the limit by a byte is past it
                throw new UserInputException(image + ": " + mib + " MiB is more than an image of at most "
                        + DataOptions.MAX_IMAGE_SIDE + "x" + DataOptions.MAX_IMAGE_SIDE + " pixels takes ("
                        + (MAX_IMAGE_BYTES >> 20) + " MiB)");
            }
            return DataFiles.readHashed(image, digest, name);
        } catch (IOException e) {
            throw DataFiles.unreadable(image, e);
        }
    }

    private static List<Path> classFolders(Path folder) {
        List<Path> classFolders = new ArrayList<>();
        for (Path entry : visibleEntries(folder, 1)) {
            if (Files.isDirectory(entry)) {
                classFolders.add(entry);
            } else if (isImage(entry)) {
                throw new UserInputException(entry + ": an image directly in the top folder belongs to no class; "
                        + "put each class's images in a subfolder named after the class");
            }
        }
        if (classFolders.isEmpty()) {
            throw new UserInputException(folder + ": no class subfolders; an image folder holds one subfolder of "
                    + "images per class, named after the class");
        }
        return classFolders;
    }

    private static List<Path> imagesIn(Path classFolder) {
        List<Path> images = new ArrayList<>();
        for (Path entry : visibleEntries(classFolder, Integer.MAX_VALUE)) {
            if (Files.isDirectory(entry)) {
                continue;
            }
            if (!isImage(entry)) {
                throw new UserInputException(entry + ": not an image; a class folder holds only .png, .jpg, .jpeg, "
                        + ".gif or .bmp files");
            }
            images.add(entry);
        }
        if (images.isEmpty()) {
            throw new UserInputException(classFolder + ": the class folder holds no images");
        }
        return images;
    }

    /**
     * Everything below a folder down to a depth, sorted by path; hidden entries (names starting with a dot) and what
     * lies below them left out, not even looked into. Links are followed, to folders too (the folder itself may be
     * one); a visible link looping back to a folder above it is an error.
     */
    private static List<Path> visibleEntries(Path folder, int depth) {
        List<Path> entries = new ArrayList<>();
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (dir.equals(folder)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (isHidden(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    entries.add(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!isHidden(file)) {
                        entries.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (isHidden(file)) {
                        return FileVisitResult.CONTINUE; // left out as any hidden entry, readable or not
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw DataFiles.unreadable(folder, e);
        }
        entries.sort(null);
        return entries;
    }

    /** Whether {@code path}, in {@code folder}, is left out of a read of it: a name on the way there is hidden. */
    static boolean isHidden(Path folder, Path path) {
        for (Path name : folder.relativize(path)) {
            if (isHidden(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHidden(Path entry) {
        return entry.getFileName().toString().startsWith(".");
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return IMAGE_EXTENSIONS.contains(name.substring(name.lastIndexOf('.') + 1));
    }

    /**
     * As {@link ImageIO#read(java.io.File)} does, from the file's bytes, with the size from the header checked
     * before decoding.
     */
    private static BufferedImage decode(Path file, byte[] bytes) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UserInputException(file + ": not a readable image: no PNG, JPEG, GIF or BMP decoder "
                        + "recognises its content");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw new UserInputException(file + ": " + width + "x" + height + " pixels is too large: an "
                            + "image may have at most " + MAX_PIXELS + " pixels (" + DataOptions.MAX_IMAGE_SIDE + "x"
                            + DataOptions.MAX_IMAGE_SIDE + "); scale it down");
                }
                return reader.read(0, reader.getDefaultReadParam());
            } finally {
                reader.dispose();
            }
        } catch (UserInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // some decoders fail on malformed data with unchecked exceptions rather than IIOException
            throw new UserInputException(file + ": unreadable or corrupt image (" + e.getMessage() + ")", e);
        }
    }

    /** One sample: the image in the wanted channels, resampled, channel by channel, row by row. */
    private static float[] pixels(BufferedImage image, int width, int height, boolean grayscale) {
        ColorModel model = image.getColorModel();
        double[][] planes;
        if (model.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            planes = storedPlanes(image, 1);
        } else if (model instanceof ComponentColorModel && model.getColorSpace().isCS_sRGB()
                && model.getComponentSize(0) > 8) {
            planes = storedPlanes(image, 3);
        } else {
            planes = rgbPlanes(image);
        }
        if (grayscale && planes.length == 3) {
            planes = new double[][] {luma(planes)};
        } else if (!grayscale && planes.length == 1) {
            planes = new double[][] {planes[0], planes[0], planes[0]};
        }
        AxisWeights across = boxWeights(image.getWidth(), width);
        AxisWeights down = boxWeights(image.getHeight(), height);
        int area = width * height;
        float[] out = new float[planes.length * area];
        for (int c = 0; c < planes.length; c++) {
            double[] resampled = resample(planes[c], image.getWidth(), across, down);
            for (int i = 0; i < area; i++) {
                out[c * area + i] = (float) resampled[i];
            }
        }
        return out;
    }

    /**
     * The first {@code colours} bands of the raster as stored, each value {@code v} of {@code bits} bits becoming
     * {@code v / (2^bits - 1)}, composited over white with the alpha band that follows them, if any.
     */
    private static double[][] storedPlanes(BufferedImage image, int colours) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        int[] alpha = model.hasAlpha() ? raster.getSamples(0, 0, w, h, colours, (int[]) null) : null;
        double alphaMax = model.hasAlpha() ? (1L << model.getComponentSize(colours)) - 1 : 1;
        double[][] planes = new double[colours][];
        for (int c = 0; c < colours; c++) {
            int[] values = raster.getSamples(0, 0, w, h, c, (int[]) null);
            double max = (1L << model.getComponentSize(c)) - 1;
            double[] plane = new double[values.length];
            for (int i = 0; i < plane.length; i++) {
                double v = values[i] / max;
                if (alpha == null) {
                    plane[i] = v;
                } else {
                    double a = alpha[i] / alphaMax;
                    plane[i] = (model.isAlphaPremultiplied() ? v : a * v) + (1 - a);
                }
            }
            planes[c] = plane;
        }
        return planes;
    }

    /** Red, green and blue planes from the image's sRGB values at 8 bits a channel, composited over white. */
    private static double[][] rgbPlanes(BufferedImage image) {
        int w = image.getWidth();
        int[] argb = image.getRGB(0, 0, w, image.getHeight(), null, 0, w);
        double[][] planes = new double[3][argb.length];
        for (int i = 0; i < argb.length; i++) {
            double a = (argb[i] >>> 24) / 255.0;
            for (int c = 0; c < 3; c++) {
                double v = ((argb[i] >> (16 - 8 * c)) & 0xFF) / 255.0;
                planes[c][i] = a * v + (1 - a);
            }
        }
        return planes;
    }

    /** ITU-R BT.601 luma: {@code Y = 0.299 R + 0.587 G + 0.114 B}. */
    private static double[] luma(double[][] rgb) {
        double[] y = new double[rgb[0].length];
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.299 * rgb[0][i] + 0.587 * rgb[1][i] + 0.114 * rgb[2][i];
        }
        return y;
    }

    /**
     * Box-filter weights from {@code from} source pixels to {@code to} output pixels: output pixel {@code i}
     * covers {@code [lo, hi) = [i from/to, (i+1) from/to)}; source pixel {@code s} weighs
     * {@code (min(hi, s+1) - max(lo, s)) / (hi - lo)}.
     */
    private static AxisWeights boxWeights(int from, int to) {
        int[] first = new int[to];
        double[][] weights = new double[to][];
        for (int i = 0; i < to; i++) {
            double lo = (double) i * from / to;
            double hi = (double) (i + 1) * from / to;
            int start = (int) Math.floor(lo);
            int end = Math.min(from, (int) Math.ceil(hi));
            first[i] = start;
            weights[i] = new double[end - start];
            for (int s = start; s < end; s++) {
                weights[i][s - start] = (Math.min(hi, s + 1) - Math.max(lo, s)) / (hi - lo);
            }
        }
        return new AxisWeights(first, weights);
    }

    /** Resamples a plane of {@code sourceWidth} columns: rows first, then columns. */
    private static double[] resample(double[] plane, int sourceWidth, AxisWeights across, AxisWeights down) {
        int width = across.first().length;
        int height = down.first().length;
        int sourceHeight = plane.length / sourceWidth;
        double[] rows = new double[sourceHeight * width];
        for (int y = 0; y < sourceHeight; y++) {
            for (int x = 0; x < width; x++) {
                double[] w = across.weights()[x];
                int start = y * sourceWidth + across.first()[x];
                double sum = 0;
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * plane[start + k];
                }
                rows[y * width + x] = sum;
            }
        }
        double[] out = new double[height * width];
        for (int y = 0; y < height; y++) {
            double[] w = down.weights()[y];
            int start = down.first()[y];
            for (int x = 0; x < width; x++) {
                double sum = 0;
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * rows[(start + k) * width + x];
                }
                out[y * width + x] = sum;
            }
        }
        return out;
    }
}
