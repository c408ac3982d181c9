package org.rangefinder.ui.work;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How much of the machine other programs keep busy, on Linux: from the CPU ticks of all cores in {@code /proc/stat}
 * and this process's own in {@code /proc/self/stat}, over about the last {@value #SPAN_MS} ms.
 *
 * <p>With {@code B} the ticks all cores spent busy (user, nice, system, irq, softirq, steal), {@code T} all their
 * ticks (idle and iowait too), {@code S} this process's (user and system, every thread) and {@code N} the cores,
 * the cores other programs left over are {@code N - N * (ΔB - ΔS) / ΔT} between two readings. A daemon thread
 * reads twice a second once {@link #watch()} has started it; {@link #coresLeft()} reads once more and measures from
 * the oldest reading it keeps.
 */
public final class OtherPrograms {
    /** How far back {@link #coresLeft()} looks. */
    static final long SPAN_MS = 2000;
    /** The shortest stretch {@link #coresLeft()} measures over: a tick is 10 ms. */
    static final long SHORTEST_MS = 150;
    private static final long EVERY_MS = 500;
    private static final Path STAT = Path.of("/proc/stat");
    private static final Path SELF = Path.of("/proc/self/stat");
    private static final Deque<Reading> READINGS = new ArrayDeque<>();
    private static Thread watcher;

    private OtherPrograms() {
    }

    /**
     * One reading of the CPU tick counters.
     *
     * @param busy  ticks all cores spent busy
     * @param total all the cores' ticks
     * @param own   this process's ticks
     * @param cores the cores counted
     * @param nanos when it was read ({@link System#nanoTime()})
     */
    record Reading(long busy, long total, long own, int cores, long nanos) {
        /**
         * Parses the two files' texts; null when they are not as Linux writes them.
         *
         * @param stat {@code /proc/stat}: its first line {@code cpu user nice system idle iowait irq softirq steal ...}
         *             and a {@code cpuN} line per core
         * @param self {@code /proc/self/stat}: fields 14 and 15 (utime, stime), counted after the command name in
         *             parentheses, which may hold spaces
         */
        static Reading parse(String stat, String self, long nanos) {
            try {
                String[] lines = stat.split("\n");
                String[] f = lines[0].trim().split("\\s+");
                if (!f[0].equals("cpu") || f.length < 9) {
                    return null;
                }
                long user = Long.parseLong(f[1]);
                long nice = Long.parseLong(f[2]);
                long system = Long.parseLong(f[3]);
                long idle = Long.parseLong(f[4]);
                long iowait = Long.parseLong(f[5]);
                long irq = Long.parseLong(f[6]);
                long softirq = Long.parseLong(f[7]);
                long steal = Long.parseLong(f[8]);
                long busy = user + nice + system + irq + softirq + steal;
                int cores = 0;
                for (String line : lines) {
                    if (line.matches("cpu\\d+\\s.*")) {
                        cores++;
                    }
                }
                String[] s = self.substring(self.lastIndexOf(')') + 2).trim().split("\\s+");
                long own = Long.parseLong(s[14 - 3]) + Long.parseLong(s[15 - 3]);
                return cores == 0 ? null : new Reading(busy, busy + idle + iowait, own, cores, nanos);
            } catch (RuntimeException notLinux) {
                return null;
            }
        }

        /** The cores other programs left over between {@code earlier} and this reading; NaN when no tick passed. */
        double coresLeftSince(Reading earlier) {
            long total = this.total - earlier.total;
            if (total <= 0) {
                return Double.NaN;
            }
            long others = Math.max(0, (busy - earlier.busy) - (own - earlier.own));
            return cores - cores * (double) others / total;
        }
    }

    /** Starts reading twice a second on a daemon thread of the caller's priority; call it from the window's thread. */
    public static synchronized void watch() {
        if (watcher != null) {
            return;
        }
        read();
        watcher = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(EVERY_MS);
                    read();
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "rangefinder-load");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * The cores other programs left over in about the last {@value #SPAN_MS} ms (at least {@value #SHORTEST_MS} ms:
     * it waits for that much if needed); NaN where it cannot be read (not Linux).
     */
    public static double coresLeft() {
        Reading first;
        synchronized (OtherPrograms.class) {
            first = READINGS.isEmpty() ? read() : READINGS.peekFirst();
        }
        if (first == null) {
            return Double.NaN;
        }
        long waitMs = SHORTEST_MS - (System.nanoTime() - first.nanos()) / 1_000_000;
        if (waitMs > 0) {
            try {
                Thread.sleep(waitMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Double.NaN;
            }
        }
        Reading now;
        synchronized (OtherPrograms.class) {
            now = read();
        }
        return now == null ? Double.NaN : now.coresLeftSince(first);
    }

    /** Reads the counters, keeps the reading and drops those older than the span; null where they cannot be read. */
    private static synchronized Reading read() {
        Reading r;
        try {
            r = Reading.parse(Files.readString(STAT), Files.readString(SELF), System.nanoTime());
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
        if (r != null) {
            READINGS.addLast(r);
            while (READINGS.size() > 2 && r.nanos() - READINGS.peekFirst().nanos() > SPAN_MS * 1_000_000) {
                READINGS.removeFirst();
            }
        }
        return r;
    }
}
