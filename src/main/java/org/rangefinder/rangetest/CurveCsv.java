package org.rangefinder.rangetest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.rangefinder.Counts;
import org.rangefinder.EnumIds;
import org.rangefinder.OneLine;
import org.rangefinder.UserInputException;
import org.rangefinder.files.AtomicFiles;

/**
 * The CSV form of range-test curves, the one place it is written, read and split by run: {@code range-test --csv},
 * the window's export, the run history's {@code curve.csv} and {@code curves.csv}, and the CSV that
 * {@link CurveFiles} reads (Rangefinder's, pytorch-lr-finder's or fastai's).
 *
 * <p>Written: a header {@code iteration,lr,loss,smoothed_loss}, then one row per point, in order; several curves get
 * a leading {@code run} column holding each curve's label. A sweep's members are labelled by their place in the sweep
 * from 1, as everything else that names a member does, and each row holds its member's value of the factor in a
 * second column named after the factor ({@code run,weight-decay,iteration,lr,loss,smoothed_loss}). Numbers are in
 * Java's shortest round-trip form ({@link Double#toString}: {@code 1.0E-7}, {@code NaN}, {@code Infinity}), so a
 * file read back gives the very same points. Fields are separated by commas and never quoted (labels, values and
 * numbers hold none), lines end in {@code \n}, and files are written atomically ({@link AtomicFiles}).
 *
 * <p>Read: a header row with columns named {@code lr} and {@code loss} (any case, any order, other columns ignored),
 * separated by commas, semicolons or tabs (the one of them the header holds most of); then rows in file order. The
 * header is the first line that is not blank, after a byte order mark; blank lines are skipped. Fields may be
 * double-quoted, holding the separator and doubled quotes. A column named {@code run} labels each row with its curve
 * ({@link #byRun}), and beside it a column named after a sweep factor ({@link SweepFactor#id}) holds the member's
 * value of that factor (files written before it have none); one named {@code smoothed_loss} holds the smoothed
 * losses (NaN in each point where there is none);
 * {@code iteration} is read where the caller requires it (Rangefinder's own files), and elsewhere a point's
 * iteration is its place in its curve. Numbers are decimals, or {@code nan}, {@code inf} and {@code infinity} in any
 * case and signed; a learning rate must be finite and &gt; 0. Every problem is a {@link UserInputException} naming
 * the file, the line and, for a value, the column.
 */
public final class CurveCsv {

    public static final String RUN = "run";
    public static final String ITERATION = "iteration";
    public static final String LR = "lr";
    public static final String LOSS = "loss";
    public static final String SMOOTHED_LOSS = "smoothed_loss";

    /** The columns of one curve as written, in order. */
    public static final List<String> COLUMNS = List.of(ITERATION, LR, LOSS, SMOOTHED_LOSS);

    /** The columns of several curves as written, in order; a sweep's have the factor's after {@code run}. */
    public static final List<String> RUN_COLUMNS = List.of(RUN, ITERATION, LR, LOSS, SMOOTHED_LOSS);

    /**
     * One curve to write, the label of its rows in the {@code run} column and, for a sweep's member, its value of the
     * factor (null for another curve).
     */
    public record Run(String label, String value, List<CurvePoint> points) {

        public Run(String label, List<CurvePoint> points) {
            this(label, null, points);
        }

        /** The curves of a sweep's members, labelled by their place from 1, each with its value of the factor. */
        public static List<Run> ofMembers(SweepResult sweep) {
            List<RangeTestResult> members = sweep.members();
            return IntStream.range(0, members.size()).mapToObj(m -> new Run(String.valueOf(m + 1),
                    sweep.sweep().values().get(m), members.get(m).points())).toList();
        }
    }

    /**
     * A row read: the label of its curve ({@code ""} without a {@code run} column), its member's value of a sweep's
     * factor (null without that column), its point, and where its learning rate stands in the file
     * ({@code "c.csv: line 5, column 2 (lr)"}), for messages.
     */
    public record Row(String run, String value, CurvePoint point, String lrAt) {
    }

    /**
     * The rows of a file, in file order, whether it has a {@code smoothed_loss} column (without one each point's
     * smoothed loss is NaN), and the sweep factor whose column holds each row's value (null without one).
     */
    public record Table(List<Row> rows, boolean smoothedInFile, SweepFactor factor) {
    }

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /** A decimal number; possessive, so that a long run of digits ending in a letter is refused at once. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?+(\\d++(\\.\\d*+)?+|\\.\\d++)([eE][+-]?+\\d++)?+");

    private CurveCsv() {
    }

    /** The text of one curve: no {@code run} column. */
    public static String format(List<CurvePoint> curve) {
        return format(List.of(new Run("", curve)), false, null);
    }

