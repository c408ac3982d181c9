package org.rangefinder.data;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.rangefinder.FileIdentity;
import org.rangefinder.UserInputException;

/**
 * Where datasets come from: the five bundled ones by name, or the user's own data by path.
 *
 * <p>Bundled (under {@link #bundledRoot()}):
 * <ul>
 *   <li>{@code iris}, {@code wine}: tabular, from scikit-learn's CSVs; stratified seeded validation split, features
 *       standardised with the training part's statistics ({@link Standardiser}).</li>
 *   <li>{@code digits}: 8 x 8 images, shape {1, 8, 8}, pixels 0..16 divided by 16; stratified seeded split.</li>
 *   <li>{@code mnist}, {@code fashion-mnist}: 28 x 28 images, shape {1, 28, 28}, pixels divided by 255; training
 *       is the train files, validation the t10k files.</li>
 * </ul>
 * User data, by path: a {@code .csv}, {@code .tsv} or {@code .txt} table, optionally gzipped
 * ({@link CsvImporter}), treated as tabular; a folder of images with one subfolder per class
 * ({@link ImageFolderImporter}); an IDX images file with its labels beside it ({@link IdxReader}), whose
 * validation part is the {@code t10k-} pair beside a {@code train-} pair when there is one. Otherwise the
 * validation part is a stratified seeded split ({@link StratifiedSplitter}). IDX classes are named by their
 * indices {@code 0..max label}. A bundled name wins over a file or folder of the same name (write {@code ./iris}).
 */
public final class Datasets {

    public static final List<String> BUNDLED = List.of("iris", "wine", "digits", "mnist", "fashion-mnist");

    /** System property naming the bundled datasets folder. */
    public static final String ROOT_PROPERTY = "rangefinder.datasets";

    private static final List<String> DIGIT_NAMES = indexNames(10);

    /** The official class names of Fashion-MNIST, by label. */
    private static final List<String> FASHION_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** The largest pixel value of the bundled digits. */
    private static final int DIGITS_MAX = 16;

    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";

    private Datasets() {
    }

    /** A bundled dataset by name, or the user's data at a path (see the class comment). */
    public static Dataset load(String nameOrPath, DataOptions options) {
        return load(nameOrPath, options, Loading.UNWATCHED);
    }

    /**
     * {@link #load(String, DataOptions)} that stops when {@code loading} says so and tells it how far it is (a
     * folder of images can take minutes); see {@link Loading}.
     *
     * @throws java.util.concurrent.CancellationException when the load stopped because it was cancelled
     */
    public static Dataset load(String nameOrPath, DataOptions options, Loading loading) {
        Objects.requireNonNull(nameOrPath, "nameOrPath");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(loading, "loading");

        if (nameOrPath.isBlank()) {
            throw new UserInputException("no dataset given: name a bundled dataset (" + String.join(", ", BUNDLED)
                    + "), a file or a folder");
        }
        if (BUNDLED.contains(nameOrPath)) {
            return loadBundled(nameOrPath, options, loading);
        }
        Path path = userPath(nameOrPath);
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (Files.isDirectory(path)) {
            return holdOut(name, DataFormat.IMAGE_FOLDER, ImageFolderImporter.read(path, options.imageWidth(),
                    options.imageHeight(), options.grayscale(), loading), options);
        }
        if (isTable(path)) {
            return holdOut(name, DataFormat.TABLE, CsvImporter.read(path, options.labelColumn(), loading), options);
        }
        if (isIdx(path)) {
            return loadIdx(name, path, options, loading);
        }
        throw new UserInputException(path + ": unsupported file; expected a .csv, .tsv or .txt table (optionally "
                + ".gz), an IDX images file (...images-idx3-ubyte[.gz]) or a folder with one subfolder of images "
                + "per class");
    }

    /**
     * Whether two names or paths name the same data: the same bundled dataset, or the same file or folder however its
     * path is spelled ({@code ./a.csv}, {@code data/../a.csv}, a symbolic link to it); where either is not there, their
     * absolute, normalised paths are compared. A relative path is taken from the current folder, as a load takes it.
     */
    public static boolean sameData(String a, String b) {
        if (BUNDLED.contains(a) || BUNDLED.contains(b)) {
            return a.equals(b);
        }
        try {
            Path first = Path.of(a);
            Path second = Path.of(b);
            if (Files.exists(first) && Files.exists(second)) {
                return Files.isSameFile(first, second);
            }
        } catch (InvalidPathException | IOException e) {
            return a.equals(b);
        }
        return samePlace(a, b);
    }

