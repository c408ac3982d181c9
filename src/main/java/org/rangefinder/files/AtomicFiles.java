package org.rangefinder.files;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.rangefinder.UserInputException;

/**
 * Writes files so that a reader never sees a half-written one: the content goes to a temporary file in the same
 * folder, is forced to disk, and then replaces the target in one move. If anything fails before the move (a full
 * disk, an exception in the writer), the temporary file is deleted and an existing target is left as it was; a JVM
 * about to halt in the middle of writes removes theirs with {@link #abandonWrites}.
 * A target that is a symbolic link is written where the link points (the link stays); an existing file keeps its
 * permissions, and a new one gets the process's usual ones. A folder, a device or a pipe is not written over.
 * Folders are deleted the same way round: first moved out of sight, then emptied.
 */
public final class AtomicFiles {

    /** Writes the content of a file through an output stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The most characters of a target's name that its temporary file's name keeps. */
    private static final int NAME_KEPT = 64;

    /** The temporary files of the writes in progress, and their targets as given. */
    private static final Map<Path, Path> IN_PROGRESS = new LinkedHashMap<>();

    private AtomicFiles() {
    }

    /**
     * Writes the content of a file into the file itself, by its path, which it may write whole, reopen and change
     * (DL4J's additions to a model zip work on files).
     */
    @FunctionalInterface
    public interface PathWriter {
        void writeTo(Path file) throws IOException;
    }

