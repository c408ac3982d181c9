package org.rangefinder.ui.work;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * Runs the window's workers below the window in the scheduler's eyes, so that when the machine has no core to spare
 * (a range test keeps one busy; on a two-core laptop the window, its renderer and the display server share the
 * other) the threads that draw the window get the core first and the training waits, not the other way round.
 *
 * <p>Java's own {@link Thread#setPriority} is honoured on Windows but ignored on Linux, where scheduling is a
 * per-thread attribute that the threads a thread starts inherit. There a worker puts itself under the
 * {@code SCHED_IDLE} policy ({@code sched_setscheduler(0, SCHED_IDLE, {0})}, no privilege needed): it then runs only
 * on CPU time that no normal thread wants, and, what nice values do not give, a core that runs nothing but such
 * threads counts as idle when a window thread wakes up, so the scheduler puts the renderer or the FX thread there at
 * once. Under nice 10 (about a tenth of nice 0's weight) the scheduler left a waking renderer queued behind the JIT
 * compiler on one core while the other core ran a nice-10 worker, and the FX thread waited for its frame. Where the
 * system refuses {@code SCHED_IDLE}, the thread is lowered to nice 10 instead. On macOS the same calls would lower
 * the whole process, so there only the Java priority is set.
 *
 * <p>Measured with the window benchmark (four sittings, 33 interleaved rounds of
 * {@code bench --workload fx-session --workload fx-stream} against nice 10): sessions without a stutter 5 -> 15 of 33;
 * stutters that were not a garbage collection 34 -> 12 (the renderer blocking the FX thread 18 -> 6), the
 * collector's 36 -> 37; range tests under the window about 5% slower, since they now get only what the window
 * leaves. Nice 19 instead (one sitting) changed nothing: the gain is where a waking thread is put, not the weight.
 *
 * <p>While other programs keep every core busy, though, a lowered thread gets almost no CPU, and that stops the
 * window too: the JVM stops all its Java threads for a collection only once each has reached a safepoint, and a
 * lowered worker preempted in Java code reaches it only when a core is left to it. With two normal busy loops on
 * the two cores, the JVM waited up to 4.4 s for its threads at a safepoint, the window stood still up to 4.5 s at a
 * time and a session took 77 s; with the workers at normal priority, 0.12 s, 0.26 s and 11 s. So a thread is lowered
 * only while other programs have left {@value #CORES_TO_SPARE} cores or more over in the last two seconds
 * ({@link OtherPrograms}); otherwise it keeps the window's priority. The choice is made as a thread starts, since
 * Linux lets no unprivileged thread leave {@code SCHED_IDLE} again: each task of the window's lowered pools starts on
 * a thread of its own ({@link BackgroundExecutor#bounded}), and a range test or training moves its work to a new
 * thread between two steps when the choice changes ({@link Relay}). The command line's runs are not lowered.
 *
 * <p>HotSpot's optimising JIT compiler, C2, is background work of the same kind ({@link #lowerOptimisingCompiler}).
 * When a range test starts, the JVM compiles the code the run makes hot, most of it JavaFX's own: on a two-core
 * machine C2 alone then took 210-330 ms of CPU in the run's first half second, and the FX thread waited for a core
 * as long as it worked. C1, the quick compiler that takes code out of the interpreter, stays at the window's
 * priority: lowering it too left the window's code interpreted longer and its work per frame grew by a fifth. On a
 * machine with a core to spare none of this changes anything.
 *
 * <p>Threads whose work is small and comes at moments nobody chooses stay at the window's priority: ND4J's and
 * JavaCPP's deallocator threads, which free native memory after each collection, and the run history's thread. Started
 * below the window on an idle machine, they could not be raised when other programs later filled the cores, and each
 * then stood runnable in Java code for seconds and held up every safepoint: with two busy loops started as two range
 * tests began ({@code bench --workload fx-stream}), the window's longest gap was 1.3-2.4 s and the deallocators and the
 * history's thread were seen runnable and lowered in most samples; with them at the window's priority, 0.35-0.52 s
 * (three runs each). So the engine
 * starts them from a thread of the window's priority ({@code NativeThreads.initialise}), and the history's first
 * records, which loaded its classes (280 ms of CPU), are paid in the engine's warm-up ({@link EngineWarmUp}).
 *
 * <p>The system property {@value #PROPERTY}{@code =normal} leaves all of these threads as they start: the workers,
 * the runs' and the engine's carriers and the data threads at the priority of the thread that made them, C2 as the JVM started it. The test
 * suite sets it (pom.xml): a window test's run must not depend on what else the machine runs. {@code idle} lowers
 * them whatever other programs do ({@code BackgroundPriorityTest} sets it, to test the lowering itself). It is read
 * each time a thread would be lowered. Unset, or any other value, the threads are lowered as above: the window's
 * default.
 */
public final class BackgroundPriority {
    /** The system property that, set to {@code normal}, leaves background threads unlowered (see above). */
    public static final String PROPERTY = "rangefinder.backgroundPriority";
    /** Linux's scheduling policy for threads that run only when nothing else wants the CPU ({@code sched.h}). */
    static final int SCHED_IDLE = 5;
    /** The nice value of worker threads on Linux where {@link #SCHED_IDLE} is refused. */
    static final int NICE = 10;
    /** The cores other programs must leave over for threads to be lowered: one for the work, half for the window. */
    static final double CORES_TO_SPARE = 1.5;
    private static final int PRIO_PROCESS = 0;
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .startsWith("linux");
    private static final Function SETSCHEDULER = lookUp("sched_setscheduler");
    private static final Function SETPRIORITY = lookUp("setpriority");
    /** How Linux names HotSpot's C2 compiler threads ("C2 CompilerThread0", cut to 15 characters). */
    static final String C2_THREAD = "C2 CompilerThre";

    private BackgroundPriority() {
    }

    /**
     * Loads, on the calling thread, the C library functions this class calls (through JNA, whose own native library
     * that loads). The window calls it before it starts a thread: otherwise the first thread to be lowered loads them
     * while the FX thread, making the next, waits for it (about 50 ms, the stutters of a window opening in one
     * sitting), and a native library must not be loaded while ND4J starts (see {@code NativeThreads}). The class's
     * initialisation does the work.
     */
    public static void loadLibraries() {
        // SETSCHEDULER and SETPRIORITY are looked up as the class initialises
    }

    /**
     * A daemon thread, not started, that lowers itself before it runs {@code work} (unless {@value #PROPERTY} is
     * {@code normal}).
     */
    public static Thread daemonThread(Runnable work, String name) {
        Thread t = new Thread(() -> {
            if (lowerNow()) {
                lowerCurrentThread();
            }
            work.run();
        }, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Whether a thread starting now is lowered: unless {@value #PROPERTY} is {@code normal}; always where it is
     * {@code idle}; otherwise while other programs leave {@value #CORES_TO_SPARE} cores or more over
     * ({@link OtherPrograms}), or where that cannot be told.
     */
    static boolean lowerNow() {
        return lowerNow(OtherPrograms::coresLeft);
    }

    /** As {@link #lowerNow()}, reading what other programs leave over from {@code coresLeft} (NaN: unknown). */
    static boolean lowerNow(DoubleSupplier coresLeft) {
        String setting = System.getProperty(PROPERTY);
        return "idle".equals(setting) || !"normal".equals(setting) && sparesCores(coresLeft.getAsDouble());
    }

    /** Whether other programs leave enough over for lowered threads to run: {@code coresLeft} NaN when unknown. */
    static boolean sparesCores(double coresLeft) {
        return !(coresLeft < CORES_TO_SPARE);
    }

    /** Lowers the calling thread; best effort (a system that refuses leaves it as it was). */
    static void lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        lower(0);
    }

    /**
     * Puts a Linux thread (0: the calling one) under {@link #SCHED_IDLE}, or at nice {@link #NICE} where that is
     * refused; elsewhere does nothing.
     *
     * @return whether the thread was lowered
     */
    private static boolean lower(int tid) {
        if (SETSCHEDULER != null && SETSCHEDULER.invokeInt(new Object[] {tid, SCHED_IDLE, new int[] {0}}) == 0) {
            return true;
        }
        return SETPRIORITY != null && SETPRIORITY.invokeInt(new Object[] {PRIO_PROCESS, tid, NICE}) == 0;
    }

    /**
     * Lowers HotSpot's C2 compiler threads as the workers are lowered, so that optimising the code waits for the
     * window rather than the window for the optimiser; on Linux only (elsewhere it does nothing), best effort. C2
     * threads the JVM starts later are started by a compiler thread and inherit its scheduling. Does nothing where
     * {@value #PROPERTY} is {@code normal}.
     *
     * @return how many threads were lowered
     */
    public static int lowerOptimisingCompiler() {
        if (!LINUX || !lowerNow()) {
            return 0;
        }
        int lowered = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                if (name(task).startsWith(C2_THREAD) && lower(Integer.parseInt(task.getFileName().toString()))) {
                    lowered++;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // leaves the rest as they are
        }
        return lowered;
    }

    /** A thread's name as Linux keeps it; empty if the thread has ended. */
    static String name(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException ended) {
            return "";
        }
    }

    /** A C library function of Linux; null elsewhere or where it cannot be found. */
    private static Function lookUp(String name) {
        if (!LINUX) {
            return null;
        }
        try {
            return NativeLibrary.getProcess().getFunction(name);
        } catch (UnsatisfiedLinkError | RuntimeException unavailable) {
            return null;
        }
    }
}
