package org.rangefinder.ui.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.rangefinder.data.DataOptions;
import org.rangefinder.data.Dataset;
import org.rangefinder.data.Datasets;
import org.rangefinder.data.Loading;
import org.rangefinder.hyperparams.DatasetSection;

/**
 * A dataset as it was loaded, with the description a hyperparameter file gives of it ({@link DatasetSection#of}: the
 * SHA-256 of the user's files taken as they were read, the sample counts, the data options), made once, right after
 * the load. An export writes this description, so that the file names the data the window loaded, even once the
 * file on disk has changed: hashing it at export time would pair the new file's SHA-256 with the sizes of the data
 * loaded before.
 *
 * <p>A run keeps the description of the data it ran on ({@link #description()}), not the data, which may be large:
 * the window compares it with the description it holds.
 */
public final class LoadedDataset {
    /** Numbers the descriptions in the order they are made. */
    private static final AtomicLong DESCRIBED = new AtomicLong();

    private final String source;
    private final DataOptions options;
    private final Dataset data;
    private final DatasetSection description;
    private final String onDisk;
    private final long number;

    private LoadedDataset(String source, DataOptions options, Dataset data, String onDisk) {
        this.source = source;
        this.options = options;
        this.data = data;
        this.description = DatasetSection.of(source, options, data);
        this.onDisk = onDisk;
        this.number = DESCRIBED.incrementAndGet();
    }

    /**
     * Loads {@code nameOrPath} with {@code options} from {@code source} and describes it. The attributes of the
     * user's file or folder ({@link #changedOnDisk}) are read before the load, so that a file changed while it loads
     * (still being written as the user dropped it) counts as changed, and the next run reads it anew. Not on the FX
     * thread.
     */
    public static LoadedDataset load(DatasetSource source, String nameOrPath, DataOptions options, Loading loading) {
        String onDisk = onDisk(nameOrPath);
        return new LoadedDataset(nameOrPath, options, source.load(nameOrPath, options, loading), onDisk);
    }

    public Dataset data() {
        return data;
    }

    /** The data as it was loaded, described then: what a run keeps of the data it ran on. */
    public DatasetSection description() {
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
