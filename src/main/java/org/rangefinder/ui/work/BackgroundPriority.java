package org.rangefinder.ui.work;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

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
 * <p>The JVM's own JIT compiler threads are background work of the same kind: in the first seconds of a session
 * they compile the code the window runs for the first time, and at the window's priority they took its core (in
 * the frames where the first range test started, each of the two compiler threads ran about as long as the FX thread).
 * {@link #lowerCompilerThreads()} lowers them too, on Linux.
 */
public final class BackgroundPriority {
    /** The nice value of worker threads on Linux. */
    static final int NICE = 10;
    private static final int PRIO_PROCESS = 0;
    private static final Function SETPRIORITY = lookUp();
    /** HotSpot's "C1 CompilerThread0", "C2 CompilerThread0", ... as Linux names them (15 characters at most). */
    private static final Pattern COMPILER_THREAD = Pattern.compile("C\\d CompilerThre.*");

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
     * Lowers the JVM's JIT compiler threads to the workers' nice value, so that compiling waits for the window rather
     * than the window for the compiler; on Linux only (elsewhere it does nothing), best effort. Compiler threads the
     * JVM starts later are started by these and inherit their nice value.
     *
     * @return how many threads were lowered
     */
    public static int lowerCompilerThreads() {
        if (SETPRIORITY == null) {
            return 0;
        }
        int lowered = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                if (isCompilerThread(task)
                        && SETPRIORITY.invokeInt(new Object[] {PRIO_PROCESS, Integer.parseInt(
                                task.getFileName().toString()), NICE}) == 0) {
                    lowered++;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // leaves the rest as they are
        }
        return lowered;
    }

    private static boolean isCompilerThread(Path task) {
        try {
            return COMPILER_THREAD.matcher(Files.readString(task.resolve("comm")).strip()).matches();
        } catch (IOException ended) {
            return false;
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
