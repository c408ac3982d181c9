package org.rangefinder.ui.work;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
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
 */
final class BackgroundPriority {
    /** The nice value of worker threads on Linux. */
    static final int NICE = 10;
    private static final int PRIO_PROCESS = 0;
    private static final Function SETPRIORITY = lookUp();

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
