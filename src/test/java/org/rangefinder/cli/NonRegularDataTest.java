package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.Main;
import org.rangefinder.TestData;

/**
 * Data files that are no regular files, loaded by a process of its own, as a user runs the jar: a pipe named
 * {@code fifo.csv} held the load in its open() forever, and {@code kill} could not end the process (its Ctrl-C hook
 * waited for the load); a link to {@code /dev/zero} read forever. Each is refused before it is opened, as a
 * {@code --model} or {@code --hyperparams} file is. (Linux: {@code mkfifo} and {@code /dev/zero}.)
 */
@EnabledOnOs(OS.LINUX)
class NonRegularDataTest {
    @TempDir
    Path tmp;

    @Test
    void aTableThatIsAPipeOrADeviceIsRefused() throws Exception {
        Path fifo = mkfifo(tmp.resolve("fifo.csv"));
        assertRefused(fifo.toString(), fifo);
        Path zero = Files.createSymbolicLink(tmp.resolve("zero.csv"), Path.of("/dev/zero"));
        assertRefused(zero.toString(), zero);
        Files.delete(zero); // the link, before @TempDir's clean-up warns of one that leads out of it
    }

    @Test
    void anImageThatIsAPipeIsRefused() throws Exception {
        Path images = TestData.imageFolder(tmp.resolve("images"), 8);
        Path fifo = mkfifo(images.resolve("light/9.png"));
        assertRefused(images.toString(), fifo);
    }

    @Test
    void anIdxImagesFileThatIsAPipeIsRefused() throws Exception {
        Path fifo = mkfifo(tmp.resolve("train-images-idx3-ubyte"));
        assertRefused(fifo.toString(), fifo);
    }

    /** {@code range-test --dataset DATASET} in a process of its own ends at once, refusing {@code file}. */
    private static void assertRefused(String dataset, Path file) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "range-test", "--dataset", dataset, "--iterations", "5", "--no-history"))
                .redirectErrorStream(true).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as(dataset + ": ended within 60 s").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isEqualTo(RangefinderCommand.BAD_INPUT);
        assertThat(output).isEqualTo("rangefinder: " + file + ": not a regular file (a device or a pipe)"
                + System.lineSeparator());
    }

    private static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).as("mkfifo " + path).isZero();
        return path;
    }
}
