package org.rangefinder.hyperparams;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.rangefinder.UserInputException;
import org.rangefinder.Version;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.files.Json;

/**
 * Writes {@link Hyperparameters} as JSON, atomically, and reads them back with one clear message per problem: each
 * names the file and the field path ({@code h.json: oneCycle.pctStart must be between 0 and 1 (both excluded), got
 * 1.5}), or the line and column of malformed JSON. Numbers are never coerced: {@code "0.3"} is a string, {@code 2.5}
 * is not an integer. Fields this version does not know (added by a newer minor version of the schema) are ignored
 * and reported as warnings; a newer {@code schemaVersion} is refused.
 */
public final class HyperparameterFile {

    /** A file read back: its content and the warnings about it (ignored unknown fields), one line each. */
    public record ReadResult(Hyperparameters hyperparameters, List<String> warnings) {
        public ReadResult {
            warnings = List.copyOf(warnings);
        }
    }

    private static final ObjectMapper READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

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

    public static ReadResult read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": file not found");
        } catch (CharacterCodingException e) {
            throw new UserInputException(file + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return parse(text, file.toString());
    }

    /**
     * Reads hyperparameters from JSON text.
     *
     * @param source what the messages call the text: the file name, or e.g. "clipboard"
     */
    public static ReadResult parse(String text, String source) {
        JsonNode tree;
        try {
            tree = READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(source, e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new UserInputException(source + ": empty; expected a JSON object of hyperparameters");
        }
        if (!tree.isObject()) {
            throw new UserInputException(source + ": expected a JSON object of hyperparameters, got " + brief(tree));
        }
        checkVersion(tree, source);
        Hyperparameters h;
        try {
            h = READER.treeToValue(tree, Hyperparameters.class);
        } catch (JsonProcessingException e) {
            throw invalid(source, tree, e);
        }
        List<String> warnings = new ArrayList<>();
        for (String field : unknownFields(tree, Hyperparameters.class, "")) {
            warnings.add(source + ": ignored unknown field '" + field + "' (written by a newer Rangefinder?)");
        }
        return new ReadResult(h, warnings);
    }

    private static void checkVersion(JsonNode tree, String source) {
        JsonNode v = tree.get("schemaVersion");
        if (v == null) {
            throw new UserInputException(source + ": schemaVersion is required but missing (is this a Rangefinder "
                    + "hyperparameter file?)");
        }
        if (!v.isInt()) {
            throw new UserInputException(source + ": schemaVersion must be an integer, got " + brief(v));
        }
        if (v.intValue() > Hyperparameters.SCHEMA_VERSION) {
            throw new UserInputException(source + ": schemaVersion " + v.intValue() + " is newer than this "
                    + "Rangefinder (" + Version.current() + ") reads (up to " + Hyperparameters.SCHEMA_VERSION
                    + "); open it with a newer Rangefinder");
        }
    }

    private static UserInputException malformed(String source, JsonProcessingException e) {
        var at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String kind = e instanceof StreamReadException ? "not valid JSON" : "unreadable";
        return new UserInputException(source + ": " + kind + where + ": " + e.getOriginalMessage().split("\n")[0], e);
    }

    /** The message for JSON that parsed but does not fit the schema. */
    private static UserInputException invalid(String source, JsonNode tree, JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m)) {
            return malformed(source, e);
        }
        StringBuilder path = new StringBuilder();
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
                pointer.append('/').append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                path.append('[').append(r.getIndex()).append(']');
                pointer.append('/').append(r.getIndex());
            }
        }
        String message;
        InvalidField field = causeOf(e, InvalidField.class);
        UserInputException user = causeOf(e, UserInputException.class);
        if (field != null) {
            message = (path.length() == 0 ? "" : path + ".") + field.field() + " " + field.problem();
        } else if (user != null) {
            message = path + ": " + user.getMessage();
        } else if (tree.at(pointer.toString()).isMissingNode()) {
            message = path + " is required but missing";
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = path + " must be " + describe(mismatch.getTargetType()) + ", got "
                    + brief(tree.at(pointer.toString()));
        } else {
            message = path + ": " + m.getOriginalMessage().split("\n")[0];
        }
        return new UserInputException(source + ": " + message, e);
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String describe(Class<?> type) {
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String brief(JsonNode node) {
        String text = node.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** The fields of the JSON tree that no record component of {@code type} (recursively) takes. */
    private static List<String> unknownFields(JsonNode node, Type type, String path) {
        List<String> unknown = new ArrayList<>();
        Class<?> raw = (Class<?>) (type instanceof ParameterizedType p ? p.getRawType() : type);
        if (node.isObject() && raw.isRecord()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String field = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                Type component = componentType(raw, e.getKey());
                if (component == null) {
                    unknown.add(field);
                } else {
                    unknown.addAll(unknownFields(e.getValue(), component, field));
                }
            }
        } else if (node.isArray() && type instanceof ParameterizedType p && Collection.class.isAssignableFrom(raw)) {
            for (int i = 0; i < node.size(); i++) {
                unknown.addAll(unknownFields(node.get(i), p.getActualTypeArguments()[0], path + "[" + i + "]"));
            }
        }
        return unknown;
    }

    private static Type componentType(Class<?> record, String name) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c.getGenericType();
            }
        }
        return null;
    }
}
