package org.rangefinder.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.ProgressLog;
import org.rangefinder.SystemProperty;
import org.rangefinder.SettingProblem;
import org.rangefinder.UserInputException;

class DatasetsTest {

    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @TempDir
    Path dir;

    /** Mean 0 and population standard deviation 1 in every feature column of a standardised split. */
    private static void assertStandardised(Split split) {
        int width = split.featureLength();
        float[] x = split.features();
        for (int j = 0; j < width; j++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < split.size(); i++) {
                sum += x[i * width + j];
                squares += (double) x[i * width + j] * x[i * width + j];
            }
            double mean = sum / split.size();
            assertThat(mean).as("mean of column %d", j).isCloseTo(0, within(1e-6));
            assertThat(Math.sqrt(squares / split.size() - mean * mean)).as("std of column %d", j)
                    .isCloseTo(1, within(1e-5));
        }
    }

    private static String failure(String nameOrPath) {
        return assertThatThrownBy(() -> Datasets.load(nameOrPath, DataOptions.defaults()))
                .isInstanceOf(UserInputException.class)
                .actual().getMessage();
    }

    @Test
    void irisIsTabularWithTenOfEachFiftyHeldOutAndStandardisedTrainingFeatures() {
        Dataset iris = Datasets.load("iris", DataOptions.defaults());

        assertThat(iris.name()).isEqualTo("iris");
        assertThat(iris.kind()).isEqualTo(DatasetKind.TABULAR);
        assertThat(iris.format()).isEqualTo(DataFormat.TABLE);
        assertThat(iris.sampleShape()).containsExactly(4);
        assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(iris.train().classCounts(3)).containsExactly(40, 40, 40);
        assertThat(iris.validation().classCounts(3)).containsExactly(10, 10, 10);
        assertStandardised(iris.train());
        assertThat(iris.scaling()).isInstanceOfSatisfying(FeatureScaling.Standardised.class,
                s -> assertThat(s.mean()).hasSize(4));
    }

    @Test
    void wineHoldsOutTheRoundedFifthOfEachClass() {
        Dataset wine = Datasets.load("wine", DataOptions.defaults());

        assertThat(wine.sampleShape()).containsExactly(13);
        assertThat(wine.classNames()).containsExactly("class_0", "class_1", "class_2");
        // classes of 59, 71 and 48 samples: round(11.8) = 12, round(14.2) = 14, round(9.6) = 10
        assertThat(wine.validation().classCounts(3)).containsExactly(12, 14, 10);
        assertThat(wine.train().size()).isEqualTo(142);
        assertThat(wine.validation().size()).isEqualTo(36);
        assertStandardised(wine.train());
    }

    @Test
    void digitsAreEightByEightImagesWithPixelsDividedBySixteen() {
        Dataset digits = Datasets.load("digits", DataOptions.defaults());

        assertThat(digits.kind()).isEqualTo(DatasetKind.IMAGE);
        assertThat(digits.format()).isEqualTo(DataFormat.TABLE);
        assertThat(digits.sampleShape()).containsExactly(1, 8, 8);
        assertThat(digits.classNames()).isEqualTo(DIGITS);
        // classes of 178, 182, 177, 183, 181, 182, 181, 179, 174, 180 samples
        assertThat(digits.validation().classCounts(10)).containsExactly(36, 36, 35, 37, 36, 36, 36, 36, 35, 36);
        assertThat(digits.train().size()).isEqualTo(1438);
        assertThat(digits.validation().size()).isEqualTo(359);
        float max = 0;
        for (float v : digits.train().features()) {
            assertThat(v * 16).isBetween(0f, 16f).isEqualTo(Math.round(v * 16));
            max = Math.max(max, v);
        }
        assertThat(max).isEqualTo(1f);
        assertThat(digits.scaling()).isEqualTo(new FeatureScaling.Divided(16));
    }

    @Test
    void mnistIsTheTrainFilesWithTheTestFilesAsValidation() {
        Dataset mnist = Datasets.load("mnist", DataOptions.defaults());

        assertThat(mnist.kind()).isEqualTo(DatasetKind.IMAGE);
        assertThat(mnist.format()).isEqualTo(DataFormat.IDX);
        assertThat(mnist.sampleShape()).containsExactly(1, 28, 28);
        assertThat(mnist.classNames()).isEqualTo(DIGITS);
        assertThat(mnist.train().size()).isEqualTo(60000);
        assertThat(mnist.validation().size()).isEqualTo(10000);
        assertThat(mnist.train().classCounts(10))
                .containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
        assertThat(mnist.train().labels()).startsWith(5, 0, 4, 1, 9, 2, 1, 3);
        assertThat(mnist.validation().labels()).startsWith(7, 2, 1, 0, 4, 1, 4, 9);
        // the first training image: pixel 156 is byte 126; its bytes sum to 27525
        float[] pixels = mnist.train().features();
        assertThat(pixels[156]).isEqualTo(126 / 255f);
        assertThat(mnist.scaling()).isEqualTo(new FeatureScaling.Divided(255));
        double sum = 0;
        for (int p = 0; p < 784; p++) {
            sum += pixels[p];
        }
        assertThat(sum * 255).isCloseTo(27525, within(1e-3));
    }

    @Test
    void fashionMnistHasTheOfficialClassNamesAndItsBundledTwentyThousandTrainingImages() {
        Dataset fashion = Datasets.load("fashion-mnist", DataOptions.defaults());

        assertThat(fashion.sampleShape()).containsExactly(1, 28, 28);
        assertThat(fashion.classNames()).containsExactly("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
        // Debian's package ships 2,000 training images per class and the full test set
        assertThat(fashion.train().classCounts(10)).containsOnly(2000);
        assertThat(fashion.validation().classCounts(10)).containsOnly(1000);
        assertThat(fashion.train().labels()).startsWith(9, 0, 0, 3, 0, 2, 7, 2);
        assertThat(fashion.validation().features()[215]).isEqualTo(3 / 255f);
    }

    @Test
    void describeGivesTheSizesOfTheDefaultSplitAndReadsOnlyHeadersForMnist() {
        assertThat(Datasets.BUNDLED).containsExactly("iris", "wine", "digits", "mnist", "fashion-mnist");

        DatasetInfo digits = Datasets.describe("digits");
        assertThat(digits.kind()).isEqualTo(DatasetKind.IMAGE);
        assertThat(digits.trainSize()).isEqualTo(1438);
        assertThat(digits.validationSize()).isEqualTo(359);
        assertThat(digits.sampleShape()).containsExactly(1, 8, 8);
        assertThat(digits.classNames()).isEqualTo(DIGITS);

        DatasetInfo mnist = Datasets.describe("mnist");
        assertThat(mnist.trainSize()).isEqualTo(60000);
        assertThat(mnist.validationSize()).isEqualTo(10000);
        assertThat(mnist.shapeText()).isEqualTo("1x28x28");
        assertThat(Datasets.describe("fashion-mnist").trainSize()).isEqualTo(20000);
    }

    @Test
    void theSplitDependsOnlyOnTheSeed() {
        Dataset a = Datasets.load("iris", DataOptions.defaults());
        Dataset b = Datasets.load("iris", DataOptions.defaults());
        Dataset c = Datasets.load("iris", DataOptions.defaults().withSplitSeed(7));

        assertThat(b.train()).isEqualTo(a.train());
        assertThat(b.validation()).isEqualTo(a.validation());
        assertThat(c.validation()).isNotEqualTo(a.validation());
        assertThat(c.validation().classCounts(3)).containsExactly(10, 10, 10);
    }

    @Test
    void validationFractionOptionSetsTheShareHeldOut() {
        Dataset iris = Datasets.load("iris", DataOptions.defaults().withValidationFraction(0.5));

        assertThat(iris.validation().classCounts(3)).containsExactly(25, 25, 25);
    }

    @Test
    void userCsvIsSplitAndStandardisedLikeBundledTables() throws IOException {
        Path file = dir.resolve("mine.csv");
        StringBuilder csv = new StringBuilder("a;b;kind\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i).append(';').append(i * i % 7).append(';').append(i % 2 == 0 ? "even" : "odd").append('\n');
        }
        Files.writeString(file, csv);

        Dataset dataset = Datasets.load(file.toString(), DataOptions.defaults());

        assertThat(dataset.name()).isEqualTo("mine.csv");
        assertThat(dataset.kind()).isEqualTo(DatasetKind.TABULAR);
        assertThat(dataset.format()).isEqualTo(DataFormat.TABLE);
        assertThat(dataset.classNames()).containsExactly("even", "odd");
        assertThat(dataset.train().size()).isEqualTo(16);
        assertThat(dataset.validation().classCounts(2)).containsExactly(2, 2);
        assertStandardised(dataset.train());
    }

    @Test
    void unknownNameThatIsNoPathListsTheBundledDatasets() {
        assertThat(failure("cifar")).isEqualTo("'cifar' is neither a bundled dataset (iris, wine, digits, mnist, "
                + "fashion-mnist) nor an existing file or folder");
        assertThatThrownBy(() -> Datasets.describe("cifar")).isInstanceOf(UserInputException.class)
                .hasMessage("unknown bundled dataset 'cifar'; the bundled datasets are iris, wine, digits, mnist, "
                        + "fashion-mnist");
    }

    @Test
    void blankNameIsRefused() {
        assertThat(failure(" ")).isEqualTo("no dataset given: name a bundled dataset (iris, wine, digits, mnist, "
                + "fashion-mnist), a file or a folder");
    }

    @Test
    void dataWithNoClassOfTwoSamplesIsRefusedForLackOfValidation() throws IOException {
        Path file = Files.writeString(dir.resolve("tiny.csv"), "1,a\n2,b\n3,c\n");

        assertThat(failure(file.toString()))
                .isEqualTo(file + ": no class has two samples, so none can be held out for validation");
    }

    @Test
    void unsupportedFileTypeIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("data.json"), "{}");

        assertThat(failure(file.toString())).startsWith(file + ": unsupported file; expected a .csv, .tsv or .txt");
    }

    /**
     * A table load asks every 1024 lines whether it is still wanted: digits' 1797 lines are asked at line 1024 as
     * they are read, then at rows 0 and 1024 as they are split into cells.
     */
    /** A table load tells how many lines it has read, every 1024 (digits has 1797). */
    @Test
    void aTableLoadSaysHowFarItIs() {
        ProgressLog log = new ProgressLog();
        Datasets.load("digits", DataOptions.defaults(), log);
        assertThat(log.reports()).containsExactly("1024/0 lines");
    }

    /** A table load asks every 1024 lines whether it is still wanted, and stops there when it is not. */
    @Test
    void aLoadNoLongerWantedStopsBetweenLines() {
        AtomicInteger asked = new AtomicInteger();
        assertThat(Datasets.load("digits", DataOptions.defaults(), () -> asked.incrementAndGet() < 0).train().size())
                .isEqualTo(1438);
        assertThat(asked).as("at line 1024 of 1797").hasValue(1);
        asked.set(0);
        assertThatThrownBy(() -> Datasets.load("digits", DataOptions.defaults(), () -> asked.incrementAndGet() == 1))
                .isInstanceOf(CancellationException.class).hasMessageEndingWith("digits.csv.gz cancelled");
        assertThat(asked).hasValue(1);
    }

    @Test
    void badOptionsAreRefusedWithTheirValue() {
        assertThatThrownBy(() -> DataOptions.defaults().withValidationFraction(1))
                .isInstanceOf(UserInputException.class)
                .hasMessage("--val-fraction must be between 0 and 1 (exclusive), got 1.0");
        assertThatThrownBy(() -> DataOptions.defaults().withValidationFraction(Double.NaN))
                .isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> DataOptions.defaults().withImageSize(0, 28))
                .isInstanceOf(SettingProblem.class)
                .hasMessage("--image-size must be from 1x1 to 4096x4096 pixels, got 0x28");
        assertThatThrownBy(() -> DataOptions.defaults().withImageSize(28, 4097))
                .isInstanceOf(SettingProblem.class)
                .hasMessage("--image-size must be from 1x1 to 4096x4096 pixels, got 28x4097");
        assertThat(DataOptions.defaults().withImageSize(4096, 1).imageWidth()).isEqualTo(4096);
        assertThat(DataOptions.defaults()).isEqualTo(new DataOptions(null, 0.2, 42, 28, 28, true));
    }

    @Test
    void bundledRootFollowsThePropertyAndOtherwiseTheFolderBesideTheBuild() {
        try (SystemProperty p = SystemProperty.set(Datasets.ROOT_PROPERTY, dir.resolve("missing").toString())) {
            assertThatThrownBy(Datasets::bundledRoot).isInstanceOf(UserInputException.class)
                    .hasMessage("bundled datasets folder " + dir.resolve("missing").toAbsolutePath()
                            + " (system property rangefinder.datasets) is not a folder");

            System.clearProperty(Datasets.ROOT_PROPERTY);
            // the classes are in target/classes, so <that folder's parent>/../datasets is the checkout's
            assertThat(Datasets.bundledRoot()).isEqualTo(Path.of("datasets").toAbsolutePath());
        }
    }
}
