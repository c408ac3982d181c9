package org.rangefinder.ui.work;

import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The state of the numeric engine. ND4J's first use unpacks its native libraries (seconds on a cold machine), so the
 * window starts it on a thread of its own and shows this status meanwhile; runs started before it is ready wait for
 * it inside the engine (initialisation is synchronised) and need nothing from here.
 */
public final class EngineStatus {

    public enum State {
        LOADING,
        READY,
        FAILED
    }

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
            "Loading the numeric engine (ND4J)...");

    /**
     * Runs {@code init} on {@code thread}, then reports on {@code fx}.
     *
     * @param init the engine initialisation, e.g. {@code NativeThreads::ensureConfigured}
     */
    public void start(Executor thread, Executor fx, Runnable init) {
        thread.execute(() -> {
            long start = System.nanoTime();
            try {
                init.run();
                double seconds = (System.nanoTime() - start) / 1e9;
                fx.execute(() -> {
                    message.set(String.format(Locale.ROOT, "Engine ready (ND4J CPU, %.1f s)", seconds));
                    state.set(State.READY);
                });
            } catch (RuntimeException | Error e) { // an OutOfMemoryError too: the status must not stay on loading
                String why = Problems.describe(e);
                fx.execute(() -> {
                    message.set("The numeric engine failed to load: " + why);
                    state.set(State.FAILED);
                });
            }
        });
    }

    /**
     * A daemon thread of its own for the initialisation, so the window never waits for it. It keeps the priority of
     * the thread that calls {@code execute} (the window's): threads the engine starts inherit it, and the
     * initialisation lowers its heavy work itself ({@link EngineWarmUp}).
     */
    public static Executor ownThread() {
        return r -> {
            Thread t = new Thread(r, "engine-init");
            t.setDaemon(true);
            t.start();
        };
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
