package org.rangefinder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paths compared as the files they name, so that an output reached through a link, or spelled {@code ./a/../b}, is
 * known to be the file, or to lie in the folder, that a load reads ({@code cli/OutputFiles}, the window's run history).
 */
public final class FileIdentity {

    private FileIdentity() {
    }

    /**
     * The file a path names: where its links lead, or, for a file not made yet, the real path of the nearest folder
     * above it that exists, with the rest of the path (so that a file in new folders is known to be inside another).
     */
    public static Path of(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? absolute : existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}
