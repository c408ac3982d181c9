package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.Main;
import org.rangefinder.UserInputException;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.files.Json;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunRecord;

class CtrlCTest {

    /**
     * A JVM that Ctrl-C halted in the middle of a write left its temporary file (.keep.json.RANDOM.tmp) beside the
     * output and said nothing of the output it did not write. A second Ctrl-C now removes it and names the output.
     */
    @Test
    void stoppingAtOnceRemovesTheFileBeingWrittenAndNamesIt(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("keep.json"), "old");
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
            try {
                AtomicFiles.write(target, out -> {
                    out.write("new, half of it".getBytes());
                    out.flush();
                    writing.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    out.write(" and the rest".getBytes());
                });
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(temporaryFiles(dir)).hasSize(1);
        StringWriter err = new StringWriter();
        AtomicBoolean halted = new AtomicBoolean();

        try (CtrlC ctrlC = new CtrlC(new PrintWriter(err))) {
            ctrlC.stopNow(() -> halted.set(true));
        }

        assertThat(halted).isTrue();
        assertThat(temporaryFiles(dir)).isEmpty();
        assertThat(err.toString()).isEqualTo("rangefinder: stopped at once, before writing " + target + " (a file "
                + "there is left as it was); no output after it is written either" + System.lineSeparator());
        release.countDown();
        assertThat(write).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(Exception.class)
                .havingRootCause().isInstanceOf(UserInputException.class)
                .withMessage("cannot write " + target + ": the program stopped before it was written");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(temporaryFiles(dir)).isEmpty();
        // nothing is left stopped: a later write (another command in this JVM) is written
        AtomicFiles.writeString(target, "later");
        assertThat(Files.readString(target)).isEqualTo("later");
    }

    @Test
    void stoppingAtOnceBetweenWritesSaysTheRestIsNotWritten() {
        StringWriter err = new StringWriter();
        try (CtrlC ctrlC = new CtrlC(new PrintWriter(err))) {
            ctrlC.stopNow(() -> { });
        }
        assertThat(err.toString()).isEqualTo("rangefinder: stopped at once, before writing the outputs not written by "
                + "now" + System.lineSeparator());
    }

    /**
     * {@code rangefinder ARGS} as a process of its own, stdout and stderr into files in {@code dir}, the bundled
     * datasets where the tests find them.
     */
    private static Process rangefinder(Path dir, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "-Drangefinder.datasets=" + System.getProperty("rangefinder.datasets"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
    }

    /** Waits, up to a minute, until {@code started} holds, the process still running; fails otherwise. */
    private static void awaitStart(Process process, BooleanSupplier started, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!started.getAsBoolean()) {
            assertThat(process.isAlive()).as("the command still runs, waiting for " + what).isTrue();
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /**
     * Sends {@code kill}'s signal (SIGTERM, as Ctrl-C's SIGINT: the first one cancels the run) and waits, up to a
     * minute, for the process to end; returns its exit code.
     */
    private static int terminate(Process process) throws InterruptedException {
        process.destroy();
        boolean ended = process.waitFor(1, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        assertThat(ended).as("ended within a minute of the signal").isTrue();
        return process.exitValue();
    }

    /** The run folders of a workspace (not the hidden one a run is placed from). */
    private static List<Path> runFolders(Path workspace) {
        try (Stream<Path> files = Files.list(workspace)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        } catch (IOException absentYet) {
            return List.of();
        }
    }

    /**
     * The first signal to a range test on the command line stops it within an iteration, and the command still
     * prints and writes what was recorded, stop reason {@code cancelled}, then ends with the signal's exit code
     * (README: 143 for {@code kill}). The signal goes once the run is in the history and has had two seconds to
     * record points (a digits mlp takes milliseconds an iteration) of its million.
     */
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aSignalStopsARangeTestWhichWritesWhatItRecorded(@TempDir Path dir) throws Exception {
        Path workspace = dir.resolve("runs");
        Path json = dir.resolve("result.json");
        Process process = rangefinder(dir, "range-test", "--dataset", "digits", "--iterations", "1000000",
                "--diverge", "0", "--out", json.toString(), "--workspace", workspace.toString());
        awaitStart(process, () -> !runFolders(workspace).isEmpty(), "the run in the history");
        Thread.sleep(2000);

        assertThat(terminate(process)).as(Files.readString(dir.resolve("err.txt"))).isEqualTo(143);
        JsonNode run = Json.MAPPER.readTree(json.toFile()).get("runs").get(0);
        assertThat(run.get("stopReason").asText()).isEqualTo("cancelled");
        int points = run.get("points").size();
        assertThat(points).isBetween(1, 999_999);
        assertThat(Files.readString(dir.resolve("out.txt")))
                .contains("stopped: cancelled after " + points + " of 1000000 iterations").contains("wrote " + json);
        RunRecord recorded = RunHistory.open(workspace).list().runs().get(0);
        assertThat(recorded.stopReason()).isEqualTo("cancelled");
        assertThat(recorded.results().get("points")).isEqualTo(points);
    }

    /** So does a training, signalled once its first epoch's line is on stdout: it had 1000 epochs to run. */
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aSignalStopsATrainingWhichWritesWhatItRecorded(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");
        Process process = rangefinder(dir, "train", "--dataset", "digits", "--epochs", "1000", "--max-lr", "0.01",
                "--out", json.toString(), "--workspace", dir.resolve("runs").toString());
        Path out = dir.resolve("out.txt");
        awaitStart(process, () -> readString(out).lines().anyMatch(l -> l.matches(" +1 .*%.*")), "epoch 1's line");

        assertThat(terminate(process)).as(Files.readString(dir.resolve("err.txt"))).isEqualTo(143);
        JsonNode result = Json.MAPPER.readTree(json.toFile());
        assertThat(result.get("stopReason").asText()).isEqualTo("cancelled");
        assertThat(result.get("epochs").size()).isBetween(1, 999);
        assertThat(readString(out)).contains("stopped: cancelled after ").contains("wrote " + json);
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> temporaryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
