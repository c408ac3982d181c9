package org.rangefinder.hyperparams;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rangefinder.UserInputException;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.files.Json;
import org.rangefinder.files.StrictJson;
import org.rangefinder.train.EpochRecord;

/**
 * Writes {@link Hyperparameters} as JSON, atomically, and reads them back through {@link StrictJson}, with one clear
 * message per problem: each names the file and the field path ({@code h.json: oneCycle.pctStart must be between 0
 * and 1 (both excluded), got 1.5}), or the line and column of malformed JSON. Numbers are never coerced:
 * {@code "0.3"} is a string, {@code 2.5} is not an integer. Fields this version does not know (added by a newer minor
 * version of the schema) are ignored and reported as warnings; a missing or newer {@code schemaVersion} is refused.
 */
public final class HyperparameterFile {

    /** A file read back: its content and the warnings about it (ignored unknown fields), one line each. */
    public record ReadResult(Hyperparameters hyperparameters, List<String> warnings) {
        public ReadResult {
            warnings = List.copyOf(warnings);
        }
    }

    private static final String EXPECTED = "a JSON object of hyperparameters";

    private HyperparameterFile() {
    }

    /** Writes the file atomically: a failure part-way leaves an existing file as it was. */
    public static void write(Path file, Hyperparameters h) throws IOException {
        AtomicFiles.write(file, out -> writeTo(out, h));
    }

    /** Writes the JSON to a stream (the caller closes it). */
    public static void writeTo(OutputStream out, Hyperparameters h) throws IOException {
        Json.MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, h);
    }

    /**
     * Whether {@code file} looks like a hyperparameter file: a {@code .json} file holding a JSON object with a
     * {@code oneCycle} section (read as {@link #read} reads it: a byte order mark skipped, a file too large refused). A
     * file that cannot be read or parsed does not.
     */
    public static boolean looksLike(Path file) {
        if (!Files.isRegularFile(file) || !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return false;
        }
        try {
            return Json.MAPPER.readTree(StrictJson.readText(file)).has("oneCycle");
        } catch (IOException | UserInputException e) {
            return false;
        }
    }

    public static ReadResult read(Path file) {
        return parse(StrictJson.readText(file), file.toString());
    }

    /**
     * Reads hyperparameters from JSON text.
     *
     * @param source what the messages call the text: the file name, or e.g. "clipboard"
     */
    public static ReadResult parse(String text, String source) {
        ObjectNode tree;
        try {
            tree = StrictJson.readObject(text, source, EXPECTED);
        } catch (UserInputException strict) {
            // a result file may hold a bare NaN loss (Python's json writes one so), which the strict reading refuses:
            // read again taking it, to say what the file is instead; where that reading fails too, its message is
            // the one given, as when it came first
            refuseResultFile(StrictJson.readObject(text, source, EXPECTED, true), source);
            throw strict;
        }
        refuseResultFile(tree, source);
        StrictJson.checkVersion(tree, source, Hyperparameters.SCHEMA_VERSION, "hyperparameter file");
        // an epoch's validation loss that blew up is written "NaN" or "Infinity"
        Hyperparameters h = StrictJson.bind(tree, Hyperparameters.class, source, Set.of(EpochRecord.class));
        List<String> warnings = new ArrayList<>();
        for (String field : StrictJson.unknownFields(tree, Hyperparameters.class, "")) {
            warnings.add(source + ": ignored unknown field '" + field + "' (written by a newer Rangefinder?)");
        }
        return new ReadResult(h, warnings);
    }

    /**
     * Refuses the result file of a range test ({@code runs}) or of a training ({@code config} and {@code iterations}),
     * given where a hyperparameter file was asked for, saying which command writes one from it; a field of its own
     * would be reported missing otherwise, which does not say what went wrong.
     */
    private static void refuseResultFile(ObjectNode tree, String source) {
        if (tree.has("oneCycle")) {
            return;
        }
        String command = tree.has("runs") ? "range-test"
                : tree.has("config") && tree.has("iterations") ? "train" : null;
        if (command != null) {
            throw new UserInputException(source + " is the result of a " + command + " (" + command + " --out), not a "
                    + "hyperparameter file: " + command + " --hyperparams-out FILE.json writes one");
        }
    }
}
