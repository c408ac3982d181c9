package org.rangefinder.rangetest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.rangefinder.UserInputException;
import org.rangefinder.files.StrictJson;

/**
 * Reads range-test curves (learning rate, loss and smoothed loss per iteration) from files:
 * <ul>
 *   <li>CSV, as pytorch-lr-finder or fastai histories are usually saved: a header row with columns named {@code lr}
 *       and {@code loss} (any case, any order, other columns ignored), separated by commas, semicolons or tabs;
 *       rows in file order. Fields may be double-quoted. A column named {@code run} (as in the CSV of a range-test
 *       sweep) splits the rows into one curve per run value, in order of first appearance. A column named
 *       {@code smoothed_loss} (as Rangefinder's {@code --csv} writes) holds the smoothed losses.</li>
 *   <li>Rangefinder's JSON, as {@code range-test --out} writes it: {@code {"schemaVersion":1,"runs":[{"points":[
 *       {"iteration":0,"lr":..,"loss":..,"smoothedLoss":..},...]},...]}}; {@code lr}, {@code loss} and, when the
 *       first point has it, {@code smoothedLoss} are read. It is read as strictly as a hyperparameter file
 *       ({@link StrictJson}): a missing or newer {@code schemaVersion} is refused, and so are a field given twice and
 *       text after the object.</li>
 * </ul>
 * A file without smoothed losses is taken to hold them in {@code loss}: fastai's {@code recorder.losses} and
 * pytorch-lr-finder's {@code history["loss"]} are the moving averages those libraries smooth with, not the raw
 * losses, so smoothing them again would move every suggestion (a digits curve's valley, 5.86e-3, became 2.15e-2).
 * The format is told by the content: a file whose first non-blank character is <code>{</code> is JSON. Learning rates
 * must be finite and &gt; 0, and never fall from one point of a curve to the next: a staircase ladder holds each for
 * several points, so equal neighbours are fine, but a curve whose learning rates are all equal suggests nothing and
 * is refused. Losses may be non-finite, as real divergence data are: {@code nan}, {@code inf}, {@code -inf},
 * {@code NaN}, {@code Infinity} in CSV; in JSON the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}
 * (as Rangefinder writes them) and the bare tokens (as Python's {@code json} does), but not {@code null}, which says
 * nothing about the loss. A curve needs at least two points. A byte order mark at the start of the file is skipped;
 * a file of more than {@link #MAX_BYTES} bytes is refused unread. Every problem is a {@link UserInputException}
 * naming the file and the line and column, or the JSON path.
 */
public final class CurveFiles {

    /**
     * One curve: {@code lrs[i]}, {@code losses[i]} and {@code smoothedLosses[i]} of iteration {@code i}.
     *
     * @param losses         the file's {@code loss} values: raw losses where the file also holds smoothed ones
     * @param smoothedLosses the file's smoothed losses, or, where it has none, its {@code loss} values as they are
     * @param smoothedInFile whether the file held smoothed losses of their own (Rangefinder's files do)
     */
    public record Curve(double[] lrs, double[] losses, double[] smoothedLosses, boolean smoothedInFile) {
        public int size() {
            return lrs.length;
        }
    }

    /**
     * The most a curve file may hold: 512 MiB. The largest Rangefinder writes, a range test of a million iterations
     * (the most it runs), is about 65 MB as CSV and 150 MB as JSON, and is read back. A larger file, a folder, a
     * device and a pipe are refused before they are read, rather than read until memory runs out.
     */
    public static final long MAX_BYTES = 512L << 20;

    /** The version of the JSON {@code range-test --out} writes, and the newest read. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * A point as read: its learning rate, its loss, its smoothed loss (NaN where the file has none), and where the
     * learning rate stands, for messages.
     */
    private record Point(double lr, double loss, double smoothedLoss, String lrAt) {
    }

    /** The smoothed losses' column in CSV ({@code range-test --csv}) and field in JSON ({@code --out}). */
    private static final String SMOOTHED_COLUMN = "smoothed_loss";
    private static final String SMOOTHED_FIELD = "smoothedLoss";
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /** A decimal number; possessive, so that a long run of digits ending in a letter is refused at once. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?+(\\d++(\\.\\d*+)?+|\\.\\d++)([eE][+-]?+\\d++)?+");

    private CurveFiles() {
    }

    /** The curve in a CSV file, or the first run of a JSON file. */
    public static Curve read(Path file) {
        return readAll(file).get(0);
    }