    /** The text of several curves, each row led by its curve's label in the {@code run} column. */
    public static String formatRuns(List<Run> runs) {
        return format(runs, true, null);
    }

    /**
     * The text of several curves of sweeps of one {@code factor}, each row led by its curve's label in the {@code run}
     * column and its value of the factor in the factor's column.
     */
    public static String formatRuns(List<Run> runs, SweepFactor factor) {
        return format(runs, true, factor.id());
    }

    /**
     * The text of a sweep's members' curves: each row led by its member's place from 1 in the {@code run} column and
     * its value of the factor in the factor's column.
     */
    public static String formatMembers(SweepResult sweep) {
        return formatRuns(Run.ofMembers(sweep), sweep.sweep().factor());
    }

    /** Writes one curve as {@link #format} gives it, atomically. */
    public static void write(Path file, List<CurvePoint> curve) throws IOException {
        AtomicFiles.writeString(file, format(curve));
    }

    /** Writes several curves as {@link #formatRuns} gives them, atomically. */
    public static void writeRuns(Path file, List<Run> runs) throws IOException {
        AtomicFiles.writeString(file, formatRuns(runs));
    }

    /** Writes several curves of sweeps of one factor as {@link #formatRuns(List, SweepFactor)} gives them, atomically. */
    public static void writeRuns(Path file, List<Run> runs, SweepFactor factor) throws IOException {
        AtomicFiles.writeString(file, formatRuns(runs, factor));
    }

    /** Writes a sweep's members' curves as {@link #formatMembers} gives them, atomically. */
    public static void writeMembers(Path file, SweepResult sweep) throws IOException {
        AtomicFiles.writeString(file, formatMembers(sweep));
    }

