package org.rangefinder.ui.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.TestData;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.hyperparams.DatasetSection;

class LoadedDatasetTest {
    @TempDir
    Path tmp;

    /**
     * Described as it loads, a CSV keeps the SHA-256 of the bytes loaded and the counts of its split once the file
     * has changed (every third row dropped), and says it has changed; described anew it would give the new file's.
     */
    @Test
    void aCsvIsDescribedAsItWasLoadedAfterItChangesOnDisk() throws Exception {
        byte[] original = TestData.irisCsv(i -> true);
        Path csv = Files.write(tmp.resolve("flowers.csv"), original);
        DataOptions options = DataOptions.defaults();
        Dataset data = Datasets.load(csv.toString(), options);
        LoadedDataset loaded = LoadedDataset.describe(csv.toString(), options, data);
        assertThat(loaded.data()).isSameAs(data);
        assertThat(loaded.changedOnDisk()).isFalse();

        byte[] fewer = TestData.irisCsv(i -> i % 3 != 0);
        Files.write(csv, fewer);

        DatasetSection d = loaded.description();
        assertThat(d.name()).isEqualTo("flowers.csv");
        assertThat(d.path()).isEqualTo(csv.toString());
        assertThat(d.sha256()).isEqualTo(TestData.sha256(original));
        assertThat(d.trainSamples()).isEqualTo(120);
        assertThat(d.validationSamples()).isEqualTo(30);
        assertThat(d.sampleShape()).containsExactly(4);
        assertThat(d.classes()).isEqualTo(3);
        assertThat(d.validationFraction()).isEqualTo(options.validationFraction());
        assertThat(loaded.changedOnDisk()).isTrue();

        DatasetSection now = LoadedDataset.describe(csv.toString(), options, Datasets.load(csv.toString(), options))
                .description();
        assertThat(now.sha256()).isEqualTo(TestData.sha256(fewer));
        assertThat(now.trainSamples() + now.validationSamples()).isEqualTo(100);
    }

    /**
     * Only a later load of the same file with the same options that found other data takes the place of the data
     * held: not the same bytes read again, not an earlier load, not other options, and nothing takes the place of
     * nothing.
     */
    @Test
    void aLaterLoadThatFoundTheFileChangedSupersedesTheEarlierOneAndNothingElseDoes() throws Exception {
        Path csv = Files.write(tmp.resolve("flowers.csv"), TestData.irisCsv(i -> true));
        String path = csv.toString();
        DataOptions options = DataOptions.defaults();
        DataOptions seven = options.withSplitSeed(7);
        LoadedDataset first = LoadedDataset.describe(path, options, Datasets.load(path, options));
        LoadedDataset again = LoadedDataset.describe(path, options, Datasets.load(path, options));
        assertThat(again.supersedes(first)).as("the same data read again").isFalse();

        Files.write(csv, TestData.irisCsv(i -> i % 3 != 0));
        LoadedDataset changed = LoadedDataset.describe(path, options, Datasets.load(path, options));
        LoadedDataset otherOptions = LoadedDataset.describe(path, seven, Datasets.load(path, seven));
        assertThat(changed.supersedes(first)).isTrue();
        assertThat(first.supersedes(changed)).as("an earlier load").isFalse();
        assertThat(otherOptions.supersedes(first)).as("other options").isFalse();
        assertThat(changed.supersedes(null)).isFalse();
        assertThat(changed.descriptionOrNull()).isEqualTo(changed.description());
    }

    /** A bundled dataset is named, not hashed, and never changes on disk. */
    @Test
    void aBundledDatasetIsDescribedByName() {
        DataOptions options = DataOptions.defaults().withSplitSeed(7);
        LoadedDataset loaded = LoadedDataset.describe("wine", options, Datasets.load("wine", options));
        DatasetSection d = loaded.description();
        assertThat(d.name()).isEqualTo("wine");
        assertThat(d.path()).isNull();
        assertThat(d.sha256()).isNull();
        assertThat(d.splitSeed()).isEqualTo(7);
        assertThat(d.trainSamples() + d.validationSamples()).isEqualTo(178);
        assertThat(loaded.changedOnDisk()).isFalse();
    }

    /**
     * Data whose file is gone by the time it is hashed is still the data loaded, for the runs; only its description
     * says why there is none, as the export would have said.
     */
    @Test
    void dataThatCannotBeHashedIsLoadedAndItsDescriptionSaysWhy() throws Exception {
        Path csv = Files.write(tmp.resolve("flowers.csv"), TestData.irisCsv(i -> true));
        Dataset data = Datasets.load(csv.toString(), DataOptions.defaults());
        Files.delete(csv);
        LoadedDataset loaded = LoadedDataset.describe(csv.toString(), DataOptions.defaults(), data);
        assertThat(loaded.data()).isSameAs(data);
        assertThatThrownBy(loaded::description).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("cannot read dataset " + csv + " to compute its SHA-256");
    }
}
