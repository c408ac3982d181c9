package org.rangefinder;

/** The version of Rangefinder: from the jar manifest, or "development" when run from compiled classes. */
public final class Version {
    private Version() {
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
