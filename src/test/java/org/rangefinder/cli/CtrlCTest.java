package org.rangefinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.UserInputException;
import org.rangefinder.files.AtomicFiles;

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

    private static java.util.List<Path> temporaryFiles(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