    /**
     * Whether two names or paths name the same data as they are spelled, with no look at the disk: the same bundled
     * dataset, or paths equal once absolute and normalised ({@code ./a.csv}, {@code data/../a.csv}; a relative path
     * is taken from the current folder, as a load and {@code train --hyperparams} take it, and as the window imports
     * it). What is no path here is compared as text.
     */
    public static boolean samePlace(String a, String b) {
        if (BUNDLED.contains(a) || BUNDLED.contains(b)) {
            return a.equals(b);
        }
        try {
            return Path.of(a).toAbsolutePath().normalize().equals(Path.of(b).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return a.equals(b);
        }
    }

    /** Whether {@code nameOrPath} names a table file (.csv, .tsv or .txt, optionally gzipped): data with columns. */
    public static boolean isTable(String nameOrPath) {
        return !BUNDLED.contains(nameOrPath) && !nameOrPath.isBlank() && isTable(pathOf(nameOrPath));
    }

    /**
     * Whether {@code nameOrPath} names a folder of images (one subfolder per class), the data that the image size and
     * colour mode of {@link DataOptions} apply to. Reads the file system.
     */
    public static boolean isImageFolder(String nameOrPath) {
        return !BUNDLED.contains(nameOrPath) && !nameOrPath.isBlank() && Files.isDirectory(pathOf(nameOrPath));
    }

    /**
     * Whether {@code nameOrPath} validates on a test set of its own, not on a part held out of its samples: bundled
     * MNIST and Fashion-MNIST, and an IDX {@code train-} images file with its {@code t10k-} pair beside it. The
     * validation fraction and the split seed of {@link DataOptions} do not apply to it. Reads the file system.
     */
    public static boolean hasTestSet(String nameOrPath) {
        if (BUNDLED.contains(nameOrPath)) {
            return isIdx(nameOrPath);
        }
        try {
            Path path = pathOf(nameOrPath);
            return Files.isRegularFile(path) && !isTable(path) && isIdx(path)
                    && IdxReader.testImagesBeside(path).isPresent();
        } catch (UserInputException notAPath) {
            return false;
        }
    }

    /**
     * Whether {@code path}, in the image folder {@code folder}, is hidden from its load: a name on the way there starts
     * with a dot ({@code .runs} in {@code images/.runs/3}), and the load leaves that entry, and all below it, unread.
     */
    public static boolean hiddenInImageFolder(Path folder, Path path) {
        return ImageFolderImporter.isHidden(folder, path);
    }

    /**
     * Whether writing at {@code path} would change the image folder {@code folder}: {@code path} is the folder, or lies
     * in it where its load looks (not {@link #hiddenInImageFolder}). Both are compared as given: pass the paths their
     * links lead to ({@link FileIdentity#of}).
     */
    public static boolean changesImageFolder(Path folder, Path path) {
        return path.startsWith(folder) && !hiddenInImageFolder(folder, path);
    }

    /**
     * The image folder a load of {@code nameOrPath} reads ({@link #filesRead}) that files made in {@code folder} would
     * change ({@link #changesImageFolder}, on the paths links lead to), as that path; empty when there is none. Reads
     * the file system.
     */
    public static Optional<Path> imageFolderChangedBy(String nameOrPath, Path folder) {
        Path written = FileIdentity.of(folder);
        return filesRead(nameOrPath).stream().filter(Files::isDirectory).map(FileIdentity::of)
                .filter(images -> changesImageFolder(images, written)).findFirst();
    }

    /**
     * The files and folders a load of {@code nameOrPath} reads, those that are there: nothing may be written over
     * them, nor into such a folder but where its load does not look ({@link #hiddenInImageFolder}). A table, its
     * file; IDX files, the images file, its labels file and the {@code t10k-} pair beside it; an image folder, the
     * folder; a bundled dataset, its files. None for a name that is neither a bundled dataset nor a path that exists
     * (its load fails).
     */
    public static List<Path> filesRead(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            return List.of();
        }
        Path path;
        try {
            path = BUNDLED.contains(nameOrPath) ? bundledFile(nameOrPath) : pathOf(nameOrPath);
        } catch (UserInputException noData) {
            return List.of();
        }
        if (Files.isDirectory(path)) {
            return List.of(path);
        }
        if (!Files.isRegularFile(path)) {
            return List.of();
        }
        return !isTable(path) && isIdx(path) ? IdxReader.filesRead(path) : List.of(path);
    }

    private static boolean isTable(Path path) {
        String base = DataFiles.baseName(path);
        return base.endsWith(".csv") || base.endsWith(".tsv") || base.endsWith(".txt");
    }

    private static boolean isIdx(Path path) {
        String base = DataFiles.baseName(path);
        return base.contains("idx") || base.contains("ubyte");
    }

