package org.rangefinder.ui.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The window's engine start ({@link EngineWarmUp}) loads ND4J on a lowered relay carrier, while the engine's
 * deallocator threads start at the priority of the thread that conducts it (the window's). ND4J starts once per JVM,
 * so this runs {@link Probe} in a JVM of its own, with background threads lowered as on an idle machine.
 */
@EnabledOnOs(OS.LINUX) // thread scheduling is read from /proc
class EngineStartTest {

    @Test
    void theDeallocatorThreadsKeepTheConductorsPriorityWhileTheHeavyWorkRunsBelowIt() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Probe.class.getName())).redirectErrorStream(true).start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ended).as("ended within 120 s: %s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<String> lines = output.lines().filter(l -> l.startsWith("conductor ") || l.startsWith("carrier ")
                || l.startsWith("thread ")).toList();
        String conductor = scheduling(lines, "conductor ");
        String carrier = scheduling(lines, "carrier ");
        assertThat(new Priority.Scheduling(Integer.parseInt(carrier.split(" ")[0]),
                Integer.parseInt(carrier.split(" ")[1])).belowTheWindow()).as("the carrier that loaded ND4J: %s", carrier)
                .isTrue();
        assertThat(carrier).isNotEqualTo(conductor);
        List<String> deallocators = lines.stream().filter(l -> l.endsWith(" JavaCPP Dealloc")
                || l.endsWith(" DeallocatorServ")).toList();
        assertThat(deallocators).as(output).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(l -> assertThat(l).startsWith("thread " + conductor + " "));
    }

    /** The policy and nice value on the first line that starts with {@code prefix}. */
    private static String scheduling(List<String> lines, String prefix) {
        String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        String[] fields = line.split(" ");
        return fields[1] + " " + fields[2];
    }

    /**
     * Starts the engine as the window does, on a relay whose carriers are lowered, then prints the scheduling of the
     * conductor, of the carrier and of every thread of the JVM: {@code thread POLICY NICE NAME}.
     */
    public static final class Probe {
        public static void main(String[] args) throws IOException {
            System.setProperty(BackgroundPriority.PROPERTY, "idle");
            Priority.Scheduling carrier;
            try (Relay relay = new Relay("probe")) {
                relay.initialiseEngine();
                carrier = relay.call(() -> Priority.ofCurrentThread().linux());
            }
            print("conductor", Priority.ofCurrentThread().linux(), "main");
            print("carrier", carrier, "probe");
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    Priority.Scheduling s = ofLiving(task);
                    if (s != null) {
                        print("thread", s, BackgroundPriority.name(task));
                    }
                }
            }
        }

        /**
         * The task's scheduling, or null when it ended between the listing and the reading: the relay's carrier,
         * retired as the relay closed, can still be listed. Its stat file is then gone (a fresh clone's CI once failed
         * on NoSuchFileException), or the kernel answers the read with ESRCH, "No such process" (once more so).
         */
        private static Priority.Scheduling ofLiving(Path task) {
            try {
                return Priority.Scheduling.of(task);
            } catch (IllegalStateException e) {
                if (e.getCause() instanceof NoSuchFileException
                        || e.getCause() instanceof IOException io && "No such process".equals(io.getMessage())) {
                    return null;
                }
                throw e;
            }
        }

        private static void print(String what, Priority.Scheduling s, String name) {
            System.out.println(what + " " + s.policy() + " " + s.nice() + " " + name);
        }
    }
}
