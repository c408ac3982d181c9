package org.rangefinder.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rangefinder.FileIdentity;
import org.rangefinder.UserInputException;
import org.rangefinder.data.Datasets;
import org.rangefinder.files.AtomicFiles;

/**
 * The files a command reads and writes, checked before it runs, so that a long run does not end in an output that
 * cannot be written or that destroys a file the user made: no output may be blank, a file the command reads (a
 * dataset's every file: an IDX labels file, the test pair beside it) or another output, nor lie in an image folder
 * the command reads, nor be a folder, a device or a pipe, and each must go into a folder that exists, or can be made,
 * and can be written. Nor may a folder the command makes files in (the run history's) be, or lie in, an image folder
 * it reads. What is hidden in an image folder (a name on the way there starts with a dot: {@code images/.runs}) is
 * outside it here: its load leaves that unread.
 */
final class OutputFiles {
    private final Map<Path, String> inputs = new LinkedHashMap<>();
    /** Folders the command reads, nothing in which may be written: image folders. */
    private final Map<Path, String> folders = new LinkedHashMap<>();
    private final Map<Path, String> outputs = new LinkedHashMap<>();

    /** A file the command reads, by its option; null or a path that is no existing file is skipped. */
    OutputFiles reads(String option, String path) {
        if (path != null && Files.isRegularFile(Path.of(path))) {
            inputs.put(FileIdentity.of(Path.of(path)), "the file " + option + " " + path + " reads");
        }
        return this;
    }

    /**
     * The dataset the command loads, by its option: every file its load reads ({@link Datasets#filesRead}), or, for
     * an image folder, the folder; null or a name that is no dataset is skipped.
     */
    OutputFiles readsDataset(String option, String nameOrPath) {
        String reads = option + " " + nameOrPath + " reads";
        return readsDataset("the file " + reads, "a file " + reads, "the image folder " + reads, nameOrPath);
    }

    /** The dataset a hyperparameter file names, read as {@link #readsDataset(String, String)} reads one. */
    OutputFiles readsDatasetOf(Path hyperparameterFile, String nameOrPath) {
        String named = "the dataset " + hyperparameterFile + " names (" + nameOrPath + ")";
        return readsDataset(named, "a file of " + named, named, nameOrPath);
    }

    /**
     * The files and the image folder that a load of {@code nameOrPath} reads, each with the words that name it.
     *
     * @param theFile   the file {@code nameOrPath} names, in words
     * @param aFile     another file its load reads (an IDX labels file), in words
     * @param theFolder the image folder {@code nameOrPath} names, in words
     */
    private OutputFiles readsDataset(String theFile, String aFile, String theFolder, String nameOrPath) {
        List<Path> read = Datasets.filesRead(nameOrPath);
        for (Path path : read) {
            if (Files.isDirectory(path)) {
                folders.put(FileIdentity.of(path), theFolder);
            } else {
                inputs.putIfAbsent(FileIdentity.of(path), path.equals(read.get(0)) ? theFile : aFile);
            }
        }
        return this;
    }

    /**
     * Refuses a blank file name given to {@code option}, read or written: as a path it names the current folder, and
     * the refusal would say so ("is a folder") without naming the option. Null (not given) passes.
     */
    static void requireName(String option, Path file) {
        if (file != null && file.toString().isBlank()) {
            throw new UserInputException(option + " is blank: give a file name");
        }
    }

    /** A file the command writes, by its option; null (not asked for) is skipped. */
    OutputFiles writes(String option, Path file) {
        if (file == null) {
            return this;
        }
        requireName(option, file);
        String named = option + " " + file;
        checkFollowable(named, file);
        Path key = FileIdentity.of(file);
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
        requireOutsideFolders(named, key, "a file outside it");
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
        if (!Files.isWritable(folder)) {
            throw new UserInputException(named + ": no new file can be made in the folder " + folder);
        }
        try {
            // each name the write will make: the file's, and those of the folders it makes first, tried where the
            // first of them goes (a name too long for the file system fails there as it would below)
            for (Path name : folder.relativize(key)) {
                AtomicFiles.tryNames(folder, name.toString());
            }
        } catch (IOException e) {
            throw new UserInputException(named + ": " + AtomicFiles.reason(e));
        }
        return this;
    }

    /**
     * A folder the command makes files in, in folders of their own (the run history's: {@code named}, in words), that
     * must not be, nor lie in, an image folder the command reads: the files would be read as its samples, and the
     * next load fail on them. A folder that holds the image folder is fine, and so is one hidden in it, which its load
     * leaves unread ({@link Datasets#hiddenInImageFolder}: {@code images/.runs}).
     *
     * @param give what to give instead, in words: "a folder outside it"
     */
    OutputFiles writesInto(String named, Path folder, String give) {
        requireOutsideFolders(named, FileIdentity.of(folder), give);
        return this;
    }

    /**
     * Refuses {@code key}, an output's {@link FileIdentity#of}, that is or lies in an image folder the command
     * reads, but where the folder's load does not look ({@link Datasets#changesImageFolder}).
     *
     * @param give what to give instead, in words: "a file outside it"
     */
    private void requireOutsideFolders(String named, Path key, String give) {
        for (Map.Entry<Path, String> folder : folders.entrySet()) {
            if (Datasets.changesImageFolder(folder.getKey(), key)) {
                throw new UserInputException(named + (key.equals(folder.getKey()) ? " is " : " is inside ")
                        + folder.getValue() + ": writing there would change the dataset; give " + give);
            }
        }
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
}
