package org.rangefinder.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of the files a load read, taken from their bytes as the load reads them ({@link Dataset#sha256()}).
 * A hyperparameter file records it so that a later run can tell whether the data changed. Taken there, it is the
 * SHA-256 of exactly the bytes the runs got (a file hashed after its load may have changed in between), and no
 * file is read again to hash it.
 *
 * <ul>
 *   <li>Of a table (one file): the SHA-256 of the file's bytes as stored, gzipped or not, what
 *       {@code sha256sum FILE} prints.</li>
 *   <li>Of several files: the SHA-256 of the UTF-8 text with one line {@code <sha256 of the file>  <name>\n} per
 *       file read, in the order of the names (compared character by character).
 *       <ul>
 *         <li>An image folder: every image of its class subfolders, named by its path relative to the folder,
 *             {@code /}-separated. Hidden files and the top folder's other files, which the load leaves out,
 *             are not in it. For ASCII names that is what {@code cd FOLDER && find -L . -mindepth 2 -type f
 *             -not -path '*}{@code /.*' | cut -c3- | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum}
 *             prints.</li>
 *         <li>An IDX images file: it and its labels file and, beside a {@code train-} file, the {@code t10k-}
 *             pair, each named by its file name: {@code sha256sum FILES | LC_ALL=C sort -k2 | sha256sum} in their
 *             folder.</li>
 *       </ul></li>
 * </ul>
 */
public final class DataDigest {
    private final Map<String, byte[]> files = new TreeMap<>();

    /** Adds a file read, by the name its line of the listing gives it, with the SHA-256 of its bytes. */
    void add(String name, byte[] sha256) {
        files.put(name, sha256.clone());
    }

    /** The SHA-256 of the listing of the files added, in lower-case hex (see the class comment). */
    String ofListing() {
        StringBuilder listing = new StringBuilder();
        files.forEach((name, sha256) -> listing.append(hex(sha256)).append("  ").append(name).append('\n'));
        return hex(sha256().digest(listing.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
