package org.rangefinder.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rangefinder.UserInputException;

/**
 * The files a command reads and writes, checked before it runs, so that a long run does not end in an output that
 * cannot be written or that destroys a file the user made: no output may be blank, a file the command reads or
 * another output, nor a folder, a device or a pipe, and each must go into a folder that exists, or can be made, and
 * can be written.
 */
final class OutputFiles {
    private final Map<Path, String> inputs = new LinkedHashMap<>();
    private final Map<Path, String> outputs = new LinkedHashMap<>();

    /** A file the command reads, by its option; a name that is no existing file (a bundled dataset) is skipped. */
    OutputFiles reads(String option, String pathOrName) {
        return readsAs("the file " + option + " " + pathOrName + " reads", pathOrName);
    }

    /**
     * A file the command reads, in words ({@code "the dataset h.json names (data.csv)"}: a file another input names);
     * skipped as {@link #reads} skips.
     */
    OutputFiles readsAs(String description, String pathOrName) {
        if (pathOrName != null && Files.isRegularFile(Path.of(pathOrName))) {
            inputs.put(identity(Path.of(pathOrName)), description);
        }
        return this;
    }

    /** A file the command writes, by its option; null (not asked for) is skipped. */
    OutputFiles writes(String option, Path file) {
        if (file == null) {
            return this;
        }
        if (file.toString().isBlank()) {
            throw new UserInputException(option + " is blank: give a file name");
        }
        String named = option + " " + file;
        checkFollowable(named, file);
        Path key = identity(file);
        String read = inputs.get(key);
        if (read != null) {
            throw new UserInputException(named + " is " + read + ": writing it would replace it");
        }
        String written = outputs.put(key, named);
        if (written != null) {
            throw new UserInputException(named + " is the file " + written + " writes: give each output a file of "
                    + "its own");
        }
        if (Files.isDirectory(key)) {
            throw new UserInputException(named + " is a folder: give a file name");
        }
        if (Files.exists(key) && !Files.isRegularFile(key)) {
            throw new UserInputException(named + " is not a regular file (a device or a pipe): give a file name");
        }
        if (Files.exists(key) && !Files.isWritable(key)) {
            throw new UserInputException(named + " is read-only: make it writable, or give another file name");
        }
        Path folder = key.getParent();
        while (!Files.exists(folder)) {
            folder = folder.getParent();
        }
        if (!Files.isDirectory(folder)) {
            throw new UserInputException(named + ": " + folder + " is a file, not a folder");
        }
        if (!Files.isWritable(folder) || !takesNewFiles(folder)) {
            throw new UserInputException(named + ": no new file can be made in the folder " + folder);
        }
        return this;
    }

    /**
     * Refuses a path through a symbolic link that cannot be followed to its end (links that lead back to each
     * other), which the write would only find after the run. A link to a file not made yet is fine: the write makes
     * that file.
     */
    private static void checkFollowable(String named, Path file) {
        for (Path p = file.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                try {
                    p.toRealPath();
                } catch (NoSuchFileException notMadeYet) {
                    return;
                } catch (IOException e) {
                    throw new UserInputException(named + ": the symbolic link " + p + " leads in a loop (or through "
                            + "too many links); give a file name");
                }
            }
        }
    }

    /** Whether a file can be made in {@code folder} (root may write where no file can be made, as in /proc). */
    private static boolean takesNewFiles(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, ".rangefinder-check-", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The file a path names: where its links lead, or, for a file not made yet, its folder's real path and name. */
    private static Path identity(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
            Path parent = absolute.getParent();
            return Files.exists(parent) ? parent.toRealPath().resolve(absolute.getFileName()) : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }
}
