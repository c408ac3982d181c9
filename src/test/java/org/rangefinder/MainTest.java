package org.rangefinder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The jar's entry point, run as a user runs it: a process of its own. */
class MainTest {

    /**
     * Opening the window where there is no display is one line and exit code 2, as any input the tool cannot use.
     * (Linux: JavaFX draws through X11 there, so a process without DISPLAY has none; elsewhere it would open it.)
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void theWindowWithoutADisplayIsOneLineAndExitCode2() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName())).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("ended within 60 s").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output.lines().filter(l -> !l.isBlank()).toList()).as(output).containsExactly(
                "rangefinder: the window needs a display (Unable to open DISPLAY); the commands run without one: "
                        + "java -jar rangefinder.jar --help");
    }
}
