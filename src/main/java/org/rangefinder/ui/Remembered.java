package org.rangefinder.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Values computed once per key and remembered until {@link #forget()}: the window's measurements that JavaFX would
 * otherwise take again at every layout. Past {@code limit} keys all are forgotten, so that keys that never come back
 * (an axis zoomed through many ranges, a window being resized) cannot pile up.
 */
public final class Remembered<K, V> {
    private final Map<K, V> values = new HashMap<>();
    private final int limit;

    public Remembered(int limit) {
        this.limit = limit;
    }

    /** The value remembered for {@code key}, or {@code compute}'s, which is then remembered. */
    public V get(K key, Function<K, V> compute) {
        V value = values.get(key);
        if (value == null) {
            if (values.size() >= limit) {
                values.clear();
            }
            value = compute.apply(key);
            values.put(key, value);
        }
        return value;
    }

    public void forget() {
        values.clear();
    }

    /** How many values are remembered. */
    public int size() {
        return values.size();
    }
}
