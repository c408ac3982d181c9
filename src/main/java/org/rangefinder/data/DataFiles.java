package org.rangefinder.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.rangefinder.RegularFiles;
import org.rangefinder.UserInputException;

/** Opening data files, gzipped or not, and turning I/O failures into messages that name the file. */
final class DataFiles {

    private static final int BUFFER = 1 << 16;
    private static final int PIECE = 1 << 20;

    private DataFiles() {
    }

    /**
     * A buffered stream of the file's content, decompressed when the file is gzipped. Gzip is recognised by its
     * magic bytes (1f 8b), not by the name, so a misnamed file still reads.
     */
    static InputStream open(Path file) throws IOException {
        return contentOf(stored(file));
    }

    /**
     * The stored bytes of a data file, opened once it is known to be a regular file ({@link RegularFiles}): a pipe
     * named {@code data.csv} would hold the open forever, and {@code /dev/zero} would never end.
     */
    private static InputStream stored(Path file) throws IOException {
        RegularFiles.attributes(file);
        return Files.newInputStream(file);
    }

    /** The content of a file's stored bytes, as {@link #open} gives it; closing it closes {@code stored}. */
    private static InputStream contentOf(InputStream stored) throws IOException {
        InputStream in = new BufferedInputStream(stored, BUFFER);
        try {
            in.mark(2);
            boolean gzipped = startsGzipped(in);
            in.reset();
            return gzipped ? new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER) : in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /**
     * A file opened as {@link #open} opens it, the SHA-256 of its bytes as stored taken as they pass, below the
     * buffering and the decompression.
     */
    static final class Hashed implements Closeable {
        private final MessageDigest digest = DataDigest.sha256();
        private final InputStream stored;
        private final InputStream content;

        Hashed(Path file) throws IOException {
            stored = new DigestInputStream(stored(file), digest);
            content = contentOf(stored);
        }

        /** The file's content, decompressed when it is gzipped. */
        InputStream content() {
            return content;
        }

        /**
         * The SHA-256 of the whole file, once its content has been read: reads what the content left of the file
         * (bytes after a gzip stream's end, which the decompression does not read) to hash them too.
         */
        byte[] digest() throws IOException {
            stored.transferTo(OutputStream.nullOutputStream());
            return digest.digest();
        }

        @Override
        public void close() throws IOException {
            content.close();
        }
    }

    /** The bytes of a file, whole, with their SHA-256 added to {@code into} under {@code name}. */
    static byte[] readHashed(Path file, DataDigest into, String name) throws IOException {
        RegularFiles.attributes(file);
        byte[] bytes = Files.readAllBytes(file);
        into.add(name, DataDigest.sha256().digest(bytes));
        return bytes;
    }

    /** The size of the file's content when it is not gzipped (its size on disk); -1 when it is gzipped. */
    static long plainSize(Path file) throws IOException {
        try (InputStream in = stored(file)) {
            return startsGzipped(in) ? -1 : Files.size(file);
        }
    }

    /** Whether the next two bytes of {@code in} are gzip's magic number, 1f 8b (it reads them). */
    private static boolean startsGzipped(InputStream in) throws IOException {
        return in.read() == 0x1f && in.read() == 0x8b;
    }

    /** Ends a load that is no longer wanted: throws {@link CancellationException} when {@code loading} says so. */
    static void stopIfCancelled(Loading loading, Path source) {
        if (loading.cancelled()) {
            throw new CancellationException("loading " + source + " cancelled");
        }
    }

    /**
     * The next {@code count} bytes of {@code in}, or fewer where it ends first; read in pieces of a megabyte, with
     * {@link #stopIfCancelled} and the megabytes read so far between them, into an array that grows as the bytes
     * arrive (a header that announces more than the file holds allocates no more than twice what is there).
     */
    static byte[] readBytes(InputStream in, int count, Loading loading, Path source) throws IOException {
        byte[] bytes = new byte[Math.min(count, PIECE)];
        int read = 0;
        while (read < count) {
            stopIfCancelled(loading, source);
            loading.progress(read / PIECE, ((long) count + PIECE - 1) / PIECE, "MB");
            if (read == bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(count, 2L * bytes.length));
            }
            int n = in.readNBytes(bytes, read, Math.min(bytes.length - read, PIECE));
            if (n == 0) {
                break;
            }
            read += n;
        }
        return read == bytes.length ? bytes : Arrays.copyOf(bytes, read);
    }

    /** The message for a file that could not be read. */
    static UserInputException unreadable(Path file, IOException e) {
        String why;
        if (e instanceof NoSuchFileException) {
            why = "file not found";
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof ZipException) {
            why = "not a valid gzip file (" + e.getMessage() + ")";
        } else if (e instanceof FileSystemLoopException) {
            why = e.getMessage() + " is a link back to a folder above it";
        } else if (e instanceof EOFException) {
            why = "the file ends too early (truncated?)";
        } else if (e instanceof CharacterCodingException) {
            long line = firstLineNotUtf8(file);
            why = line > 0 ? "line " + line + ": not UTF-8 text; save the file as UTF-8"
                    : "not UTF-8 text; save the file as UTF-8";
        } else {
            why = "cannot be read (" + e.getMessage() + ")";
        }
        return new UserInputException(file + ": " + why, e);
    }

    /**
     * The number of the first line of a text file that is not valid UTF-8, or 0 when none is (or the file cannot be
     * read again). A reader decodes ahead of the lines it returns, so this reads the file a second time, a line at a
     * time: a newline byte never occurs inside a UTF-8 sequence.
     */
    static long firstLineNotUtf8(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        try (InputStream in = open(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long number = 1;
            for (int b = in.read(); ; b = in.read()) {
                if (b == '\n' || b < 0) {
                    try {
                        decoder.decode(ByteBuffer.wrap(line.toByteArray()));
                    } catch (CharacterCodingException e) {
                        return number;
                    }
                    if (b < 0) {
                        return 0;
                    }
                    line.reset();
                    number++;
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            return 0;
        }
    }

    /** The lower-case file name without a trailing {@code .gz}: {@code digits.csv.gz} gives {@code digits.csv}. */
    static String baseName(Path file) {
        return withoutGz(file.getFileName().toString().toLowerCase(Locale.ROOT));
    }

    static String withoutGz(String fileName) {
        return fileName.endsWith(".gz") ? fileName.substring(0, fileName.length() - 3) : fileName;
    }
}
