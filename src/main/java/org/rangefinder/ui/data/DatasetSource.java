package org.rangefinder.ui.data;

import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Loading;

/** Where runs get their data: a bundled dataset name or a path, loaded with options. Called on worker threads. */
@FunctionalInterface
public interface DatasetSource {

    /**
     * The dataset, or {@link java.util.concurrent.CancellationException} once {@code loading} says to stop first
     * (the run that wanted it was cancelled, or another dataset was chosen); {@code loading} is told how far it is.
     */
    Dataset load(String nameOrPath, DataOptions options, Loading loading);

    /**
     * As {@link #load}, with the description of the data made once as it was loaded (see {@link LoadedDataset}):
     * here right after the load, on the caller's thread; {@link DatasetCache} keeps it with the data it keeps.
     */
    default LoadedDataset loadDescribed(String nameOrPath, DataOptions options, Loading loading) {
        return LoadedDataset.load(this, nameOrPath, options, loading);
    }
}
