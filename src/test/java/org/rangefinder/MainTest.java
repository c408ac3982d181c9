package org.rangefinder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
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
        WithoutDisplay.Ended run = WithoutDisplay.run(List.of());
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.lines()).as(run.output()).containsExactly(
                "rangefinder: the window needs a display (Unable to open DISPLAY); the commands run without one: "
                        + "java -jar rangefinder.jar --help");
    }
}
