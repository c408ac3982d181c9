package org.rangefinder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Files read to their end, checked before they are opened: a device such as {@code /dev/zero} never ends, and opening
 * a pipe waits until something opens it to write, which may be never; neither a Ctrl-C nor a {@code kill} can end
 * that wait.
 */
public final class RegularFiles {

    private RegularFiles() {
    }

    /**
     * The attributes of {@code file}, where its links lead; a folder, a device and a pipe are refused before a byte is
     * read.
     *
     * @throws UserInputException naming the file, for a folder or a file that is no regular file
     * @throws NoSuchFileException when there is no such file
     * @throws IOException when its attributes cannot be read
     */
    public static BasicFileAttributes attributes(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new UserInputException(file + ": is a folder, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new UserInputException(file + ": not a regular file (a device or a pipe)");
        }
        return attributes;
    }
}
