package org.rangefinder.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderIsDeletedWithEverythingInItAndNothingLeftBeside() throws IOException {
        Path doomed = tmp.resolve("run");
        Files.createDirectories(doomed.resolve("a/b"));
        Files.writeString(doomed.resolve("a/b/points.csv"), "lr,loss\n");
        Files.writeString(doomed.resolve("run.json"), "{}");
        Files.createDirectories(tmp.resolve("kept"));

        AtomicFiles.deleteFolder(doomed);

        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("kept");
        }
    }

    @Test
    void aMissingFolderIsAnError() {
        assertThatThrownBy(() -> AtomicFiles.deleteFolder(tmp.resolve("absent")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void writeReplacesTheTargetWithoutLeavingItsTemporaryFile() throws IOException {
        Path target = tmp.resolve("hyperparameters.json");
        Files.writeString(target, "old");
        AtomicFiles.writeString(target, "new");
        assertThat(Files.readString(target)).isEqualTo("new");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.toList()).containsExactly(target);
        }
    }
}
