package org.rangefinder.engine;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Thread settings of ND4J's native code. Each training runs on one native thread: on small networks one OpenMP
 * thread is faster than several (native dispatch, not arithmetic, dominates), it leaves a core to the window,
 * and independent runs (sweep members) can then run side by side, each giving exactly the result it gives alone.
 */
public final class NativeThreads {
    private static volatile boolean configured;
    /** OpenMP's thread count is a setting of each calling thread, not of the process (measured: a second thread
     * left at the default ran a range test ten times slower under load), so every thread that trains sets it. */
    private static final ThreadLocal<Boolean> THREAD_CONFIGURED = ThreadLocal.withInitial(() -> false);

    private NativeThreads() {
    }

    /**
     * Initialises ND4J (unpacking its natives on first use) and sets one native thread per training: call it on
     * the thread that trains.
     */
    public static void ensureConfigured() {
        if (!configured) {
            synchronized (NativeThreads.class) {
                if (!configured) {
                    Nd4j.create(1);
                    Nd4j.factory().blas().setMaxThreads(1);
                    configured = true;
                }
            }
        }
        if (!THREAD_CONFIGURED.get()) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
            THREAD_CONFIGURED.set(true);
        }
    }
}
