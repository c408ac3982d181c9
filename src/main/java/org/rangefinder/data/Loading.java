package org.rangefinder.data;

/**
 * What a dataset load asks as it goes: whether it is still wanted, and where to say how far it is. The loaders ask
 * and report between image files, every 1024 lines of a table and between megabytes of an IDX file, so a load that
 * is no longer wanted stops within a few milliseconds (with a {@link java.util.concurrent.CancellationException}).
 * A lambda is the cancel question alone: {@code token::isCancelled}.
 */
@FunctionalInterface
public interface Loading {

    /** A load that nobody stops and nobody follows. */
    Loading UNWATCHED = () -> false;

    /** Whether the load should stop now. */
    boolean cancelled();

    /**
     * How far the load is: {@code done} of {@code total} {@code unit} ("images", "MB"), or {@code done} lines of a
     * table whose length is not known ({@code total} 0). Called on the loading thread; ignored unless overridden.
     */
    default void progress(long done, long total, String unit) {
    }
}
