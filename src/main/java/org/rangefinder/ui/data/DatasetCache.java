package org.rangefinder.ui.data;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.data.Loading;
import org.rangefinder.ui.work.BackgroundPriority;

/**
 * Loads datasets through {@link Datasets#load} and keeps the last few, so that runs one after another on the same
 * data read it once. Thread-safe: each load runs on a thread of its own, below the window like the workers, and
 * everyone who asks for that dataset meanwhile waits for the one load; different datasets load side by side (a
 * run's data never waits behind the import of another folder). A load that fails is not kept. Each dataset is kept
 * with its description ({@link LoadedDataset}), made on the load's thread right after the load: hashing the user's
 * file or folder reads it again, which is no work for the FX thread, and the description is that of the bytes
 * loaded, whatever happens to the file later.
 *
 * <p>Whoever waits is told how far the load is, and can stop waiting: a cancelled run ends at once, not when its
 * data has been read. A load that nobody waits for any more (every run that wanted it cancelled, or another dataset
 * chosen in the window) is stopped; one asked for again later starts anew. Datasets can be large (MNIST is about
 * 200 MB of floats), hence only {@value #KEPT} are kept.
 */
public final class DatasetCache implements DatasetSource {
    private static final int KEPT = 2;
    /** How often a waiter asks whether it still wants the data. */
    private static final long POLL_MILLIS = 20;

    /**
     * A load's identity: the dataset, its options, and for a file or folder of the user's, when it was last changed
     * (and a file's size), so that one edited since it was kept is read again rather than served as it was.
     */
    private record Key(String nameOrPath, DataOptions options, String version) {
        static Key of(String nameOrPath, DataOptions options) {
            return new Key(nameOrPath, options, LoadedDataset.onDisk(nameOrPath));
        }
    }

    /** How far a load is, as its loader last said (see {@link Loading#progress}). */
    private record Progress(long done, long total, String unit) {
    }

    /** One load going; {@code waiting} is guarded by the cache. */
    private static final class Load implements Loading {
        final CompletableFuture<LoadedDataset> result = new CompletableFuture<>();
        int waiting;
        volatile boolean abandoned;
        volatile Progress progress;

        @Override
        public boolean cancelled() {
            return abandoned;
        }

        @Override
        public void progress(long done, long total, String unit) {
            progress = new Progress(done, total, unit);
        }
    }

    private final Map<Key, LoadedDataset> kept = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, LoadedDataset> eldest) {
            return size() > KEPT;
        }
    };

    private final Map<Key, Load> going = new HashMap<>();
    private final DatasetSource source;
    private final AtomicInteger threads = new AtomicInteger();

    /** A cache over {@link Datasets#load}. */
    public DatasetCache() {
        this(Datasets::load);
    }

    /** A cache over another source (tests). */
    DatasetCache(DatasetSource source) {
        this.source = source;
    }

    @Override
    public Dataset load(String nameOrPath, DataOptions options, Loading loading) {
        return loadDescribed(nameOrPath, options, loading).data();
    }

    /** The dataset as {@link #load} gives it, with the description made on the load's thread right after it. */
    @Override
    public LoadedDataset loadDescribed(String nameOrPath, DataOptions options, Loading loading) {
        Key key = Key.of(nameOrPath, options);
        Load load;
        synchronized (this) {
            LoadedDataset data = kept.get(key);
            if (data != null) {
                return data;
            }
            load = going.get(key);
            if (load == null) {
                load = new Load();
                going.put(key, load);
                start(key, load);
            }
            load.waiting++;
        }
        try {
            return await(load, loading, nameOrPath);
        } finally {
            synchronized (this) {
                if (--load.waiting == 0 && !load.result.isDone()) {
                    load.abandoned = true;
                    going.remove(key, load);
                }
            }
        }
    }

    private void start(Key key, Load load) {
        BackgroundPriority.daemonThread(() -> {
            try {
                LoadedDataset data = source.loadDescribed(key.nameOrPath(), key.options(), load);
                synchronized (this) {
                    kept.put(key, data);
                    going.remove(key, load);
                }
                load.result.complete(data);
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    going.remove(key, load);
                }
                load.result.completeExceptionally(e);
            }
        }, "rangefinder-data-" + threads.incrementAndGet()).start();
    }

    /** Waits for the load, passing on its progress, until it ends or the waiter is told to stop. */
    private static LoadedDataset await(Load load, Loading loading, String nameOrPath) {
        Progress told = null;
        try {
            while (true) {
                try {
                    return load.result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillLoading) {
                    if (loading.cancelled()) {
                        throw new CancellationException("loading " + nameOrPath + " cancelled");
                    }
                    Progress now = load.progress;
                    if (now != null && now != told) {
                        loading.progress(now.done(), now.total(), now.unit());
                        told = now;
                    }
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("loading " + nameOrPath + " interrupted");
        }
    }
}
