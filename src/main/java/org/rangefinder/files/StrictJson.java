package org.rangefinder.files;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rangefinder.RegularFiles;
import org.rangefinder.UserInputException;
import org.rangefinder.Version;

/**
 * The one strict reading of the JSON files a user hands in, with one message per problem that names the file and
 * where in it: the line and column of broken JSON, and the field path when it is known ({@code h.json: not valid
 * JSON at line 15, column 82 (optimizer.weightDecay): Infinity is not a number JSON allows}), or the field path of a
 * value that does not fit ({@code h.json: oneCycle.pctStart must be a number, got "0.3"}). Messages are in plain
 * words: they never quote the parser's names for its classes, tokens or settings.
 *
 * <p>Values are never converted: {@code "0.3"} is a string, {@code 2.5} is not an integer, {@code 3} and
 * {@code true} are no strings, and an integer too large for its field is refused with the field's limit. A field
 * given twice in one object is an error, and so is anything after the top-level value. {@code NaN} and
 * {@code Infinity} are no JSON numbers and are refused unless a reader asks for them; the strings {@code "NaN"} and
 * {@code "Infinity"} are strings, which a number field takes only in the records of results a binding names.
 * Fields no record component takes are left to the caller ({@link #unknownFields}).
 */
public final class StrictJson {

    private static final JsonMapper READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, strings -> strings
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(numberFields())
            .build();

    /** The attribute of a binding that holds the records whose number fields take non-finite text. */
    private static final String NON_FINITE_TEXT = "records whose number fields take non-finite text";

    /** {@link #READER} that also takes the bare tokens {@code NaN}, {@code Infinity} and {@code -Infinity}. */
    private static final JsonMapper NON_FINITE_READER = READER.rebuild()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /**
     * How the parser starts its message on a character out of place; the character is group 1. Above U+00FF the
     * parser adds the code in hex: {@code ('“' (code 8220 / 0x201c))}.
     */
    private static final String CHARACTER = "Unexpected character \\('(.+)' \\(code \\d+(?: / 0x\\p{XDigit}+)?\\)\\)";

    /** What the parser says about broken JSON, and what the message says instead; the first match wins. */
    private static final List<Map.Entry<Pattern, String>> PLAIN = List.of(
            plain("Unexpected end-of-input: expected close marker for Object .*line: (\\d+), column: (\\d+).*",
                    "the text ends inside the object opened at line $1, column $2"),
            plain("Unexpected end-of-input: expected close marker for Array .*line: (\\d+), column: (\\d+).*",
                    "the text ends inside the list opened at line $1, column $2"),
            plain("Unexpected end-of-input: was expecting closing quote.*", "the text ends inside a string"),
            plain("Unexpected end-of-input.*", "the text ends too early"),
            plain("Non-standard token '(.*)'.*", "$1 is not a number JSON allows"),
            plain(".*does not allow numbers to have plus signs.*", "a number with a + sign, which JSON does not allow"),
            plain("Invalid numeric value: Leading zeroes not allowed.*",
                    "a number with a leading zero, which JSON does not allow"),
            plain(".*maybe a \\(non-standard\\) comment.*", "a comment, which JSON does not allow"),
            plain("Unrecognized token '(.*)': was expecting.*",
                    "'$1' is no JSON value (a number, a string in double quotes, true, false, null, a list or an "
                            + "object)"),
            plain(CHARACTER + ": expected a (valid )?value.*", "unexpected character '$1' where a value should be"),
            plain(CHARACTER + ": was expecting double-quote to start field name",
                    "unexpected character '$1' where a field name in double quotes should be"),
            plain(CHARACTER + ": was expecting comma to separate Object entries",
                    "unexpected character '$1' where a comma or the end of the object should be"),
            plain(CHARACTER + ": was expecting comma to separate Array entries",
                    "unexpected character '$1' where a comma or the end of the list should be"),
            plain(CHARACTER + ": was expecting a colon to separate field name and value",
                    "unexpected character '$1' where a colon should follow the field name"),
            plain(CHARACTER + "(.*)", "unexpected character '$1'$2"),
            plain("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
                    "control character $1 in a string, where it must be written with a backslash escape"),
            plain("Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*", "control character $1 between values"),
            plain("Number value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
                    "a number of $1 digits; at most $2 are read"),
            plain("Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
                    "lists and objects nested $1 deep; at most $2 are read"),
            // the parser counts a string's characters a buffer at a time and stops at the first buffer past its most:
            // the length it gives is no string's
            plain("String value length \\(\\d+\\) exceeds the maximum allowed \\((\\d+).*",
                    "a string of more than $1 characters, the most that is read"),
            plain("Name length \\(\\d+\\) exceeds the maximum allowed \\((\\d+).*",
                    "a field name of more than $1 characters, the most that is read"));