    /**
     * @param valueColumn the name of the column after {@code run} that holds each run's value, or null for none
     */
    private static String format(List<Run> runs, boolean withRun, String valueColumn) {
        List<String> header = new ArrayList<>(withRun ? RUN_COLUMNS : COLUMNS);
        if (valueColumn != null) {
            header.add(1, valueColumn);
        }
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (Run run : runs) {
            for (CurvePoint p : run.points()) {
                if (withRun) {
                    sb.append(run.label()).append(',');
                }
                if (valueColumn != null) {
                    sb.append(run.value()).append(',');
                }
                sb.append(p.iteration()).append(',').append(p.lr()).append(',').append(p.loss()).append(',')
                        .append(p.smoothedLoss()).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * The rows of a curve file, read as {@link CurveFiles} reads a file's text.
     *
     * @param required the columns besides {@code lr} and {@code loss} that must be there (a header that lacks any of
     *                 them or of those two is refused naming each it lacks, in this order, then lr and loss):
     *                 {@link #COLUMNS} or {@link #RUN_COLUMNS} for a file Rangefinder wrote
     */
    public static Table read(Path file, List<String> required) {
        return parse(file, CurveFiles.readText(file), required);
    }

    /** The rows of a file's text, as {@link #read} reads them. */
    static Table parse(Path file, String text, List<String> required) {
        String[] lines = text.split("\r\n|\n|\r", -1);
        Header header = header(file, Arrays.asList(lines).iterator());
        if (header == null) {
            throw new UserInputException(file + ": the file is empty");
        }
        List<String> needed = new ArrayList<>(required);
        needed.addAll(List.of(LR, LOSS));
        requireColumns(file, header, needed);
        int lrColumn = indexOfColumn(header.names(), LR);
        int lossColumn = indexOfColumn(header.names(), LOSS);
        int runColumn = indexOfColumn(header.names(), RUN);
        SweepFactor factor = runColumn < 0 ? null : factorColumn(header.names());
        int valueColumn = factor == null ? -1 : indexOfColumn(header.names(), factor.id());
        int smoothedColumn = indexOfColumn(header.names(), SMOOTHED_LOSS);
        int iterationColumn = required.contains(ITERATION) ? indexOfColumn(header.names(), ITERATION) : -1;
        int width = IntStream.of(lrColumn, lossColumn, runColumn, valueColumn, smoothedColumn, iterationColumn).max()
                .getAsInt() + 1;
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> pointsInRun = new HashMap<>();
        // the header's line number is the index of the line after it
        for (int i = header.lineNo(); i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            List<String> fields = splitCsv(file, lineNo, lines[i], header.separator());
            if (fields.size() < width) {
                throw new UserInputException(file + ": line " + lineNo + ": "
                        + Counts.of(fields.size(), "column") + ", expected at least " + width);
            }
            double lr = number(file, lineNo, fields, lrColumn, LR);
            String lrAt = file + ": line " + lineNo + ", column " + (lrColumn + 1) + " (lr)";
            requireUsableLr(lr, lrAt);
            String run = runColumn < 0 ? "" : fields.get(runColumn).strip();
            String value = valueColumn < 0 ? null : fields.get(valueColumn).strip();
            double loss = number(file, lineNo, fields, lossColumn, LOSS);
            double smoothed = smoothedColumn < 0 ? Double.NaN
                    : number(file, lineNo, fields, smoothedColumn, SMOOTHED_LOSS);
            int place = pointsInRun.merge(run, 1, Integer::sum) - 1;
            int iteration = iterationColumn < 0 ? place
                    : (int) number(file, lineNo, fields, iterationColumn, ITERATION);
            rows.add(new Row(run, value, new CurvePoint(iteration, lr, loss, smoothed), lrAt));
        }
        return new Table(rows, smoothedColumn >= 0, factor);
    }

    /** The sweep factor the first column named after one is named after; null when none is. */
    private static SweepFactor factorColumn(List<String> names) {
        return names.stream().map(name -> EnumIds.find(SweepFactor.class, name)).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    /** The rows of each curve, by label, in order of the label's first appearance. */
    public static Map<String, List<Row>> byRun(List<Row> rows) {
        Map<String, List<Row>> runs = new LinkedHashMap<>();
        for (Row row : rows) {
            runs.computeIfAbsent(row.run(), r -> new ArrayList<>()).add(row);
        }
        return runs;
    }

    /** The points of rows, in order. */
    public static List<CurvePoint> points(List<Row> rows) {
        return rows.stream().map(Row::point).toList();
    }

    /**
     * Whether the header of CSV lines, found as {@link #read} finds it, names all of {@code columns}; a line that
     * cannot be split is a {@link UserInputException}.
     */
    static boolean headerNames(Path file, Iterator<String> lines, List<String> columns) {
        Header header = header(file, lines);
        return header != null && columns.stream().allMatch(c -> indexOfColumn(header.names(), c) >= 0);
    }

    /**
     * Refuses a learning rate that is not finite or not above 0.
     *
     * @param where where the value stands, first in the message: {@code "c.csv: line 5, column 2 (lr)"}
     */
    static void requireUsableLr(double lr, String where) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new UserInputException(where + ": learning rate " + lr + " must be a finite number > 0");
        }
    }

    /** A decimal number, or Python's and Java's names of NaN and the infinities; null for anything else. */
    static Double parseNumber(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        String unsigned = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        boolean negative = t.startsWith("-");
        return switch (unsigned) {
            case "nan" -> Double.NaN;
            case "inf", "infinity" -> negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            default -> DECIMAL.matcher(t).matches() ? Double.parseDouble(t) : null;
        };
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

    /** Refuses a header that lacks any of {@code columns}, naming every one it lacks. */
    private static void requireColumns(Path file, Header header, List<String> columns) {
        List<String> missing = columns.stream().distinct().filter(c -> indexOfColumn(header.names(), c) < 0)
                .map(c -> "'" + c + "'").toList();
        if (!missing.isEmpty()) {
            String named = missing.size() == 1 ? "no column named " + missing.get(0)
                    : "no columns named " + String.join(", ", missing.subList(0, missing.size() - 1)) + " and "
                            + missing.get(missing.size() - 1);
            throw new UserInputException(file + ": line " + header.lineNo() + ": " + named + " in the header ["
                    + OneLine.list(header.names(), "column") + "]");
        }
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

    private static double number(Path file, int lineNo, List<String> fields, int index, String column) {
        String field = fields.get(index);
        Double value = parseNumber(field);
        if (value == null) {
            throw new UserInputException(file + ": line " + lineNo + ", column " + (index + 1) + ": " + OneLine.quote(field.strip())
                    + " in column " + column + " is not a number");
        }
        return value;
    }
}