    /**
     * Every run in the file: one per value of the run column of a CSV file (one curve without that column), one
     * per entry of {@code runs} for JSON.
     */
    public static List<Curve> readAll(Path file) {
        String text;
        try {
            text = StrictJson.readUtf8(file, MAX_BYTES, "range-test curve");
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new UserInputException(file + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw StrictJson.cannotRead(file, e);
        }
        String body = text.strip();
        if (body.isEmpty()) {
            throw new UserInputException(file + ": the file is empty");
        }
        // a CSV header starts with neither: a JSON array is JSON, refused as such rather than as a header
        return body.charAt(0) == '{' || body.charAt(0) == '[' ? readJson(file, text) : readCsv(file, text);
    }

    /**
     * Whether {@code file} looks like a curve file, told by its name and the header of a CSV file alone (a dataset CSV
     * may be large, and is not read further): a {@code .json} file, or a {@code .csv}, {@code .tsv} or {@code .txt}
     * file whose header row names an {@code lr} and a {@code loss} column, found as {@link #read} finds them (after a
     * byte order mark and blank lines, with the separator the header uses). A file that cannot be read does not.
     */
    public static boolean looksLikeCurve(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return true;
        }
        if (!name.endsWith(".csv") && !name.endsWith(".tsv") && !name.endsWith(".txt")) {
            return false;
        }
        try (BufferedReader in = Files.newBufferedReader(file)) {
            Header header = header(file, in.lines().iterator());
            return header != null && indexOfColumn(header.names(), "lr") >= 0
                    && indexOfColumn(header.names(), "loss") >= 0;
        } catch (IOException | UncheckedIOException | UserInputException e) {
            return false;
        }
    }

    /** A CSV file's header row: its line number (from 1), its separator and its column names. */
    private record Header(int lineNo, char separator, List<String> names) {
    }

    /**
     * The header row of CSV lines: the first line that is not blank, after a byte order mark; its separator is the
     * one of comma, semicolon and tab it holds most of. Null when every line is blank.
     */
    private static Header header(Path file, Iterator<String> lines) {
        for (int lineNo = 1; lines.hasNext(); lineNo++) {
            String line = lines.next();
            if (lineNo == 1 && line.startsWith(BYTE_ORDER_MARK)) {
                line = line.substring(1);
            }
            if (!line.isBlank()) {
                char separator = separatorOf(line);
                return new Header(lineNo, separator, splitCsv(file, lineNo, line, separator));
            }
        }
        return null;
    }

    private static List<Curve> readCsv(Path file, String text) {
        String[] lines = text.split("\r\n|\n|\r", -1);
        Header header = header(file, Arrays.asList(lines).iterator());
        List<String> names = header.names();
        int lrColumn = columnNamed(file, header.lineNo(), names, "lr");
        int lossColumn = columnNamed(file, header.lineNo(), names, "loss");
        int runColumn = indexOfColumn(names, "run");
        int smoothedColumn = indexOfColumn(names, SMOOTHED_COLUMN);
        int needed = IntStream.of(lrColumn, lossColumn, runColumn, smoothedColumn).max().getAsInt() + 1;
        Map<String, List<Point>> runs = new LinkedHashMap<>();
        // the header's line number is the index of the line after it
        for (int i = header.lineNo(); i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            List<String> fields = splitCsv(file, lineNo, lines[i], header.separator());
            if (fields.size() < needed) {
                throw new UserInputException(file + ": line " + lineNo + ": " + fields.size()
                        + " columns, expected at least " + needed);
            }
            double lr = csvNumber(file, lineNo, fields.get(lrColumn), "lr", lrColumn);
            String lrAt = file + ": line " + lineNo + ", column " + (lrColumn + 1) + " (lr)";
            requireUsableLr(lr, lrAt);
            String run = runColumn < 0 ? "" : fields.get(runColumn).strip();
            double loss = csvNumber(file, lineNo, fields.get(lossColumn), "loss", lossColumn);
            double smoothed = smoothedColumn < 0 ? Double.NaN
                    : csvNumber(file, lineNo, fields.get(smoothedColumn), SMOOTHED_COLUMN, smoothedColumn);
            runs.computeIfAbsent(run, r -> new ArrayList<>()).add(new Point(lr, loss, smoothed, lrAt));
        }
        if (runs.isEmpty()) {
            return List.of(curve(file.toString(), List.of(), false));
        }
        List<Curve> curves = new ArrayList<>();
        runs.forEach((run, points) -> curves.add(
                curve(file + (run.isEmpty() ? "" : ": run " + run), points, smoothedColumn >= 0)));
        return curves;
    }

