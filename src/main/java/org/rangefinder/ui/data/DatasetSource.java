package org.rangefinder.ui.data;

import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;

/** Where runs get their data: a bundled dataset name or a path, loaded with options. Called on worker threads. */
@FunctionalInterface
public interface DatasetSource {
    Dataset load(String nameOrPath, DataOptions options);
}
