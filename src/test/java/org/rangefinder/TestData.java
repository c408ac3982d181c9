package org.rangefinder;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;

/** The bundled datasets, loaded once per test JVM (they are immutable). */
public final class TestData {
    private static final Map<String, Dataset> CACHE = new ConcurrentHashMap<>();

    private TestData() {
    }

    public static Dataset load(String name) {
        return CACHE.computeIfAbsent(name, n -> Datasets.load(n, DataOptions.defaults()));
    }
}
