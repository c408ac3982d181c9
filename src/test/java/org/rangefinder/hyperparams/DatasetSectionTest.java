package org.rangefinder.hyperparams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.TestData;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;

class DatasetSectionTest {
    @TempDir
    Path dir;

    @Test
    void userCsvIsRecordedByPathAndDigestAndAChangeIsReported() throws IOException {
        StringBuilder csv = new StringBuilder("x,y,label\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 7).append(',').append(i % 5).append(',').append("abc".charAt(i % 3)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("points.csv"), csv);
        DataOptions options = DataOptions.defaults().withValidationFraction(0.25).withSplitSeed(7);
        Dataset data = Datasets.load(file.toString(), options);
        DatasetSection section = DatasetSection.of(file.toString(), options, data);
        assertThat(section.name()).isEqualTo("points.csv");
        assertThat(section.path()).isEqualTo(file.toString());
        assertThat(section.sha256()).isEqualTo(TestData.sha256(Files.readAllBytes(file)));
        assertThat(section.sampleShape()).isEqualTo(List.of(2));
        assertThat(section.classes()).isEqualTo(3);
        assertThat(section.trainSamples() + section.validationSamples()).isEqualTo(60);
        assertThat(section.dataOptions()).isEqualTo(options);
        assertThat(section.differences(DatasetSection.of(file.toString(), options,
                Datasets.load(file.toString(), options)))).isEmpty();

        Files.writeString(file, csv.toString().replace("6,0,c", "6,1,c"));
        DatasetSection now = DatasetSection.of(file.toString(), options, Datasets.load(file.toString(), options));
        assertThat(section.differences(now)).singleElement().asString()
                .startsWith("dataset " + file + " changed since the file was written (SHA-256 ");
    }

    /**
     * The same data is the same dataset with the same bytes and split sizes: another split seed keeps it, another
     * validation fraction, another dataset or changed bytes do not.
     */
    @Test
    void sameDataIsTheSameDatasetWithTheSameBytesAndSplitSizes() throws IOException {
        DataOptions options = DataOptions.defaults();
        DatasetSection iris = DatasetSection.of("iris", options, Datasets.load("iris", options));
        DataOptions seven = options.withSplitSeed(7);
        DataOptions half = options.withValidationFraction(0.5);
        assertThat(iris.sameData(DatasetSection.of("iris", seven, Datasets.load("iris", seven)))).isTrue();
        assertThat(iris.sameData(DatasetSection.of("iris", half, Datasets.load("iris", half)))).isFalse();
        assertThat(iris.sameData(DatasetSection.of("wine", options, Datasets.load("wine", options)))).isFalse();
        assertThat(iris.sameData(null)).isFalse();

        Path file = Files.copy(Datasets.bundledRoot().resolve("iris").resolve("iris.csv"), dir.resolve("iris.csv"));
        DatasetSection copy = DatasetSection.of(file.toString(), options, Datasets.load(file.toString(), options));
        assertThat(copy.sameData(iris)).as("another dataset with the same rows").isFalse();
        Files.writeString(file, Files.readString(file).replaceFirst("\\n", "\n\n"));
        assertThat(copy.sameData(DatasetSection.of(file.toString(), options, Datasets.load(file.toString(), options))))
                .as("the same rows, other bytes").isFalse();
    }

    /**
     * A relative path, as the command line writes it, and the absolute path the window imports it by name the same
     * data: the relative one is taken from the current folder, as train --hyperparams takes it; so does a path spelled
     * through "..". The paths were compared as text. Another file of the same bytes is other data.
     */
    @Test
    void aRelativePathAndItsAbsolutePathAreTheSameData() throws IOException {
        DataOptions options = DataOptions.defaults();
        Path file = Files.copy(Datasets.bundledRoot().resolve("iris").resolve("iris.csv"), dir.resolve("iris.csv"));
        String absolute = file.toAbsolutePath().toString();
        String relative = Path.of("").toAbsolutePath().relativize(file.toAbsolutePath()).toString();
        String around = Files.createDirectory(dir.resolve("sub")).resolve("..").resolve("iris.csv").toString();
        DatasetSection written = DatasetSection.of(relative, options, Datasets.load(relative, options));
        DatasetSection imported = DatasetSection.of(absolute, options, Datasets.load(absolute, options));
        DatasetSection spelled = DatasetSection.of(around, options, Datasets.load(around, options));
        assertThat(written.path()).isEqualTo(relative).doesNotStartWith("/");
        assertThat(written.sameData(imported)).isTrue();
        assertThat(imported.sameData(written)).isTrue();
        assertThat(spelled.sameData(written)).isTrue();

        Path copy = Files.copy(file, dir.resolve("copy.csv"));
        assertThat(imported.sameData(DatasetSection.of(copy.toString(), options, Datasets.load(copy.toString(),
                options)))).as("another file of the same bytes").isFalse();
    }

    @Test
    void bundledDatasetIsRecordedByNameOnly() {
        Dataset iris = Datasets.load("iris", DataOptions.defaults());
        DatasetSection section = DatasetSection.of("iris", DataOptions.defaults(), iris);
        assertThat(section.path()).isNull();
        assertThat(section.sha256()).isNull();
        assertThat(section.source()).isEqualTo("iris");
        assertThat(section.trainSamples()).isEqualTo(120);
        DataOptions half = DataOptions.defaults().withValidationFraction(0.5);
        assertThat(section.differences(DatasetSection.of("iris", half, Datasets.load("iris", half))))
                .singleElement().asString().contains("now splits into 75 training samples and 75 validation samples");
    }

    /**
     * The image size and colours are recorded for data they shaped, an image folder, as the load saw it: a folder
     * deleted after its load keeps them, and a table, bundled images or IDX files have none.
     */
    @Test
    void imageOptionsAreRecordedForAnImageFolderAsItWasLoaded() throws IOException {
        Path folder = TestData.imageFolder(dir.resolve("shades"), 8);
        DataOptions options = DataOptions.defaults().withImageSize(6, 5).withGrayscale(false);
        Dataset data = Datasets.load(folder.toString(), options);
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        DatasetSection section = DatasetSection.of(folder.toString(), options, data);
        assertThat(section.imageWidth()).isEqualTo(6);
        assertThat(section.imageHeight()).isEqualTo(5);
        assertThat(section.grayscale()).isFalse();
        assertThat(section.sampleShape()).isEqualTo(List.of(3, 5, 6));
        assertThat(section.dataOptions()).isEqualTo(options);

        DatasetSection digits = DatasetSection.of("digits", options, Datasets.load("digits", options));
        assertThat(digits.imageWidth()).isNull();
        assertThat(digits.imageHeight()).isNull();
        assertThat(digits.grayscale()).isNull();
        assertThat(digits.sampleShape()).isEqualTo(List.of(1, 8, 8));
    }

    /** A class of two samples holds one out for validation, a class of one none: one validation sample in all. */
    @Test
    void aSplitOfOneSampleIsWordedInTheSingular() throws IOException {
        DataOptions options = DataOptions.defaults();
        Path file = Files.writeString(dir.resolve("few.csv"), "a,label\n1,x\n2,x\n3,y\n");
        DatasetSection recorded = DatasetSection.of(file.toString(), options, Datasets.load(file.toString(), options));
        Files.writeString(file, "a,label\n1,x\n2,x\n4,x\n3,y\n");
        DatasetSection now = DatasetSection.of(file.toString(), options, Datasets.load(file.toString(), options));
        assertThat(recorded.differences(now)).contains("dataset " + file + " now splits into 3 training samples and 1 "
                + "validation sample; the file recorded 2 and 1");
    }
}
