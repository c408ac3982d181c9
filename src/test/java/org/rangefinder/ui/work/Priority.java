package org.rangefinder.ui.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What a thread runs at, as the tests of the lowering read it: its Java priority, and on Linux its scheduling. */
record Priority(int java, Priority.Scheduling linux) {
    static final boolean LINUX = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux");
    private static final int SCHED_OTHER = 0;

    /** The calling thread's; {@code linux} null elsewhere. */
    static Priority ofCurrentThread() {
        return new Priority(Thread.currentThread().getPriority(),
                LINUX ? Scheduling.of(Path.of("/proc/thread-self")) : null);
    }

    /** Java's lowest priority, and on Linux SCHED_IDLE (nice 10 under the normal policy where that is refused). */
    static void assertBelowTheWindow(Priority p) {
        assertThat(p.java()).isEqualTo(Thread.MIN_PRIORITY);
        if (LINUX) {
            assertThat(p.linux().belowTheWindow()).as("%s", p.linux()).isTrue();
        }
    }

    /** A Linux task's scheduling policy and nice value. */
    record Scheduling(int policy, int nice) {
        /** Fields 41 and 19 of a task's stat file; the fields after the command name (in parentheses) start at 3. */
        static Scheduling of(Path task) {
            try {
                String stat = Files.readString(task.resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return new Scheduling(Integer.parseInt(fields[41 - 3]), Integer.parseInt(fields[19 - 3]));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** SCHED_IDLE, or nice 10 under the normal policy where the system refuses SCHED_IDLE. */
        boolean belowTheWindow() {
            return policy == BackgroundPriority.SCHED_IDLE || policy == SCHED_OTHER && nice == BackgroundPriority.NICE;
        }
    }
}
