package org.rangefinder.ui.work;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs the window's workers below the window in the scheduler's eyes, so that when the machine has no core to spare
 * (a range test keeps one busy; on a two-core laptop the window, its renderer and the display server share the
 * other) the threads that draw the window get the core first and the training waits, not the other way round.
 *
 * <p>Java's own {@link Thread#setPriority} is honoured on Windows but ignored on Linux, where the nice value is a
 * per-thread attribute: {@code setpriority(PRIO_PROCESS, 0, 10)} from the worker itself lowers that thread alone
 * (and the threads it starts inherit it). Nice 10 weighs about a tenth of nice 0 in the Linux scheduler. On macOS
 * the same call would lower the whole process, so there only the Java priority is set.
 *
 * <p>HotSpot's optimising JIT compiler, C2, is background work of the same kind ({@link #lowerOptimisingCompiler}).
 * When a range test starts, the JVM compiles the code the run makes hot, most of it JavaFX's own: on a two-core
 * machine C2 alone then took 210-330 ms of CPU in the run's first half second, and the FX thread waited for a core
 * as long as it worked. C1, the quick compiler that takes code out of the interpreter, stays at the window's
 * priority: lowering it too left the window's code interpreted longer and its work per frame grew by a fifth. On a
 * machine with a core to spare the nice value changes nothing.
 */
public final class BackgroundPriority {
    /** The nice value of worker threads on Linux. */
    static final int NICE = 10;
    private static final int PRIO_PROCESS = 0;
    private static final Function SETPRIORITY = lookUp();
    /** How Linux names HotSpot's C2 compiler threads ("C2 CompilerThread0", cut to 15 characters). */
    static final String C2_THREAD = "C2 CompilerThre";

    private BackgroundPriority() {
    }

    /** A daemon thread, not started, that lowers itself before it runs {@code work}. */
    static Thread daemonThread(Runnable work, String name) {
        Thread t = new Thread(() -> {
            lowerCurrentThread();
            work.run();
        }, name);
        t.setDaemon(true);
        return t;
    }

    /** Lowers the calling thread; best effort (a system that refuses leaves it as it was). */
    static void lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (SETPRIORITY != null) {
            SETPRIORITY.invokeInt(new Object[] {PRIO_PROCESS, 0, NICE});
        }
    }

    /**
     * Lowers HotSpot's C2 compiler threads to the workers' nice value, so that optimising the code waits for the
     * window rather than the window for the optimiser; on Linux only (elsewhere it does nothing), best effort. C2
     * threads the JVM starts later are started by a compiler thread and inherit its nice value.
     *
     * @return how many threads were lowered
     */
    public static int lowerOptimisingCompiler() {
        if (SETPRIORITY == null) {
            return 0;
        }
        int lowered = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                if (name(task).startsWith(C2_THREAD) && SETPRIORITY.invokeInt(new Object[] {PRIO_PROCESS,
                        Integer.parseInt(task.getFileName().toString()), NICE}) == 0) {
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

    private static Function lookUp() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return null;
        }
        try {
            return NativeLibrary.getProcess().getFunction("setpriority");
        } catch (UnsatisfiedLinkError | RuntimeException unavailable) {
            return null;
        }
    }
}
