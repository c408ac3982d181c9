package org.rangefinder.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.UserInputException;

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

    /** A file that cannot be deleted left the folder renamed .deleting-NAME, out of sight and undeletable. */
    @Test
    void aFolderThatCannotBeEmptiedIsRenamedBackWithWhatIsLeft() throws IOException {
        Path run = tmp.resolve("run");
        Files.createDirectories(run.resolve("locked"));
        Files.writeString(run.resolve("locked/model.zip"), "weights");
        Files.writeString(run.resolve("curve.csv"), "lr,loss\n");
        Path locked = run.resolve("locked/model.zip");
        AtomicFiles.Deleter refusing = p -> {
            if (p.endsWith("locked/model.zip")) {
                throw new java.nio.file.AccessDeniedException(p.toString());
            }
            Files.delete(p);
        };

        assertThatThrownBy(() -> AtomicFiles.deleteFolder(run, null, refusing)).isInstanceOf(UserInputException.class)
                .hasMessage("cannot delete " + run + ": " + locked + ": permission denied; nothing was deleted");
        assertThat(Files.readString(locked)).isEqualTo("weights");
        assertThat(run.resolve("curve.csv")).exists();

        // run.json sorts after locked/ and goes first: the rest is kept, under the folder's own name
        Files.writeString(run.resolve("run.json"), "{}");
        assertThatThrownBy(() -> AtomicFiles.deleteFolder(run, null, refusing))
                .hasMessage("cannot delete " + run + ": " + locked + ": permission denied; 1 of its 4 files and "
                        + "folders was deleted, the rest is kept");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("run");
        }
        assertThat(locked).exists();
        assertThat(run.resolve("run.json")).doesNotExist();

        // named last (a run's record), it is kept while anything else is: the run still lists
        Files.writeString(run.resolve("run.json"), "{}");
        assertThatThrownBy(() -> AtomicFiles.deleteFolder(run, "run.json", refusing))
                .hasMessageEndingWith("nothing was deleted");
        assertThat(run.resolve("run.json")).exists();
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

    /** The temporary file keeps only the start of the name: a legal name of 250 characters is written. */
    @Test
    void aLongNameIsWritten() throws IOException {
        Path target = tmp.resolve("a".repeat(245) + ".json");
        AtomicFiles.writeString(target, "new");
        AtomicFiles.tryNames(tmp, "b".repeat(250));
        assertThat(Files.readString(target)).isEqualTo("new");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.toList()).containsExactly(target);
        }
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStays() throws IOException {
        Path real = Files.writeString(tmp.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(tmp.resolve("link.json"), real.getFileName());
        AtomicFiles.writeString(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }

    @Test
    void anExistingFileKeepsItsPermissionsAndANewOneGetsTheUsualOnes() throws IOException {
        Path shared = Files.writeString(tmp.resolve("shared.csv"), "old");
        Set<PosixFilePermission> readable = PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(shared, readable);
        AtomicFiles.writeString(shared, "new");
        assertThat(Files.getPosixFilePermissions(shared)).isEqualTo(readable);

        Path usual = Files.createFile(tmp.resolve("usual"));
        Path written = tmp.resolve("new.csv");
        AtomicFiles.writeString(written, "new");
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(usual));
    }

    @Test
    void whatCannotBeWrittenIsRefusedNamingIt() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("results"));
        assertThatThrownBy(() -> AtomicFiles.writeString(folder, "x")).isInstanceOf(UserInputException.class)
                .hasMessage("cannot write " + folder + ": it is a folder; give a file name");
        Path file = Files.writeString(tmp.resolve("data.csv"), "a,b\n");
        Path under = file.resolve("model.zip");
        assertThatThrownBy(() -> AtomicFiles.writeString(under, "x")).isInstanceOf(UserInputException.class)
                .hasMessage("cannot write " + under + ": " + file + " is a file, not a folder");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("results",
                    "data.csv");
        }
    }

    /**
     * DL4J's additions to a model zip delete the file and make it anew: the target's permissions are kept all the
     * same, as by any other write.
     */
    @Test
    void aFileWrittenByItsPathAndMadeAnewKeepsTheTargetsPermissions() throws IOException {
        Path model = Files.writeString(tmp.resolve("model.zip"), "old");
        Set<PosixFilePermission> own = PosixFilePermissions.fromString("rw-------");
        Files.setPosixFilePermissions(model, own);
        AtomicFiles.writeByPath(model, file -> {
            Files.delete(file);
            Files.writeString(file, "new");
        });
        assertThat(Files.readString(model)).isEqualTo("new");
        assertThat(Files.getPosixFilePermissions(model)).isEqualTo(own);
    }

    /** Linux reports a full disk (or a file over the size limit) as a plain IOException, not a FileSystemException. */
    @Test
    void aWriteThatFailsHalfWayIsRefusedNamingTheFileAndLeavesTheOldOne() throws IOException {
        Path file = Files.writeString(tmp.resolve("result.json"), "old");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("new, half".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).isInstanceOf(UserInputException.class).hasMessage("cannot write " + file + ": No space left on device");
        assertThat(Files.readString(file)).isEqualTo("old");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("result.json");
        }
    }

    /**
     * A model zip was staged in the system's temporary folder, where a JVM that a second Ctrl-C halted left it, and a
     * full disk there failed saves to any other. A file written by its path is written as the temporary file beside
     * its target, one of the writes in progress from the start, which {@link AtomicFiles#abandonWrites} removes.
     */
    @Test
    void aFileWrittenByItsPathIsTheTemporaryFileBesideItsTargetAndIsAbandonedWithTheOthers() throws IOException {
        Path target = Files.writeString(tmp.resolve("model.zip"), "old");
        List<Path> staged = new ArrayList<>();
        List<Path> abandoned = new ArrayList<>();

        assertThatThrownBy(() -> AtomicFiles.writeByPath(target, file -> {
            Files.writeString(file, "new, half of it");
            staged.add(file);
            AtomicFiles.abandonWrites(abandoned::addAll);
            Files.readAllBytes(file); // as DL4J's additions to a zip read it again
        })).isInstanceOf(UserInputException.class)
                .hasMessage("cannot write " + target + ": the program stopped before it was written");

        assertThat(staged).singleElement().satisfies(file -> {
            assertThat(file.getParent()).isEqualTo(tmp.toAbsolutePath());
            assertThat(file.getFileName().toString()).matches("\\.model\\.zip\\.[0-9a-z]+\\.tmp");
        });
        assertThat(abandoned).containsExactly(target);
        assertThat(Files.readString(target)).isEqualTo("old");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("model.zip");
        }
        // left alone, it replaces the target
        AtomicFiles.writeByPath(target, file -> Files.writeString(file, "new"));
        assertThat(Files.readString(target)).isEqualTo("new");
    }
}