    /**
     * Writes {@code target} atomically.
     *
     * @throws UserInputException naming the file, when it cannot be written: its folder cannot be made or written,
     *                            it is a folder or not a regular file, the disk is full
     */
    public static void write(Path target, Writer writer) throws IOException {
        writeTemporary(target, tmp -> {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                BufferedOutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel));
                // writers such as DL4J's ModelSerializer close the stream they are given; keep the channel open
                // until the content is forced to disk
                writer.writeTo(new FilterOutputStream(buffered) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        buffered.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        buffered.flush();
                    }
                });
                buffered.flush();
                channel.force(true);
            }
        });
    }

    /**
     * Writes {@code target} atomically, as {@link #write(Path, Writer)} does, {@code writer} writing the temporary file
     * beside it by its path; the file is then forced to disk. It is one of the writes in progress from the start, so
     * that {@link #abandonWrites} removes it however far {@code writer} got.
     *
     * @throws UserInputException as {@link #write(Path, Writer)}
     */
    public static void writeByPath(Path target, PathWriter writer) throws IOException {
        writeTemporary(target, tmp -> {
            writer.writeTo(tmp);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        });
    }

    /**
     * Makes the temporary file of a write of {@code target} beside it, as one of the writes in progress, has
     * {@code writer} write it to disk, and moves it over the target; deletes it when anything fails.
     */
    private static void writeTemporary(Path target, PathWriter writer) throws IOException {
        Path file = destination(target);
        Path dir = file.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            synchronized (IN_PROGRESS) {
                tmp = newTemporary(dir, file.getFileName().toString());
                IN_PROGRESS.put(tmp, target);
            }
            boolean replacing = Files.exists(file);
            if (replacing) {
                keepPermissions(file, tmp);
            }
            try {
                writer.writeTo(tmp);
                if (replacing) { // again: a writer by path may have made its file anew (DL4J's additions to a zip do)
                    keepPermissions(file, tmp);
                }
            } catch (IOException | RuntimeException e) { // as it finds its file gone, when abandonWrites deleted it
                synchronized (IN_PROGRESS) {
                    if (!IN_PROGRESS.containsKey(tmp)) {
                        throw stopped(target);
                    }
                }
                throw e;
            }
            synchronized (IN_PROGRESS) {
                if (IN_PROGRESS.remove(tmp) == null) {
                    throw stopped(target);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) { // a full disk or a file size limit is a plain IOException on Linux
            throw new UserInputException("cannot write " + target + ": " + reason(e), e);
        } finally {
            if (tmp != null) {
                synchronized (IN_PROGRESS) {
                    IN_PROGRESS.remove(tmp);
                }
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** The refusal of a write of {@code target} that {@link #abandonWrites} stopped. */
    private static UserInputException stopped(Path target) {
        return new UserInputException("cannot write " + target + ": the program stopped before it was written");
    }

    /**
     * Stops the writes in progress: deletes their temporary files, so that none is left beside its target, and makes
     * them fail rather than replace it; then runs {@code then} with their targets, as given, while no write can start
     * or end (the command line halts the JVM there, on a second Ctrl-C).
     */
    public static void abandonWrites(Consumer<List<Path>> then) {
        synchronized (IN_PROGRESS) {
            List<Path> targets = new ArrayList<>();
            IN_PROGRESS.forEach((tmp, target) -> {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the writer deletes it in the end, if it gets there
                }
                targets.add(target);
            });
            IN_PROGRESS.clear();
            then.accept(targets);
        }
    }

    /**
     * The file a write of {@code target} replaces: where a symbolic link points (followed to the end), else the
     * target itself, as an absolute path; refused when it exists and is not a regular file.
     */
    static Path destination(Path target) throws IOException {
        Path file = target.toAbsolutePath();
        for (int links = 0; Files.isSymbolicLink(file); links++) {
            if (links == 40) {
                throw new UserInputException("cannot write " + target + ": too many symbolic links");
            }
            file = file.resolveSibling(Files.readSymbolicLink(file)).toAbsolutePath().normalize();
        }
        if (Files.isDirectory(file)) {
            throw new UserInputException("cannot write " + target + ": it is a folder; give a file name");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new UserInputException("cannot write " + target + ": it is not a regular file (a device or a "
                    + "pipe); give a file name");
        }
        return file;
    }

    /**
     * Tries, before a long run, the names a write of a file named {@code name} in {@code folder} will make there: its
     * temporary file, made as {@link #write} makes it and deleted, and, when there is no such file yet, {@code name}
     * itself, which that file is renamed to and then deleted. A name too long for the file system, or a folder that
     * takes no new file, fails here rather than after the run.
     *
     * @throws IOException when either name cannot be made
     */
    public static void tryNames(Path folder, String name) throws IOException {
        Path tmp = newTemporary(folder, name);
        try {
            Path file = folder.resolve(name);
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(tmp, file);
                Files.delete(file);
            }
        } catch (FileAlreadyExistsException madeMeanwhile) {
            // the name is taken, so it can be made
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new empty file beside the target, with the process's usual permissions (a temporary file's are 0600), named
     * {@code .NAME.RANDOM.tmp} after the target's name, of which at most {@value #NAME_KEPT} characters are kept: a
     * name of up to 255 bytes is legal on most file systems, and its temporary file's must be too. That name is at
     * most 1 + 64 + 1 + 13 (a 64-bit number in base 36) + 4 = 83 characters, and 64 x 3 + 19 = 211 bytes in UTF-8.
     */
    private static Path newTemporary(Path dir, String name) throws IOException {
        int kept = Math.min(name.length(), NAME_KEPT);
        String stem = name.substring(0, kept > 0 && Character.isHighSurrogate(name.charAt(kept - 1)) ? kept - 1 : kept);
        while (true) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path tmp = dir.resolve("." + stem + "." + suffix + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException taken) {
                // another name
            }
        }
    }

    private static void keepPermissions(Path from, Path to) throws IOException {
        if (Files.getFileStore(from).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }

    /**
     * What went wrong with a file, in words and without the exception's class: {@code permission denied},
     * {@code /a/b is a file, not a folder}, or what the file system said.
     */
    public static String reason(IOException e) {
        if (!(e instanceof FileSystemException fs)) {
            return e.getMessage();
        }
        return reason(fs);
    }

    private static String reason(FileSystemException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            Path missing = Path.of(e.getFile());
            // our temporary file cannot be made, though its folder is there (a file system such as /proc)
            return missing.getFileName().toString().endsWith(".tmp") && Files.isDirectory(missing.getParent())
                    ? "no new file can be made in the folder " + missing.getParent() : "no such folder " + missing;
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return e.getFile() + " is a file, not a folder";
        }
        return e.getReason() != null ? e.getReason() : e.getMessage();
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Deletes one file or empty folder; tests stand in one that fails where the file system would. */
    @FunctionalInterface
    interface Deleter {
        void delete(Path path) throws IOException;
    }

    /**
     * Deletes a folder and everything in it. The folder is first renamed to {@code .deleting-NAME} beside it, so that
     * a deletion cut short leaves nothing half deleted under its own name. When something in it cannot be deleted,
     * what is left is renamed back, so that it is still found where it was, and the message says what was kept.
     *
     * @throws NoSuchFileException when there is no such folder
     * @throws UserInputException  naming the folder (or the file in it) and why, when it cannot be deleted: its
     *                             parent folder cannot be changed, or a file in it cannot be deleted
     */
    public static void deleteFolder(Path folder) throws IOException {
        deleteFolder(folder, null, Files::delete);
    }

    /**
     * Deletes a folder as {@link #deleteFolder(Path)} does, the file {@code last} in it (a run's record) after all
     * the others, so that a deletion that fails part way keeps it.
     */
    public static void deleteFolder(Path folder, String last) throws IOException {
        deleteFolder(folder, last, Files::delete);
    }

    static void deleteFolder(Path folder, String last, Deleter deleter) throws IOException {
        Path absolute = folder.toAbsolutePath();
        Path doomed = absolute.resolveSibling(".deleting-" + absolute.getFileName());
        try {
            Files.move(absolute, doomed);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new UserInputException("cannot delete " + folder + ": " + reason(e)
                    + (e instanceof AccessDeniedException ? " (its folder " + absolute.getParent() + " cannot be "
                    + "changed)" : ""), e);
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(doomed)) {
            Path kept = last == null ? null : doomed.resolve(last);
            paths = walk.sorted(Comparator.comparing((Path p) -> p.equals(kept) || p.equals(doomed))
                    .thenComparing(Comparator.reverseOrder())).toList();
        }
        int deleted = 0;
        for (Path p : paths) {
            try {
                deleter.delete(p);
                deleted++;
            } catch (IOException e) {
                Path inFolder = absolute.resolve(doomed.relativize(p));
                String kept;
                try {
                    Files.move(doomed, absolute);
                    kept = deleted == 0 ? "nothing was deleted" : deleted + " of its " + (paths.size() - 1)
                            + " files and folders " + (deleted == 1 ? "was" : "were") + " deleted, the rest is kept";
                } catch (IOException moveBack) {
                    kept = "what is left is in " + doomed;
                }
                throw new UserInputException("cannot delete " + folder + ": " + inFolder + ": " + reason(e) + "; "
                        + kept, e);
            }
        }
    }
}
