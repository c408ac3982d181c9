package org.rangefinder.ui.data;

import java.util.function.BooleanSupplier;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;

/** Where runs get their data: a bundled dataset name or a path, loaded with options. Called on worker threads. */
@FunctionalInterface
public interface DatasetSource {

    /**
     * The dataset, or {@link java.util.concurrent.CancellationException} once {@code cancelled} turns true first
     * (the run that wanted it was cancelled, or another dataset was chosen).
     */
    Dataset load(String nameOrPath, DataOptions options, BooleanSupplier cancelled);
}
