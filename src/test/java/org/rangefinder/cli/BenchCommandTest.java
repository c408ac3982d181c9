package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.WithoutDisplay;
import org.rangefinder.data.Datasets;

/** {@code bench}: what it prints, not how fast (CI times nothing). */
class BenchCommandTest {

    @Test
    void jsonReportsTheChosenWorkload() throws Exception {
        CliRun run = CliRun.of("bench", "--workload", "rt-digits-mlp", "--repeats", "1", "--json");
        assertThat(run.code()).as(run.err()).isEqualTo(RangefinderCommand.OK);
        JsonNode workloads = new ObjectMapper().readTree(run.out()).get("workloads");
        assertThat(workloads).hasSize(1);
        JsonNode w = workloads.get(0);
        assertThat(w.get("name").asText()).isEqualTo("rt-digits-mlp");
        // digits, mlp, batch 64: the default 100-step ladder, stopped early only by divergence
        assertThat(w.get("iterations").asInt()).isBetween(50, 100);
        assertThat(w.get("seconds").asDouble()).isPositive();
        assertThat(w.get("iterationsPerSecond").asDouble())
                .isCloseTo(w.get("iterations").asInt() / w.get("seconds").asDouble(), within(1e-6));
        assertThat(w.get("peakHeapBytes").asLong()).isPositive();
        assertThat(w.get("peakOffHeapBytes").asLong()).isPositive();
    }

    @Test
    void anUnknownWorkloadIsRefusedByName() {
        CliRun run = CliRun.of("bench", "--workload", "rt-cifar");
        assertThat(run.code()).isEqualTo(RangefinderCommand.BAD_INPUT);
        assertThat(run.err()).contains("unknown workload 'rt-cifar'").contains("rt-digits-mlp")
                .contains("fx-session").contains("fx-stream").doesNotContain("Exception");
    }

    @Test
    void repeatsMustBePositive() {
        CliRun run = CliRun.of("bench", "--repeats", "0");
        assertThat(run.code()).isEqualTo(RangefinderCommand.BAD_INPUT);
        assertThat(run.err()).isEqualToIgnoringNewLines("rangefinder: --repeats must be at least 1, got 0");
        run = CliRun.of("bench", "--threads", "-1");
        assertThat(run.code()).isEqualTo(RangefinderCommand.BAD_INPUT);
        assertThat(run.err()).isEqualToIgnoringNewLines("rangefinder: --threads must be at least 1, got -1");
    }

    /**
     * A window's workload where there is no display is refused before the engine's workloads run, not after minutes
     * of them (whose figures --json prints only at the end). A process of its own without DISPLAY (Linux: JavaFX draws
     * through X11 there, as in MainTest); its bundled datasets folder is missing, so an engine workload that ran first
     * would stop at once on that instead, and this test stays short either way.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aWindowWorkloadWithoutADisplayIsRefusedBeforeTheEngineWorkloadsRun(@TempDir Path dir)
            throws IOException, InterruptedException {
        WithoutDisplay.Ended run = WithoutDisplay.run(List.of("-D" + Datasets.ROOT_PROPERTY + "="
                + dir.resolve("missing")), "bench", "--workload", "rt-digits-mlp", "--workload", "fx-session", "--json");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(RangefinderCommand.BAD_INPUT);
        assertThat(run.lines()).as(run.output()).containsExactly(
                "rangefinder: the window's workloads need a display (on a machine without one, run the bench under "
                        + "xvfb-run): Unable to open DISPLAY");
    }
}
