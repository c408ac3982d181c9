package org.rangefinder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tool run as a user runs it, in a process of its own, on a machine without a display: no {@code DISPLAY} and no
 * {@code WAYLAND_DISPLAY} (Linux: JavaFX draws through X11 there, so such a process has none).
 */
public final class WithoutDisplay {

    /** How a run ended: its exit code and the lines it printed, stdout and stderr together, blank ones left out. */
    public record Ended(int exitCode, List<String> lines, String output) {
    }

    private WithoutDisplay() {
    }

    /**
     * Runs {@link Main} with {@code args}, the JVM given {@code properties} ({@code -Dname=value} each), and waits for
     * it (at most 60 s, which it must end within).
     */
    public static Ended run(List<String> properties, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(properties);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("ended within 60 s").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Ended(process.exitValue(), output.lines().filter(l -> !l.isBlank()).toList(), output);
    }
}