    /** Name, kind, sizes, shape and classes of a bundled dataset; MNIST's come from its file headers. */
    public static DatasetInfo describe(String bundledName) {
        Objects.requireNonNull(bundledName, "bundledName");
        requireBundled(bundledName);
        if (!isIdx(bundledName)) {
            return DatasetInfo.of(load(bundledName, DataOptions.defaults()));
        }
        Path folder = bundledRoot().resolve(bundledName);
        IdxReader.ImagesHeader train = IdxReader.readImagesHeader(folder.resolve(TRAIN_IMAGES));
        IdxReader.ImagesHeader test = IdxReader.readImagesHeader(folder.resolve(TEST_IMAGES));
        return new DatasetInfo(bundledName, DatasetKind.IMAGE, train.count(), test.count(),
                new int[] {1, train.rows(), train.columns()}, idxClassNames(bundledName));
    }

    /**
     * The folder of the bundled datasets: the system property {@value #ROOT_PROPERTY} when set; otherwise the
     * first folder that exists of {@code <jar folder>/../datasets} (a checkout, where the jar is
     * {@code target/rangefinder.jar}; run from {@code target/classes} this is the same folder),
     * {@code <jar folder>/datasets} and {@code ./datasets}.
     */
    public static Path bundledRoot() {
        String property = System.getProperty(ROOT_PROPERTY);
        if (property != null && !property.isBlank()) {
            Path root = pathOf(property);
            if (!Files.isDirectory(root)) {
                throw new UserInputException("bundled datasets folder " + root.toAbsolutePath()
                        + " (system property " + ROOT_PROPERTY + ") is not a folder");
            }
            return root;
        }
        List<Path> candidates = new ArrayList<>();
        codeFolder().ifPresent(folder -> {
            candidates.add(folder.resolve("../datasets").normalize());
            candidates.add(folder.resolve("datasets"));
        });
        candidates.add(Path.of("datasets").toAbsolutePath());
        return candidates.stream().filter(Files::isDirectory).findFirst().orElseThrow(() -> new UserInputException(
                "bundled datasets folder not found; looked in " + String.join(", ",
                        candidates.stream().map(Path::toString).toList()) + "; set the system property "
                        + ROOT_PROPERTY + " to where it is"));
    }

    private static Dataset loadBundled(String name, DataOptions options, Loading loading) {
        Path file = bundledFile(name);
        return switch (name) {
            case "iris", "wine" -> holdOut(name, DataFormat.TABLE, CsvImporter.read(file, null, loading), options);
            case "digits" -> holdOut(name, DataFormat.TABLE, digitImages(CsvImporter.read(file, null, loading)),
                    options);
            default -> {
                DataDigest digest = new DataDigest();
                IdxReader.LabelledImages train = IdxReader.readPair(file, loading, digest);
                IdxReader.LabelledImages test = IdxReader.readPair(file.resolveSibling(TEST_IMAGES), loading, digest);
                yield withTestSet(name, train, test, idxClassNames(name), digest.ofListing());
            }
        };
    }

    /** The file a bundled dataset is read from (of MNIST's four, the training images, with the others beside it). */
    private static Path bundledFile(String name) {
        return bundledRoot().resolve(name).resolve(switch (name) {
            case "iris" -> "iris.csv";
            case "wine" -> "wine_data.csv";
            case "digits" -> "digits.csv.gz";
            default -> TRAIN_IMAGES;
        });
    }

    private static boolean isIdx(String bundledName) {
        return bundledName.equals("mnist") || bundledName.equals("fashion-mnist");
    }

    private static List<String> idxClassNames(String bundledName) {
        return bundledName.equals("fashion-mnist") ? FASHION_NAMES : DIGIT_NAMES;
    }

