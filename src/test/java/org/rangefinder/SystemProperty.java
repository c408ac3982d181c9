package org.rangefinder;

/**
 * A system property set (or cleared) for a part of a test, put back as it was when closed (cleared, if it was not
 * set): {@code try (SystemProperty p = SystemProperty.set(KEY, value)) { ... }}.
 */
public final class SystemProperty implements AutoCloseable {
    private final String key;
    private final String before;

    private SystemProperty(String key) {
        this.key = key;
        this.before = System.getProperty(key);
    }

    public static SystemProperty set(String key, String value) {
        SystemProperty p = new SystemProperty(key);
        System.setProperty(key, value);
        return p;
    }

    /** Clears the property for a part of a test; closing puts it back. */
    public static SystemProperty clear(String key) {
        SystemProperty p = new SystemProperty(key);
        System.clearProperty(key);
        return p;
    }

    @Override
    public void close() {
        if (before == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, before);
        }
    }
}
