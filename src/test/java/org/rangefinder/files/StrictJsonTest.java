package org.rangefinder.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rangefinder.UserInputException;

class StrictJsonTest {

    /** A record to bind to: an int, a long, a list of ints and a string. */
    record Box(int count, long seed, List<Integer> sizes, String name) {
    }

    private static final String THINGS = "a JSON object of things";

    /** A record of numbers: a double, a Double, a list and a map of them, and a record of results. */
    record Numbers(double rate, Double limit, List<Double> values, Map<String, Double> named, Loss loss) {
    }

    /** Results, whose numbers may be written as Json writes a non-finite one. */
    record Loss(double value) {
    }

    /** Columns are those the parser reports: of a character out of place, or just after a token it does not take. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"a\": 1} x | at line 1, column 10: text after the end of the JSON object",
        "{\"a\": 1}\\n{} | at line 2, column 1: text after the end of the JSON object",
        "{\"a\": 1} // note | at line 1, column 10: text after the end of the JSON object",
        "{\"a\": {\"b\": Infinity}} | at line 1, column 21 (a.b): Infinity is not a number JSON allows",
        "{\"a\": [1, -Infinity]} | at line 1, column 20 (a[1]): -Infinity is not a number JSON allows",
        "{\"a\": NaN} | at line 1, column 10 (a): NaN is not a number JSON allows",
        "{\"a\": 1, \"a\": 2} | at line 1, column 13: the field a appears twice",
        "{\"a\": [{\"b\": 1,\\n \"b\": 2}]} | at line 2, column 5: the field a[0].b appears twice",
        "{\"a\": [1, 2 | at line 1, column 12 (a[1]): the text ends inside the list opened at line 1, column 7",
        "{\\n\"a\": 1 | at line 2, column 7: the text ends inside the object opened at line 1, column 1",
        "{\"a\": \"x | at line 1, column 9: the text ends inside a string",
        "{\"a\": 1,} | at line 1, column 9: unexpected character '}' where a field name in double quotes should be",
        "{'a': 1} | at line 1, column 2: unexpected character ''' where a field name in double quotes should be",
        "{\"a\": 1 \"b\": 2} | at line 1, column 9: unexpected character '\"' where a comma or the end of the object "
                + "should be",
        "{\"a\": [1 2]} | at line 1, column 10 (a[1]): unexpected character '2' where a comma or the end of the list "
                + "should be",
        "{\"a\" 1} | at line 1, column 6 (a): unexpected character '1' where a colon should follow the field name",
        "{\"a\": [1,]} | at line 1, column 10 (a[1]): unexpected character ']' where a value should be",
        "{\"a\": +1} | at line 1, column 8 (a): a number with a + sign, which JSON does not allow",
        "{\"a\": 01} | at line 1, column 8 (a): a number with a leading zero, which JSON does not allow",
        "{\"a\": 1 /* x */} | at line 1, column 9: a comment, which JSON does not allow",
        "{\"a\": tru} | at line 1, column 7 (a): 'tru' is no JSON value (a number, a string in double quotes, true, "
                + "false, null, a list or an object)",
        "{\"a\": 1.} | at line 1, column 8 (a): unexpected character '}' in numeric value: Decimal point not followed "
                + "by a digit",
        // curly quotes pasted from a word processor: above U+00FF the parser also gives the code in hex
        "{\u201ca\u201d: 1} | at line 1, column 2: unexpected character '\u201c' where a field name in double quotes "
                + "should be",
        "{\"a\": \u201cx\u201d} | at line 1, column 7 (a): unexpected character '\u201c' where a value should be",
        "{\"a\": 1\u3000} | at line 1, column 8: unexpected character '\u3000' where a comma or the end of the "
                + "object should be",
    })
    void brokenJsonIsSaidInPlainWordsWithTheLineColumnAndField(String text, String expected) {
        assertThatThrownBy(() -> StrictJson.readObject(text.replace("\\n", "\n"), "t.json", THINGS))
                .isInstanceOf(UserInputException.class)
                .hasMessage("t.json: not valid JSON " + expected);
    }

    @Test
    void limitsAndControlCharactersAreSaidPlainly() {
        String deep = "{\"a\": " + "[".repeat(1001);
        String longNumber = "{\"a\": " + "9".repeat(1001) + "}";
        assertThatThrownBy(() -> StrictJson.readObject(deep, "t.json", THINGS))
                .hasMessage("t.json: not valid JSON: lists and objects nested 1001 deep; at most 1000 are read");
        assertThatThrownBy(() -> StrictJson.readObject(longNumber, "t.json", THINGS))
                .hasMessage("t.json: not valid JSON: a number of 1001 digits; at most 1000 are read");
        assertThatThrownBy(() -> StrictJson.readObject("{\"a\": \"x\u0001\"}", "t.json", THINGS))
                .hasMessage("t.json: not valid JSON at line 1, column 9: control character 1 in a string, where it "
                        + "must be written with a backslash escape");
    }

    /**
     * A string past the parser's most (20 million characters) is said where it starts, with its field: the parser
     * stops reading it there, a buffer at a time, so the length it counted is no string's and the message gives the
     * most instead. A field name past the parser's most for names has no line the parser can give.
     */
    @Test
    void aStringTooLongIsSaidWithItsFieldAndLine() {
        String longString = "x".repeat(20_000_001);
        assertThatThrownBy(() -> StrictJson.readObject("{\n  \"name\": \"" + longString + "\"}", "t.json", THINGS))
                .hasMessage("t.json: not valid JSON at line 2, column 11 (name): a string of more than 20000000 "
                        + "characters, the most that is read");
        assertThatThrownBy(() -> StrictJson.readObject("{\"a\": [\"b\", \"" + longString + "\"]}", "t.json",
                THINGS))
                .hasMessage("t.json: not valid JSON at line 1, column 13 (a[1]): a string of more than 20000000 "
                        + "characters, the most that is read");
        assertThatThrownBy(() -> StrictJson.readObject("{\"" + "n".repeat(50_001) + "\": 1}", "t.json", THINGS))
                .hasMessage("t.json: not valid JSON: a field name of more than 50000 characters, the most that is "
                        + "read");
    }

    @Test
    void emptyTextAndOtherValuesThanAnObjectAreRefused() {
        assertThatThrownBy(() -> StrictJson.readObject(" \n", "t.json", THINGS))
                .hasMessage("t.json: empty; expected a JSON object of things");
        assertThatThrownBy(() -> StrictJson.readObject("[1, 2] ", "t.json", THINGS))
                .hasMessage("t.json: expected a JSON object of things, got [1,2]");
        assertThatThrownBy(() -> StrictJson.readObject("[1] [2]", "t.json", THINGS))
                .hasMessage("t.json: not valid JSON at line 1, column 5: text after the end of the JSON list");
    }

    @Test
    void nonFiniteNumbersOnlyWhenAsked() {
        assertThat(StrictJson.readObject("{\"a\": [NaN, -Infinity]}", "t.json", THINGS, true).at("/a/1").doubleValue())
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> StrictJson.readObject("{\"a\": [NaN, -Infinity]} x", "t.json", THINGS, true))
                .hasMessage("t.json: not valid JSON at line 1, column 25: text after the end of the JSON object");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"count\": 2147483648} | count must be an integer of at most 2147483647, got 2147483648",
        "{\"count\": -2147483649} | count must be an integer of at least -2147483648, got -2147483649",
        "{\"seed\": 9223372036854775808} | seed must be an integer of at most 9223372036854775807, got "
                + "9223372036854775808",
        "{\"sizes\": [1, 1e12]} | sizes[1] must be an integer, got 1.0E12",
        "{\"sizes\": [1, 99999999999]} | sizes[1] must be an integer of at most 2147483647, got 99999999999",
        "{\"sizes\": 3} | sizes must be a list, got 3",
        "{\"count\": \"3\"} | count must be an integer, got \"3\"",
        "{\"count\": null} | count must be an integer, got null",
        "{\"name\": 3} | name must be a string, got 3",
        "{\"name\": true} | name must be a string, got true",
        "{\"name\": [\"x\"]} | name must be a string, got [\"x\"]",
    })
    void aValueThatDoesNotFitNamesItsFieldAndWhatItTakes(String json, String expected) {
        assertThatThrownBy(() -> StrictJson.bind(StrictJson.readObject(json, "t.json", THINGS), Box.class, "t.json"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("t.json: " + expected);
    }

    /**
     * A number field takes a JSON number, never a string: Jackson's own reading takes "NaN" and "Infinity" as numbers
     * whatever its settings, so a setting could be NaN and a field that nothing else checks could hold one.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"rate\": \"NaN\"} | rate must be a number, got \"NaN\"",
        "{\"rate\": \"0.3\"} | rate must be a number, got \"0.3\"",
        "{\"rate\": null} | rate must be a number, got null",
        "{\"limit\": \"Infinity\"} | limit must be a number, got \"Infinity\"",
        "{\"values\": [1, \"-Infinity\"]} | values[1] must be a number, got \"-Infinity\"",
        "{\"named\": {\"a\": \"NaN\"}} | named.a must be a number, got \"NaN\"",
        "{\"loss\": {\"value\": \"NaN\"}} | loss.value must be a number, got \"NaN\"",
    })
    void aNumberFieldTakesNoString(String json, String expected) {
        assertThatThrownBy(() -> StrictJson.bind(StrictJson.readObject(json, "t.json", THINGS), Numbers.class,
                "t.json"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("t.json: " + expected);
    }

    /** The records of results a binding names take the non-finite numbers as Json writes them; no other string. */
    @Test
    void theRecordsOfResultsTakeNonFiniteNumbersAsText() {
        Numbers read = StrictJson.bind(StrictJson.readObject("{\"rate\": 0.5, \"loss\": {\"value\": \"-Infinity\"}}",
                "t.json", THINGS), Numbers.class, "t.json", Set.of(Loss.class));
        assertThat(read).isEqualTo(new Numbers(0.5, null, null, null, new Loss(Double.NEGATIVE_INFINITY)));
        assertThat(StrictJson.bind(StrictJson.readObject("{\"rate\": 0, \"loss\": {\"value\": \"NaN\"}}", "t.json",
                THINGS), Numbers.class, "t.json", Set.of(Loss.class)).loss().value()).isNaN();
        assertThatThrownBy(() -> StrictJson.bind(StrictJson.readObject("{\"rate\": 0, \"loss\": {\"value\": \"0.3\"}}",
                "t.json", THINGS), Numbers.class, "t.json", Set.of(Loss.class)))
                .hasMessage("t.json: loss.value must be a number, got \"0.3\"");
        assertThatThrownBy(() -> StrictJson.bind(StrictJson.readObject("{\"rate\": \"NaN\"}", "t.json", THINGS),
                Numbers.class, "t.json", Set.of(Loss.class)))
                .hasMessage("t.json: rate must be a number, got \"NaN\"");
    }

    @Test
    void textOfAFileLosesTheByteOrderMarkNotepadWrites(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.json");
        // U+FFFD, which stands for bytes that are no UTF-8, may be in a UTF-8 file as it is
        String json = "{\"count\": 1, \"seed\": 2, \"sizes\": [], \"name\": \"\uFFFD\u00e9\"}";
        Files.write(file, ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8));
        assertThat(StrictJson.readText(file)).isEqualTo(json);
        assertThat(StrictJson.bind(StrictJson.readObject(StrictJson.readText(file), "bom.json", THINGS), Box.class,
                "bom.json")).isEqualTo(new Box(1, 2, List.of(), "\uFFFD\u00e9"));
    }

    @Test
    void aFileThatIsNoTextFileOfSettingsIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> StrictJson.readText(dir))
                .isInstanceOf(UserInputException.class).hasMessage(dir + ": is a folder, not a file");
        // a device never ends: reading it whole ran out of memory
        assertThatThrownBy(() -> StrictJson.readText(Path.of("/dev/zero")))
                .isInstanceOf(UserInputException.class)
                .hasMessage("/dev/zero: not a regular file (a device or a pipe)");
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(StrictJson.MAX_SETTINGS_BYTES + 1);
        }
        assertThatThrownBy(() -> StrictJson.readText(huge))
                .isInstanceOf(UserInputException.class)
                .hasMessage(huge + ": too large for a JSON settings file (more than 512 MiB)");
        Path latin1 = Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', (byte) 0xe9, '"', '}'});
        assertThatThrownBy(() -> StrictJson.readText(latin1)).hasMessage(latin1 + ": not a UTF-8 text file");
        assertThatThrownBy(() -> StrictJson.readText(dir.resolve("none.json")))
                .hasMessage(dir.resolve("none.json") + ": file not found");
    }

    @Test
    void aFileOfExactlyTheLimitIsReadAndOneByteMoreIsNot(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("ten.txt"), "0123456789");
        assertThat(StrictJson.readUtf8(file, 10, "test file")).isEqualTo("0123456789");
        assertThatThrownBy(() -> StrictJson.readUtf8(file, 9, "test file"))
                .isInstanceOf(UserInputException.class)
                .hasMessage(file + ": too large for a test file (more than 9 bytes)");
    }

    @Test
    void aFileThatCannotBeReadSaysWhyInPlainWords() {
        // tests run as root here, which reads any file: the reason is checked on the exception the system gives
        Path file = Path.of("h.json");
        assertThat(StrictJson.cannotRead(file, new AccessDeniedException("/home/me/h.json")))
                .hasMessage("h.json: cannot read (permission denied)");
        assertThat(StrictJson.cannotRead(file, new FileSystemException("/home/me/h.json", null,
                "Input/output error"))).hasMessage("h.json: cannot read (Input/output error)");
    }

    @Test
    void versionIsRequiredAndNoNewerThanTheReaderKnows() {
        assertThatThrownBy(() -> checkVersion("{}"))
                .hasMessage("t.json: schemaVersion is required but missing (is this a Rangefinder box file?)");
        assertThatThrownBy(() -> checkVersion("{\"schemaVersion\": 1.0}"))
                .hasMessage("t.json: schemaVersion must be an integer, got 1.0");
        assertThatThrownBy(() -> checkVersion("{\"schemaVersion\": 0}"))
                .hasMessage("t.json: schemaVersion must be between 1 and 3, got 0");
        assertThatThrownBy(() -> checkVersion("{\"schemaVersion\": 4}"))
                .hasMessageStartingWith("t.json: schemaVersion 4 is newer than this Rangefinder (")
                .hasMessageEndingWith(") reads (up to 3); open it with a newer Rangefinder");
        checkVersion("{\"schemaVersion\": 3}");
    }

    /** Checks the version of a box file, which this reader knows up to version 3. */
    private static void checkVersion(String json) {
        StrictJson.checkVersion(StrictJson.readObject(json, "t.json", THINGS), "t.json", 3, "box file");
    }
}