    /** digits.csv.gz holds 8 x 8 images as 64 integers 0..16, row by row; pixels become {@code v / 16}. */
    private static LabelledSamples digitImages(LabelledSamples table) {
        float[] pixels = table.samples().features().clone();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] /= (float) DIGITS_MAX;
        }
        return new LabelledSamples(table.source(), DatasetKind.IMAGE, new int[] {1, 8, 8}, table.classNames(),
                new Split(pixels, table.samples().labels(), pixels.length / table.samples().size()), table.sha256());
    }

    private static Dataset loadIdx(String name, Path imagesFile, DataOptions options, Loading loading) {
        DataDigest digest = new DataDigest();
        IdxReader.LabelledImages train = IdxReader.readPair(imagesFile, loading, digest);
        Optional<Path> testFile = IdxReader.testImagesBeside(imagesFile);
        if (testFile.isEmpty()) {
            List<String> classNames = indexNames(train.samples().labels());
            return holdOut(name, DataFormat.IDX, new LabelledSamples(imagesFile.toString(), DatasetKind.IMAGE,
                    imageShape(train), classNames, train.samples(), digest.ofListing()), options);
        }
        IdxReader.LabelledImages test = IdxReader.readPair(testFile.get(), loading, digest);
        if (test.samples().size() == 0) {
            throw new UserInputException(testFile.get() + ": holds no images, so nothing can be validated on (the "
                    + "test set beside " + imagesFile.getFileName() + " is the validation part)");
        }
        if (test.rows() != train.rows() || test.columns() != train.columns()) {
            throw new UserInputException(testFile.get() + ": images are " + test.rows() + "x" + test.columns()
                    + " pixels, but those of " + imagesFile + " are " + train.rows() + "x" + train.columns());
        }
        int[] all = IntStream.concat(Arrays.stream(train.samples().labels()), Arrays.stream(test.samples().labels()))
                .toArray();
        return withTestSet(name, train, test, indexNames(all), digest.ofListing());
    }

    /** Class names {@code "0"} to the largest label. */
    private static List<String> indexNames(int[] labels) {
        return indexNames(Arrays.stream(labels).max().orElse(0) + 1);
    }

    private static List<String> indexNames(int count) {
        return IntStream.range(0, count).mapToObj(Integer::toString).toList();
    }

    private static int[] imageShape(IdxReader.LabelledImages images) {
        return new int[] {1, images.rows(), images.columns()};
    }

    /**
     * Training from one IDX pair, validation from another (a test set); the training part is checked.
     *
     * @param sha256 of the four files ({@link DataDigest})
     */
    private static Dataset withTestSet(String name, IdxReader.LabelledImages train, IdxReader.LabelledImages test,
                                       List<String> classNames, String sha256) {
        LabelledSamples training = new LabelledSamples(name, DatasetKind.IMAGE, imageShape(train), classNames,
                train.samples(), sha256);
        return new Dataset(name, DatasetKind.IMAGE, DataFormat.IDX, training.sampleShape(), classNames,
                training.samples(), test.samples(), sha256, pixelScaling(DataFormat.IDX));
    }

    /** Stratified seeded split; tabular features then standardised with the training part's statistics. */
    private static Dataset holdOut(String name, DataFormat format, LabelledSamples data, DataOptions options) {
        StratifiedSplitter.Parts parts = StratifiedSplitter.split(data.samples(), data.classNames().size(),
                options.validationFraction(), options.splitSeed());
        Split train = parts.train();
        Split validation = parts.validation();
        if (validation.size() == 0) {
            throw new UserInputException(data.source() + ": no class has two samples, so none can be held out for "
                    + "validation");
        }
        FeatureScaling scaling;
        if (data.kind() == DatasetKind.TABULAR) {
            Standardiser standardiser = Standardiser.fit(train);
            train = standardiser.apply(train);
            validation = standardiser.apply(validation);
            scaling = standardiser.scaling();
        } else {
            scaling = pixelScaling(format);
        }
        return new Dataset(name, data.kind(), format, data.sampleShape(), data.classNames(), train, validation,
                data.sha256(), scaling);
    }

    /**
     * How the pixels of images read from {@code format} were scaled: IDX bytes divided by 255 ({@link IdxReader}),
     * image files decoded ({@link ImageFolderImporter}); the one table of images, the bundled digits, holds 0..16,
     * divided by 16 ({@link #digitImages}).
     */
    private static FeatureScaling pixelScaling(DataFormat format) {
        return switch (format) {
            case IDX -> new FeatureScaling.Divided(255);
            case IMAGE_FOLDER -> new FeatureScaling.DecodedImages();
            case TABLE -> new FeatureScaling.Divided(DIGITS_MAX);
        };
    }

    private static Path userPath(String text) {
        Path path = pathOf(text);
        if (!Files.exists(path)) {
            throw new UserInputException("'" + text + "' is neither a bundled dataset (" + String.join(", ", BUNDLED)
                    + ") nor an existing file or folder");
        }
        return path;
    }

    private static Path pathOf(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UserInputException("'" + text + "' is not a valid path: " + e.getReason(), e);
        }
    }

    private static void requireBundled(String name) {
        if (!BUNDLED.contains(name)) {
            throw new UserInputException("unknown bundled dataset '" + name + "'; the bundled datasets are "
                    + String.join(", ", BUNDLED));
        }
    }

    /** The folder holding the jar, or, run from a classes folder, the folder holding that. */
    private static Optional<Path> codeFolder() {
        CodeSource source = Datasets.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Path.of(source.getLocation().toURI()).getParent());
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }
}
