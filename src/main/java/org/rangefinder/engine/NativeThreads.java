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

    private NativeThreads() {
    }

    /** Initialises ND4J (unpacking its natives on first use) and sets one native thread per training. */
    public static void ensureConfigured() {
        if (configured) {
            return;
        }
        synchronized (NativeThreads.class) {
            if (!configured) {
                Nd4j.create(1);
                NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
                Nd4j.factory().blas().setMaxThreads(1);
                configured = true;
            }
        }
    }
}
