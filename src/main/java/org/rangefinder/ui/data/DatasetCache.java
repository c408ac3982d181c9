package org.rangefinder.ui.data;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;

/**
 * Loads datasets through {@link Datasets#load} and keeps the last few, so that runs one after another on the same
 * data read it once. Thread-safe; a load that fails is not kept. Datasets can be large (MNIST is about 200 MB of
 * floats), hence only {@value #KEPT} are kept.
 */
public final class DatasetCache implements DatasetSource {
    private static final int KEPT = 2;

    private record Key(String nameOrPath, DataOptions options) {
    }

    private final Map<Key, Dataset> kept = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Dataset> eldest) {
            return size() > KEPT;
        }
    };

    @Override
    public synchronized Dataset load(String nameOrPath, DataOptions options) {
        Key key = new Key(nameOrPath, options);
        Dataset data = kept.get(key);
        if (data == null) {
            data = Datasets.load(nameOrPath, options);
            kept.put(key, data);
        }
        return data;
    }
}
