package org.rangefinder.ui.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The cores other programs leave over, from Linux's CPU tick counters. */
class OtherProgramsTest {
    private static final boolean LINUX = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux");

    private static final String STAT_BEFORE = """
            cpu  100 20 30 800 50 5 5 0 0 0
            cpu0 50 10 15 400 25 3 2 0 0 0
            cpu1 50 10 15 400 25 2 3 0 0 0
            intr 12345 0 0
            ctxt 999
            """;
    private static final String STAT_AFTER = """
            cpu  200 20 60 900 50 10 10 0 0 0
            cpu0 100 10 30 450 25 5 5 0 0 0
            cpu1 100 10 30 450 25 5 5 0 0 0
            intr 12999 0 0
            ctxt 1999
            """;
    /** A command name with a parenthesis and spaces in it; utime 40 and stime 20 (fields 14 and 15). */
    private static final String SELF_BEFORE = "4242 (my java) (x) S 1 2 3 4 5 6 7 8 9 10 40 20 0 0 20 0 30\n";
    private static final String SELF_AFTER = "4242 (my java) (x) S 1 2 3 4 5 6 7 8 9 10 80 40 0 0 20 0 30\n";

    @Test
    void readsTheTickCountersAsLinuxWritesThem() {
        OtherPrograms.Reading r = OtherPrograms.Reading.parse(STAT_BEFORE, SELF_BEFORE, 7);
        // busy: user 100 + nice 20 + system 30 + irq 5 + softirq 5 + steal 0; total adds idle 800 and iowait 50
        assertThat(r).isEqualTo(new OtherPrograms.Reading(160, 1010, 60, 2, 7));
    }

    @Test
    void coresLeftAreTheCoresLessOtherProgramsShareOfTheTicks() {
        OtherPrograms.Reading before = OtherPrograms.Reading.parse(STAT_BEFORE, SELF_BEFORE, 0);
        OtherPrograms.Reading after = OtherPrograms.Reading.parse(STAT_AFTER, SELF_AFTER, 1);
        // busy 160 -> 300 (140), total 1010 -> 1250 (240), this process 60 -> 120 (60): others 80 of 240 ticks
        assertThat(after.coresLeftSince(before)).isCloseTo(2 - 2 * 80.0 / 240, within(1e-12));
        assertThat(after.coresLeftSince(after)).as("no tick passed").isNaN();
    }

    @Test
    void thisProcessesOwnTicksDoNotCountAsOtherPrograms() {
        OtherPrograms.Reading before = OtherPrograms.Reading.parse(STAT_BEFORE, SELF_BEFORE, 0);
        // all 140 busy ticks this process's own: nothing else ran
        OtherPrograms.Reading after = OtherPrograms.Reading.parse(STAT_AFTER,
                "4242 (java) S 1 2 3 4 5 6 7 8 9 10 140 60 0 0 20 0 30", 1);
        assertThat(after.coresLeftSince(before)).isEqualTo(2.0);
    }

    @Test
    void textsNotAsLinuxWritesThemReadAsUnknown() {
        assertThat(OtherPrograms.Reading.parse("", SELF_BEFORE, 0)).isNull();
        assertThat(OtherPrograms.Reading.parse("intr 1 2 3\n", SELF_BEFORE, 0)).isNull();
        assertThat(OtherPrograms.Reading.parse("cpu  1 2 3\n", SELF_BEFORE, 0)).as("too few fields").isNull();
        assertThat(OtherPrograms.Reading.parse(STAT_BEFORE, "4242 (java) S 1 2", 0)).isNull();
        assertThat(OtherPrograms.Reading.parse(STAT_BEFORE.replace("cpu0", "cpuX").replace("cpu1", "cpuY"),
                SELF_BEFORE, 0)).as("no core").isNull();
    }

    @Test
    void onLinuxTheCoresLeftAreBetweenNoneAndAll() throws IOException {
        double left = OtherPrograms.coresLeft();
        if (!LINUX) {
            assertThat(left).isNaN();
            return;
        }
        long cores = Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.matches("cpu\\d+\\s.*"))
                .count();
        assertThat(left).isBetween(0.0, (double) cores);
    }
}
