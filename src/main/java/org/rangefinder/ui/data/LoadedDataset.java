package org.rangefinder.ui.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.rangefinder.UserInputException;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.hyperparams.DatasetSection;

/**
 * A dataset as it was loaded, with the description a hyperparameter file gives of it ({@link DatasetSection#of}: the
 * SHA-256 of the user's file or folder, the sample counts, the data options), made once, right after the load, on
 * the loading thread. An export writes this description, so that the file names the data the window loaded, even
 * once the file on disk has changed: hashing it at export time would pair the new file's SHA-256 with the sizes of
 * the data loaded before.
 *
 * <p>A run keeps the description of the data it ran on ({@link #descriptionOrNull()}), not the data, which may be
 * large: the window compares it with the description it holds.
 */
public final class LoadedDataset {
    /** Numbers the descriptions in the order they are made. */
    private static final AtomicLong DESCRIBED = new AtomicLong();

    private final String source;
    private final DataOptions options;
    private final Dataset data;
    private final DatasetSection description;
    private final UserInputException undescribed;
    private final String onDisk;
    private final long number;

    private LoadedDataset(String source, DataOptions options, Dataset data, DatasetSection description,
                          UserInputException undescribed, String onDisk) {
        this.source = source;
        this.options = options;
        this.data = data;
        this.description = description;
        this.undescribed = undescribed;
        this.onDisk = onDisk;
        this.number = DESCRIBED.incrementAndGet();
    }

    /**
     * Describes {@code data}, just loaded from {@code nameOrPath} with {@code options}. Reads the user's data again
     * to hash it: call it on the thread that loaded it, never on the FX thread. Data that cannot be described (its
     * file gone or unreadable right after it loaded) is still the data loaded, for the runs; only {@link
     * #description()} says why it has no description.
     */
    public static LoadedDataset describe(String nameOrPath, DataOptions options, Dataset data) {
        String onDisk = onDisk(nameOrPath);
        try {
            return new LoadedDataset(nameOrPath, options, data, DatasetSection.of(nameOrPath, options, data), null,
                    onDisk);
        } catch (UserInputException e) {
            return new LoadedDataset(nameOrPath, options, data, null, e, onDisk);
        }
    }

    public Dataset data() {
        return data;
    }

    /**
     * The data as it was loaded, described then.
     *
     * @throws UserInputException why it could not be described when it loaded
     */
    public DatasetSection description() {
        if (description == null) {
            throw new UserInputException(undescribed.getMessage(), undescribed);
        }
        return description;
    }

    /**
     * The description made as it loaded, or null where none could be made ({@link #description()} says why): what a
     * run keeps of the data it ran on.
     */
    public DatasetSection descriptionOrNull() {
        return description;
    }

    /**
     * Whether this data is to take the place of {@code held}, the data the window holds: it is the same dataset
     * loaded with the same options, described later, and it differs (the user's file or folder changed on disk and
     * was read anew). False for data described earlier than {@code held} (runs that got their data out of order),
     * for another dataset or other options, for the same data read again, and when nothing is held. Compares what is
     * in memory, reads no file: cheap enough for the FX thread.
     */
    public boolean supersedes(LoadedDataset held) {
        return held != null && number > held.number && source.equals(held.source) && options.equals(held.options)
                && !Objects.equals(description, held.description);
    }

    /**
     * Whether the user's file or folder has changed on disk since it was loaded: its modification time, or a file's
     * size, differs (as {@link DatasetCache} would then load it anew). A bundled dataset never changes. Reads the
     * file's attributes: not on the FX thread.
     */
    public boolean changedOnDisk() {
        return !Datasets.BUNDLED.contains(source) && !onDisk.equals(onDisk(source));
    }

    /**
     * When the user's file or folder at {@code nameOrPath} was last changed, and a file's size; empty for a bundled
     * name or a path that cannot be read (its load says why).
     */
    static String onDisk(String nameOrPath) {
        try {
            Path path = Path.of(nameOrPath);
            if (Files.exists(path)) {
                BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
                return a.lastModifiedTime() + "/" + (a.isRegularFile() ? a.size() : -1);
            }
        } catch (IOException | InvalidPathException e) {
            // a bundled name, or a path that cannot be read
        }
        return "";
    }
}
