package org.rangefinder.engine;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Thread and memory settings of ND4J's native code. Each training runs on one native thread: on small networks one
 * OpenMP thread is faster than several (native dispatch, not arithmetic, dominates), it leaves a core to the window,
 * and independent runs (sweep members) can then run side by side, each giving exactly the result it gives alone.
 *
 * <p>OpenMP's thread count is a setting of the calling thread: set on one thread, it leaves every other thread at
 * OpenMP's default (one per core). So every thread that trains calls {@link #ensureConfigured()} (a run's
 * {@link StepThreads} do, before each piece of its work). Otherwise oneDNN's
 * convolutions on a sweep worker or a window's background thread split their sums over two threads, and give results
 * that differ in the last bits from the same run on one thread.
 *
 * <p>Before ND4J loads its libraries, OpenBLAS's kernels are chosen for the CPU ({@link OpenBlasCore}), and
 * JavaCPP's check of the resident set on every native allocation is turned off
 * ({@code org.bytedeco.javacpp.maxPhysicalBytes=0}, unless the user set it). The check asks the OS for the
 * process's resident size for each of the thousands of small buffers (shape descriptions) ND4J allocates per
 * training step: about 10% of a step of the digits MLP. It only ever triggers a garbage collection when the resident
 * set passes its limit (by default four times the maximum heap); JavaCPP's limit on the bytes it allocates itself
 * ({@code maxBytes}) stays. ND4J builds the shape descriptions of its arrays through
 * {@link CachedShapeInfoProvider} and runs its ops through {@link ReachableOpExecutioner} (unless the user chose
 * others).
 */
public final class NativeThreads {
    private static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";
    /** The key under which ND4J reads its shape-info provider's class (system properties override its own). */
    private static final String SHAPE_INFO_PROVIDER = "shapeinfoprovider";
    /** The key under which ND4J reads its op executioner's class. */
    private static final String OP_EXECUTIONER = "opexec";
    /** 1 GiB. */
    private static final long RESIDENT_LIMIT = 1L << 30;
    private static final ThreadLocal<Boolean> THREAD_CONFIGURED = ThreadLocal.withInitial(() -> false);
    private static volatile boolean initialised;

    private NativeThreads() {
    }

    /**
     * Initialises ND4J (unpacking its natives on first use), and sets one native thread for the calling thread's
     * work; cheap after the first call on a thread.
     *
     * <p>The first call must not meet a native library being loaded on another thread: ND4J's CPU backend looks its
     * BLAS functions up through JavaCPP's {@code Loader.addressof}, which calls {@code dlsym} inside glibc's
     * {@code dl_iterate_phdr}, taking glibc's two loader locks in the order opposite to a {@code dlopen}; both threads
     * then wait for good, and the JVM with them at its next safepoint. The window starts the engine once its own
     * libraries are loaded, after the window is shown.
     */
    public static void ensureConfigured() {
        if (!initialised) {
            initialise(Runnable::run);
        }
        if (!THREAD_CONFIGURED.get()) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
            THREAD_CONFIGURED.set(true);
        }
    }

    /**
     * Initialises ND4J, as {@link #ensureConfigured()} does, with its heavy work (unpacking and loading the native
     * libraries, the backend's first array) run by {@code heavy}, possibly on another thread, and the rest on the
     * calling thread, which waits for {@code heavy} meanwhile; nothing when ND4J is initialised already. Does not set
     * up the calling thread for work ({@link #ensureConfigured()} does).
     *
     * <p>The calling thread starts the engine's deallocator threads, JavaCPP's ({@code JavaCPP Deallocator}) and
     * ND4J's ({@code DeallocatorServiceThread_0}, ...), which free an array's native memory after a garbage
     * collection has collected it. A thread starts with the scheduling of the thread that starts it, so the window
     * runs {@code heavy} below it and keeps these at its own priority: lowered, they were runnable in Java code
     * after every collection, got almost no CPU once other programs filled the cores, and the JVM waited for them at
     * each of its next safepoints, the window with it: with the run history's thread, lowered too, the JVM's longest
     * wait for a safepoint was 1.28-1.77 s in three window benchmarks with two busy loops started as two range tests
     * began, 0.05-0.34 s with all of these at the window's priority.
     *
     * <p>In order: the properties ND4J reads as it starts; JavaCPP's class, which starts its deallocator and loads
     * JavaCPP's own small library; ND4J's class, which loads the backend ({@code heavy}); ND4J's deallocator
     * service, which needs the backend; the backend's first array ({@code heavy}).
     */
    public static void initialise(Consumer<Runnable> heavy) {
        synchronized (NativeThreads.class) {
            if (initialised) {
                return;
            }
            OpenBlasCore.choose();
            setUnlessSet(MAX_PHYSICAL_BYTES, "0");
            setUnlessSet(SHAPE_INFO_PROVIDER, CachedShapeInfoProvider.class.getName());
            setUnlessSet(OP_EXECUTIONER, ReachableOpExecutioner.class.getName());
            Pointer.maxPhysicalBytes(); // JavaCPP's deallocator starts as its class initialises
            heavy.accept(Nd4j::getBackend);
            Nd4j.getDeallocatorService();
            heavy.accept(() -> {
                Nd4j.create(1);
                Nd4j.factory().blas().setMaxThreads(1);
            });
            initialised = true;
        }
    }

    /**
     * Runs one run (a range test, a training), its pieces on the threads of its {@link StepThreads}, then
     * {@link #runEnded()}, a failed run's too.
     */
    public static <T> T run(Supplier<T> run) {
        try {
            return run.get();
        } finally {
            runEnded();
        }
    }

    /**
     * Call when a run (a range test, a training) ends, a failed run too (its network's native memory waits for a
     * collection like any other's): collects garbage when the resident set has passed
     * {@value #RESIDENT_LIMIT} bytes. ND4J frees an array's native memory only once the garbage collector has
     * collected the Java object; arrays that outlive a few young collections (a network's, its workspaces') wait for
     * a collection of the old generation, which the JVM starts only when its heap (by default a quarter of the RAM)
     * fills, and native memory does not count towards that. 60 digits-MLP range tests in a row left a resident set of 1.2 GB (12 LeNet tests: 2 GB); one
     * collection brought it back to 230 MB. A collection stops every thread for about 50 ms, so it runs only past
     * the limit, not after every run. Before ND4J has started (a run refused before its first piece) there is
     * nothing to collect, and nothing is asked of JavaCPP, whose first call loads its native library (see
     * {@link #ensureConfigured()} on loading one while ND4J starts).
     */
    public static void runEnded() {
        if (initialised && Pointer.physicalBytes() > RESIDENT_LIMIT) {
            System.gc();
        }
    }

    private static void setUnlessSet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
