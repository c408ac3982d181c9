package org.rangefinder.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.TestData;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.data.Loading;
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
        LoadedDataset loaded = load(csv.toString(), options);
        assertThat(loaded.data().train().size()).isEqualTo(120);
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

        DatasetSection now = load(csv.toString(), options)
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
        LoadedDataset first = load(path, options);
        LoadedDataset again = load(path, options);
        assertThat(again.supersedes(first)).as("the same data read again").isFalse();

        Files.write(csv, TestData.irisCsv(i -> i % 3 != 0));
        LoadedDataset changed = load(path, options);
        LoadedDataset otherOptions = load(path, seven);
        assertThat(changed.supersedes(first)).isTrue();
        assertThat(first.supersedes(changed)).as("an earlier load").isFalse();
        assertThat(otherOptions.supersedes(first)).as("other options").isFalse();
        assertThat(changed.supersedes(null)).isFalse();
    }

    /** A bundled dataset is named, not hashed, and never changes on disk. */
    @Test
    void aBundledDatasetIsDescribedByName() {
        DataOptions options = DataOptions.defaults().withSplitSeed(7);
        LoadedDataset loaded = load("wine", options);
        DatasetSection d = loaded.description();
        assertThat(d.name()).isEqualTo("wine");
        assertThat(d.path()).isNull();
        assertThat(d.sha256()).isNull();
        assertThat(d.splitSeed()).isEqualTo(7);
        assertThat(d.trainSamples() + d.validationSamples()).isEqualTo(178);
        assertThat(loaded.changedOnDisk()).isFalse();
    }

    /**
     * The SHA-256 is taken as the data is read, not from the file afterwards, and the file's attributes before: data
     * whose file is gone right after its load is described as it was read, and counts as changed on disk.
     */
    @Test
    void dataWhoseFileIsGoneAfterItsLoadIsDescribedAsItWasReadAndHasChanged() throws Exception {
        byte[] original = TestData.irisCsv(i -> true);
        Path csv = Files.write(tmp.resolve("flowers.csv"), original);
        LoadedDataset loaded = LoadedDataset.load((name, options, loading) -> {
            Dataset data = Datasets.load(name, options, loading);
            try {
                Files.delete(csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return data;
        }, csv.toString(), DataOptions.defaults(), Loading.UNWATCHED);
        assertThat(loaded.description().sha256()).isEqualTo(TestData.sha256(original));
        assertThat(loaded.description().trainSamples()).isEqualTo(120);
        assertThat(loaded.changedOnDisk()).isTrue();
    }

    private static LoadedDataset load(String nameOrPath, DataOptions options) {
        return LoadedDataset.load(Datasets::load, nameOrPath, options, Loading.UNWATCHED);
    }
}
