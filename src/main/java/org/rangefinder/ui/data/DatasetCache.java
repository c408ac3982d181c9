package org.rangefinder.ui.data;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;

/**
 * Loads datasets through {@link Datasets#load} and keeps the last few, so that runs one after another on the same
 * data read it once. Thread-safe: a dataset asked for while it loads is waited for and read once, and different
 * datasets load side by side (a run's data never waits behind the import of another folder). A load that fails is
 * not kept. Datasets can be large (MNIST is about 200 MB of floats), hence only {@value #KEPT} are kept.
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

    private final Map<Key, CompletableFuture<Dataset>> loading = new HashMap<>();
    private final DatasetSource source;

    /** A cache over {@link Datasets#load}. */
    public DatasetCache() {
        this(Datasets::load);
    }

    /** A cache over another source (tests). */
    DatasetCache(DatasetSource source) {
        this.source = source;
    }

    @Override
    public Dataset load(String nameOrPath, DataOptions options) {
        Key key = new Key(nameOrPath, options);
        CompletableFuture<Dataset> pending;
        boolean mine = false;
        synchronized (this) {
            Dataset data = kept.get(key);
            if (data != null) {
                return data;
            }
            pending = loading.get(key);
            if (pending == null) {
                pending = new CompletableFuture<>();
                loading.put(key, pending);
                mine = true;
            }
        }
        if (mine) {
            return loadInto(key, pending);
        }
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Loads the dataset outside the lock, for this thread and any that ask for it meanwhile. */
    private Dataset loadInto(Key key, CompletableFuture<Dataset> pending) {
        try {
            Dataset data = source.load(key.nameOrPath(), key.options());
            synchronized (this) {
                kept.put(key, data);
                loading.remove(key);
            }
            pending.complete(data);
            return data;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                loading.remove(key);
            }
            pending.completeExceptionally(e);
            throw e;
        }
    }
}