    private StrictJson() {
    }

    /**
     * The most a JSON file of settings (a hyperparameter file, a model spec) may hold: 512 MiB. A hyperparameter
     * file is a few kilobytes and some 180 bytes more per epoch of its {@code training} section, so the largest
     * Rangefinder writes (a million epochs of one step, the most a training takes) is about 180 MB and is read back;
     * a larger file is refused before it is read, rather than read until memory runs out.
     */
    public static final long MAX_SETTINGS_BYTES = 512L << 20;

    /**
     * The text of a UTF-8 JSON file of settings, as {@link #readUtf8} reads it, of at most
     * {@value #MAX_SETTINGS_BYTES} bytes; a missing, unreadable, non-UTF-8 or too large file, a folder, a device and
     * a pipe are each a message naming the file.
     */
    public static String readText(Path file) {
        try {
            return readUtf8(file, MAX_SETTINGS_BYTES, "JSON settings file");
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": file not found");
        } catch (CharacterCodingException e) {
            throw new UserInputException(file + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /**
     * The text of a UTF-8 file, without the byte order mark it may begin with (Windows Notepad writes one). A folder,
     * a file that is no regular file (a device such as {@code /dev/zero}, which never ends, or a pipe, which may
     * never be written to) and a file of more than {@code maxBytes} bytes are refused before a byte is read; a file
     * that grows past {@code maxBytes} while it is read is refused too.
     *
     * @param kind what the file should be, for the message on one too large: "range-test curve"
     * @throws UserInputException naming the file, for a folder, a file that is no regular file, and one too large
     * @throws NoSuchFileException when there is no such file
     * @throws CharacterCodingException when its bytes are no UTF-8
     * @throws IOException when it cannot be read
     */
    public static String readUtf8(Path file, long maxBytes, String kind) throws IOException {
        BasicFileAttributes attributes = RegularFiles.attributes(file);
        byte[] bytes;
        if (attributes.size() > maxBytes) {
            bytes = null;
        } else {
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            }
        }
        if (bytes == null || bytes.length > maxBytes) {
            throw new UserInputException(file + ": too large for a " + kind + " (more than " + size(maxBytes) + ")");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            // the decoding above replaced bytes that are no UTF-8, or the file holds U+FFFD itself: tell which
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The message on a file that cannot be read, with the reason in plain words:
     * {@code h.json: cannot read (permission denied)}.
     */
    public static UserInputException cannotRead(Path file, IOException e) {
        return new UserInputException(file + ": cannot read (" + AtomicFiles.reason(e) + ")", e);
    }

    private static String size(long bytes) {
        return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    /**
     * Parses text that must hold one JSON object and nothing after it.
     *
     * @param source   what the messages call the text: the file name, or e.g. "clipboard"
     * @param expected what the object holds, for the messages on empty text and other values: "a JSON object of
     *                 hyperparameters"
     */
    public static ObjectNode readObject(String text, String source, String expected) {
        return readObject(text, source, expected, false);
    }

    /**
     * As {@link #readObject(String, String, String)}, also taking the bare tokens {@code NaN}, {@code Infinity} and
     * {@code -Infinity} as numbers when {@code nonFinite} is set (Python's {@code json} writes a blown-up loss so).
     */
    public static ObjectNode readObject(String text, String source, String expected, boolean nonFinite) {
        JsonNode tree = readTree(nonFinite ? NON_FINITE_READER : READER, text, source);
        if (tree == null || tree.isMissingNode()) {
            throw new UserInputException(source + ": empty; expected " + expected);
        }
        if (!tree.isObject()) {
            throw new UserInputException(source + ": expected " + expected + ", got " + brief(tree));
        }
        return (ObjectNode) tree;
    }

    /**
     * Checks the {@code schemaVersion} of a file: required, an integer from 1 to {@code newest}. A newer one is
     * refused with a message saying that a newer Rangefinder wrote it.
     *
     * @param kind what the file is, for the message on a missing version: "hyperparameter file"
     */
    public static void checkVersion(ObjectNode tree, String source, int newest, String kind) {
        JsonNode v = tree.get("schemaVersion");
        if (v == null) {
            throw new UserInputException(source + ": schemaVersion is required but missing (is this a Rangefinder "
                    + kind + "?)");
        }
        if (!v.isInt()) {
            throw new UserInputException(source + ": schemaVersion must be an integer, got " + brief(v));
        }
        if (v.intValue() > newest) {
            throw new UserInputException(source + ": schemaVersion " + v.intValue() + " is newer than this "
                    + "Rangefinder (" + Version.current() + ") reads (up to " + newest
                    + "); open it with a newer Rangefinder");
        }
        if (v.intValue() < 1) {
            throw new UserInputException(source + ": schemaVersion must be between 1 and " + newest + ", got "
                    + v.intValue());
        }
    }

    /**
     * Builds a record (and the records inside it) from a parsed tree. A value of the wrong type, a missing required
     * one, and a refusal of a record's constructor become one message naming the file and the field path.
     */
    public static <T> T bind(JsonNode tree, Class<T> type, String source) {
        return bind(tree, type, source, Set.of());
    }

    /**
     * As {@link #bind(JsonNode, Class, String)}, where the number fields of the records {@code nonFiniteText} (and
     * the lists and maps of numbers in them) also take the strings {@code "NaN"}, {@code "Infinity"} and
     * {@code "-Infinity"}, as {@link Json} writes a non-finite number: results, such as a loss that blew up. Any
     * other number field refuses every string, those too ({@code weightDecay must be a number, got "NaN"}).
     */
    public static <T> T bind(JsonNode tree, Class<T> type, String source, Set<Class<?>> nonFiniteText) {
        try {
            return READER.readerFor(type).withAttribute(NON_FINITE_TEXT, Set.copyOf(nonFiniteText)).readValue(tree);
        } catch (JsonProcessingException e) {
            throw invalid(source, tree, e);
        } catch (IOException e) {
            throw new UncheckedIOException("binding a JSON tree", e);
        }
    }

    /** Reads the {@code double} and {@link Double} fields as {@link NumberField}s. */
    private static SimpleModule numberFields() {
        SimpleModule module = new SimpleModule("number fields");
        module.setDeserializers(new SimpleDeserializers(Map.of(
                double.class, new NumberField(NumberDeserializers.find(double.class, "double")),
                Double.class, new NumberField(NumberDeserializers.find(Double.class, Double.class.getName())))));
        return module;
    }

    /**
     * A {@code double} or {@link Double} field: a JSON number. Jackson's own reading takes the strings {@code "NaN"},
     * {@code "Infinity"} and {@code "-Infinity"} as numbers whatever its settings of conversion say; this hands it
     * a string only in a record of the binding's {@link #NON_FINITE_TEXT}, and refuses it elsewhere as the wrong
     * type. The record is the one that declares the field, known once the field is ({@link #createContextual}).
     */
    private static final class NumberField extends DelegatingDeserializer {
        /** The record the field belongs to; null until the field is known. */
        private final Class<?> record;

        NumberField(JsonDeserializer<?> jacksons) {
            this(jacksons, null);
        }

        private NumberField(JsonDeserializer<?> jacksons, Class<?> record) {
            super(jacksons);
            this.record = record;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> jacksons) {
            return new NumberField(jacksons, record);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            NumberField field = (NumberField) super.createContextual(context, property);
            return property == null || property.getMember() == null ? field
                    : new NumberField(field._delegatee, property.getMember().getDeclaringClass());
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && !(record != null
                    && context.getAttribute(NON_FINITE_TEXT) instanceof Set<?> records && records.contains(record))) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            return super.deserialize(parser, context);
        }
    }

    /** The fields of the JSON tree that no record component of {@code type} (recursively) takes. */
    public static List<String> unknownFields(JsonNode node, Type type, String path) {
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

    /** A value as it stands in the file, cut to 40 characters. */
    public static String brief(JsonNode node) {
        String text = node.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** The one value of the text (null when there is none); anything after it is refused. */
    private static JsonNode readTree(JsonMapper reader, String text, String source) {
        try (JsonParser parser = reader.createParser(text)) {
            JsonNode tree;
            try {
                tree = reader.readTree(parser);
            } catch (JsonProcessingException e) {
                throw malformed(source, e, parser);
            }
            if (tree == null) {
                return null;
            }
            JsonLocation after;
            try {
                if (parser.nextToken() == null) {
                    return tree;
                }
                after = parser.currentTokenLocation();
            } catch (JsonProcessingException e) {
                after = e.getLocation();
            }
            throw new UserInputException(source + ": not valid JSON" + at(after) + ": text after the end of the JSON "
                    + (tree.isObject() ? "object" : tree.isArray() ? "list" : "value"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string", e);
        }
    }

    /**
     * The message for text that is no JSON. The parser, still open, tells where it was: the field whose value it
     * was reading, or the list entry. Past one of its limits it cannot say the line, and the field is left out too
     * (it would be a thousand list entries deep), except for a string too long: the parser reads a string's
     * characters once it has handed out the string's start, which is where the string is said to be.
     */
    private static UserInputException malformed(String source, JsonProcessingException e, JsonParser parser) {
        String original = e.getOriginalMessage().split("\n")[0];
        JsonStreamContext context = parser.getParsingContext();
        boolean longString = original.startsWith("String value length")
                && parser.currentToken() == JsonToken.VALUE_STRING;
        JsonLocation location = longString ? parser.currentTokenLocation() : e.getLocation();
        boolean inValue = longString || parser.currentToken() == JsonToken.FIELD_NAME || context.inArray();
        String field = inValue && location != null ? path(context) : "";
        String problem;
        if (original.startsWith("Duplicate field")) {
            field = "";
            problem = "the field " + path(context) + " appears twice";
        } else {
            problem = plain(original);
        }
        return new UserInputException(source + ": not valid JSON" + at(location)
                + (field.isEmpty() ? "" : " (" + field + ")") + ": " + problem, e);
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The field path of a parser's position, e.g. {@code runs[0].points[3].loss}. */
    private static String path(JsonStreamContext context) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.add(0, c);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                path.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
            } else if (c.getCurrentName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(c.getCurrentName());
            }
        }
        return path.toString();
    }

    private static Map.Entry<Pattern, String> plain(String parserSays, String messageSays) {
        return Map.entry(Pattern.compile(parserSays), messageSays);
    }

    /**
     * The parser's message in plain words: a known one rewritten, any other without the parts that name the
     * parser's classes and settings (its source description, its features in backquotes).
     */
    private static String plain(String message) {
        for (Map.Entry<Pattern, String> rule : PLAIN) {
            Matcher m = rule.getKey().matcher(message);
            if (m.matches()) {
                return m.replaceFirst(rule.getValue());
            }
        }
        String cleaned = message.replaceAll("\\s*\\(?\\[Source: [^\\]]*\\]\\)?", "")
                .replaceAll(":? *enable `[^`]*` to allow", "")
                .replaceAll(",? *from `[^`]*`", "")
                .replace("`", "");
        return cleaned.isEmpty() ? "unreadable" : cleaned.substring(0, 1).toLowerCase(Locale.ROOT)
                + cleaned.substring(1);
    }

    /** The message for JSON that parsed but does not fit the record. */
    private static UserInputException invalid(String source, JsonNode tree, JsonProcessingException e) {
        StringBuilder path = new StringBuilder();
        StringBuilder pointer = new StringBuilder();
        if (e instanceof JsonMappingException m) {
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
                    pointer.append('/').append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
                } else {
                    path.append('[').append(r.getIndex()).append(']');
                    pointer.append('/').append(r.getIndex());
                }
            }
        }
        JsonNode value = tree.at(pointer.toString());
        String message;
        InvalidField field = causeOf(e, InvalidField.class);
        UserInputException user = causeOf(e, UserInputException.class);
        InputCoercionException range = causeOf(e, InputCoercionException.class);
        if (field != null) {
            message = (path.length() == 0 ? "" : path + ".") + field.field() + " " + field.problem();
        } else if (user != null) {
            message = (path.length() == 0 ? "" : path + ": ") + user.getMessage();
        } else if (value.isMissingNode()) {
            message = path + " is required but missing";
        } else if (range != null) {
            message = path + " must be " + limit(range.getTargetType(), value) + ", got " + brief(value);
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = path + " must be " + describe(mismatch.getTargetType()) + ", got " + brief(value);
        } else {
            message = (path.length() == 0 ? "the file" : path) + " cannot be read, got " + brief(value);
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

    /** What an integer field takes, for a number beyond the range of its Java type. */
    private static String limit(Class<?> type, JsonNode value) {
        boolean wide = type == long.class || type == Long.class;
        boolean above = value.isNumber() && value.bigIntegerValue().signum() > 0;
        if (above) {
            return "an integer of at most " + (wide ? Long.MAX_VALUE : Integer.MAX_VALUE);
        }
        return "an integer of at least " + (wide ? Long.MIN_VALUE : Integer.MIN_VALUE);
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

    private static Type componentType(Class<?> record, String name) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c.getGenericType();
            }
        }
        return null;
    }
}