    private static char separatorOf(String header) {
        char best = ',';
        long bestCount = header.chars().filter(c -> c == ',').count();
        for (char c : new char[] {';', '\t'}) {
            long count = header.chars().filter(ch -> ch == c).count();
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    private static int columnNamed(Path file, int lineNo, List<String> names, String wanted) {
        int index = indexOfColumn(names, wanted);
        if (index < 0) {
            throw new UserInputException(file + ": line " + lineNo + ": no column named '" + wanted + "' in the header "
                    + names);
        }
        return index;
    }

    private static int indexOfColumn(List<String> names, String wanted) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).strip().equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** Splits one CSV line; a double-quoted field may hold the separator and doubled quotes. */
    private static List<String> splitCsv(Path file, int lineNo, String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new UserInputException(file + ": line " + lineNo + ": a quoted field is not closed");
        }
        fields.add(field.toString());
        return fields;
    }

    private static double csvNumber(Path file, int lineNo, String field, String column, int index) {
        Double value = parseNumber(field);
        if (value == null) {
            throw new UserInputException(file + ": line " + lineNo + ", column " + (index + 1) + ": '" + field.strip()
                    + "' in column " + column + " is not a number");
        }
        return value;
    }

    /** A decimal number, or Python's and Java's names of NaN and the infinities; null for anything else. */
    private static Double parseNumber(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        String unsigned = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        boolean negative = t.startsWith("-");
        return switch (unsigned) {
            case "nan" -> Double.NaN;
            case "inf", "infinity" -> negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            default -> DECIMAL.matcher(t).matches() ? Double.parseDouble(t) : null;
        };
    }

    private static List<Curve> readJson(Path file, String text) {
        ObjectNode root = StrictJson.readObject(text, file.toString(), "a JSON object of range-test runs", true);
        StrictJson.checkVersion(root, file.toString(), SCHEMA_VERSION, "range-test result");
        JsonNode runs = root.get("runs");
        if (runs == null || !runs.isArray()) {
            throw new UserInputException(file + ": runs: expected an array of runs");
        }
        if (runs.isEmpty()) {
            throw new UserInputException(file + ": runs: the file holds no runs");
        }
        List<Curve> curves = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            String runPath = "runs[" + r + "].points";
            JsonNode points = runs.get(r).path("points");
            if (!points.isArray()) {
                throw new UserInputException(file + ": " + runPath + ": expected an array of points");
            }
            List<Point> values = new ArrayList<>();
            boolean smoothed = points.path(0).has(SMOOTHED_FIELD);
            for (int p = 0; p < points.size(); p++) {
                String pointPath = file + ": " + runPath + "[" + p + "]";
                if (!points.get(p).isObject()) {
                    throw new UserInputException(pointPath + ": expected an object with lr and loss");
                }
                double lr = jsonNumber(points.get(p), "lr", pointPath);
                requireUsableLr(lr, pointPath + ".lr");
                values.add(new Point(lr, jsonNumber(points.get(p), "loss", pointPath),
                        smoothed ? jsonNumber(points.get(p), SMOOTHED_FIELD, pointPath) : Double.NaN,
                        pointPath + ".lr"));
            }
            curves.add(curve(file + ": " + runPath, values, smoothed));
        }
        return curves;
    }

    private static double jsonNumber(JsonNode point, String name, String pointPath) {
        JsonNode v = point.get(name);
        if (v != null && v.isNumber()) {
            return v.doubleValue();
        }
        Double parsed = v != null && v.isTextual() ? parseNumber(v.textValue()) : null;
        if (parsed == null) {
            throw new UserInputException(pointPath + "." + name + ": "
                    + (v == null ? "missing" : v + " is not a number"));
        }
        return parsed;
    }

    private static void requireUsableLr(double lr, String where) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new UserInputException(where + ": learning rate " + lr + " must be a finite number > 0");
        }
    }

    /** The curve of the points read, once its learning rates are known to rise. */
    private static Curve curve(String where, List<Point> points, boolean smoothedInFile) {
        if (points.size() < 2) {
            throw new UserInputException(where + ": " + points.size() + " points; a curve needs at least 2");
        }
        for (int i = 1; i < points.size(); i++) {
            Point p = points.get(i);
            if (p.lr() < points.get(i - 1).lr()) {
                throw new UserInputException(p.lrAt() + ": learning rate " + p.lr() + " is below the one before it ("
                        + points.get(i - 1).lr() + "); a range-test curve's learning rates must not fall");
            }
        }
        if (points.get(0).lr() == points.get(points.size() - 1).lr()) {
            throw new UserInputException(where + ": all " + points.size() + " learning rates are "
                    + points.get(0).lr() + "; a range-test curve needs learning rates that rise");
        }
        double[] lrs = new double[points.size()];
        double[] losses = new double[points.size()];
        double[] smoothed = new double[points.size()];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = points.get(i).lr();
            losses[i] = points.get(i).loss();
            smoothed[i] = smoothedInFile ? points.get(i).smoothedLoss() : losses[i];
        }
        return new Curve(lrs, losses, smoothed, smoothedInFile);
    }
}
