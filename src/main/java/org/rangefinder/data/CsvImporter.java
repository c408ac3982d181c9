package org.rangefinder.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.rangefinder.Counts;
import org.rangefinder.OneLine;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;
import org.rangefinder.UserInputException;

/**
 * Reads a table of samples from a delimited text file ({@code .csv}, {@code .tsv}, {@code .txt}, each optionally
 * gzipped): one sample per line, numeric feature cells and one label cell.
 *
 * <ul>
 *   <li>Delimiter: a tab if the first line has one outside quotes, else a semicolon if it has one, else a comma.
 *       A cell may be double-quoted ({@code "a;b"}, {@code ""} inside quotes is a quote); cells are trimmed;
 *       blank lines are skipped.</li>
 *   <li>Label column: a name from the header, or a 0-based index written in digits; by default the last. A name
 *       that several columns of the header have is refused: the index says which.</li>
 *   <li>Header: present when the label column is given by name, when the first line has a cell outside the label
 *       column that is text (not a number, not empty: an empty cell or {@code NaN} is a value missing from a row),
 *       or when each cell of the first line is its own column index ({@code 0,1,2,...}: pandas' names of unnamed
 *       columns), the label's possibly a name ({@code 0,1,2,3,target}). A first line of numbers is a header too
 *       when its label cell is text that no other line has as its label while the other lines' labels are numbers
 *       or not all different: feature names that are numbers (wavelengths, years) over the label column's name
 *       ({@code 400,410,420,class}). So a file without a header whose first line is the one sample of its class,
 *       the other classes having several, loses that line; one whose every label differs (two lines) keeps it.</li>
 *   <li>The scikit-learn layout is recognised too: a first line {@code n_samples,n_features,class names...} whose
 *       counts match the file (n_samples further lines, the first of n_features + 1 cells) and that names at
 *       least two classes. There the label is the last column and holds class indices into those names.</li>
 *   <li>Otherwise labels may be integers or text; the classes are their distinct values, sorted (see
 *       {@link ClassLabels}).</li>
 * </ul>
 *
 * Feature values are taken as written (scaling is the caller's business). Every problem is reported with the
 * file, line and 1-based column.
 */
final class CsvImporter {

    /**
     * A decimal number. The quantifiers are possessive: {@code \d+\.?\d*} tried again at every split of a long
     * run of digits that ends in something else (40,000 digits and an x: 10.3 s, against 3 ms).
     */
    private static final Pattern NUMBER = Pattern.compile("[+-]?+(\\d++(\\.\\d*+)?+|\\.\\d++)([eE][+-]?+\\d++)?+");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    /** A quoted cell; written so that a long one does not recurse once per character (a stack overflow). */
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*+(?:\"\"[^\"]*+)*\"");

    /** A non-blank line of the file, split into trimmed cells. */
    private record Row(int line, List<String> cells) {
    }

    /** Lines read between two questions whether the load is still wanted. */
    private static final int LINES_PER_CHECK = 1024;

    private final Path file;
    private final Loading loading;

    private CsvImporter(Path file, Loading loading) {
        this.file = file;
        this.loading = loading;
    }

    /**
     * @param labelColumn a header name or a 0-based index in digits; {@code null} for the last column
     * @param loading     asked every {@value #LINES_PER_CHECK} lines whether the load is still wanted, and told the
     *                    lines read
     */
    static LabelledSamples read(Path file, String labelColumn, Loading loading) {
        return new CsvImporter(file, loading).read(labelColumn, true);
    }

    /**
     * Reads the file in one pass, each row parsed into floats as it is read, so that memory holds the samples and
     * not the text. A first line that may be a scikit-learn header is taken for one until the rows are counted; if
     * their count does not match it, the file is read again as a plain table ({@code scikitPossible} false).
     */
    private LabelledSamples read(String labelColumn, boolean scikitPossible) {
        try (Lines lines = new Lines()) {
            Lines.Line firstLine = lines.next();
            if (firstLine == null) {
                throw new UserInputException(file + ": the file is empty");
            }
            char delimiter = delimiter(firstLine.text());
            Row first = lines.row(firstLine, delimiter);
            int columns = first.cells().size();
            if (columns < 2) {
                throw problem(first.line(), "a single column; expected feature columns and a label, separated "
                        + "by commas, semicolons or tabs");
            }
            Row second = lines.row(lines.next(), delimiter);
            if (scikitPossible && isScikitLearnCandidate(first, second)) {
                int last = second.cells().size() - 1;
                Samples data = new Samples(last + 1, last);
                UserInputException rowProblem = null;
                int rows;
                try {
                    data.add(second);
                    lines.rows(delimiter, data);
                    rows = data.count;
                } catch (UserInputException e) {
                    // a bad row is the file's problem only if the file is in this layout, which the count tells
                    rowProblem = e;
                    rows = data.count + 1 + lines.skipRest();
                }
                int announced = Integer.parseInt(first.cells().get(0));
                if (announced == rows) {
                    if (rowProblem != null) {
                        throw rowProblem;
                    }
                    if (labelColumn != null && !labelColumn.equals(Integer.toString(last))) {
                        throw SettingProblem.worded(Setting.LABEL_COLUMN, "%s: the first line %s is a "
                                + "scikit-learn header (n_samples, n_features, class names), so the label is the last "
                                + "column (index %s), not label column %s", file,
                                OneLine.quote(String.join(",", first.cells())), last, OneLine.quote(labelColumn));
                    }
                    return data.table(first.cells().subList(2, columns), lines.sha256());
                }
                try {
                    return read(labelColumn, false);
                } catch (UserInputException plain) { // say why the first line was not taken for a header
                    throw new UserInputException(plain.getMessage() + " (line 1 would be a scikit-learn header, "
                            + "n_samples " + announced + ", had " + announced + " rows followed it; " + rows + " do)",
                            plain);
                }
            } else {
                int label = labelIndex(first.cells(), labelColumn);
                boolean byName = labelColumn != null && !isIndex(labelColumn);
                boolean header = byName || hasTextOutside(first.cells(), label) || isColumnIndices(first.cells(), label);
                Samples data = new Samples(columns, label);
                if (!header) {
                    data.add(first);
                } else if (second == null) {
                    throw new UserInputException(file + ": no data rows after the header line");
                }
                if (second != null) {
                    data.add(second);
                    lines.rows(delimiter, data);
                }
                if (!header && data.firstLabelIsAName()) {
                    data.dropFirst();
                }
                return data.table(null, lines.sha256());
            }
        } catch (IOException e) {
            throw DataFiles.unreadable(file, e);
        }
    }

    /**
     * The file's non-blank lines, numbered as in the file, without a leading byte order mark; the file's SHA-256
     * taken as they are read.
     */
    private final class Lines implements AutoCloseable {
        private record Line(int number, String text) {
        }

        private final DataFiles.Hashed hashed = new DataFiles.Hashed(file);
        private final BufferedReader reader = new BufferedReader(
                new InputStreamReader(hashed.content(), StandardCharsets.UTF_8.newDecoder()));
        private int number;

        private Lines() throws IOException {
        }

        /** The SHA-256 of the file, in hex, once every line has been read. */
        String sha256() throws IOException {
            return DataDigest.hex(hashed.digest());
        }

        /** The next non-blank line, or null at the end; every {@value #LINES_PER_CHECK} lines asks and tells. */
        Line next() throws IOException {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (number % LINES_PER_CHECK == 0) {
                    DataFiles.stopIfCancelled(loading, file);
                    loading.progress(number, 0, "lines");
                }
                if (number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (!text.isBlank()) {
                    return new Line(number, text);
                }
            }
            return null;
        }

        /** A line split into cells; null for none. */
        Row row(Line line, char delimiter) {
            return line == null ? null : new Row(line.number(), cells(line.text(), delimiter, line.number()));
        }

        /** Reads past the lines left, returning how many were not blank. */
        int skipRest() throws IOException {
            int count = 0;
            while (next() != null) {
                count++;
            }
            return count;
        }

        /** Adds every row left to {@code data}. */
        void rows(char delimiter, Samples data) throws IOException {
            for (Line line = next(); line != null; line = next()) {
                data.add(row(line, delimiter));
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /**
     * Samples as their rows arrive: the features in an array that grows with them (a long first line over many
     * short ones is refused at the first short one, not multiplied), the label cells as written, and each row's
     * line for messages.
     */
    private final class Samples {
        private final int columns;
        private final int label;
        private float[] features = new float[1024];
        private int values;
        private final List<String> labels = new ArrayList<>();
        /** Each label text once, so that a million rows of three classes hold three strings. */
        private final Map<String, String> labelTexts = new HashMap<>();
        private int[] lines = new int[64];
        private int count;

        Samples(int columns, int label) {
            this.columns = columns;
            this.label = label;
        }

        void add(Row row) {
            List<String> cells = row.cells();
            if (cells.size() != columns) {
                throw problem(row.line(), Counts.of(cells.size(), "column") + ", expected " + columns);
            }
            long needed = (long) values + columns - 1; // in long: near the limit an int sum would wrap
            if (needed > features.length) {
                if (needed > Split.MAX_VALUES) {
                    throw problem(row.line(), "more than the " + Split.MAX_VALUES + " values one array holds");
                }
                features = Arrays.copyOf(features, (int) Math.min(Split.MAX_VALUES,
                        Math.max(2L * features.length, needed)));
            }
            for (int c = 0; c < columns; c++) {
                String cell = cells.get(c);
                if (c != label) {
                    features[values++] = number(cell, row.line(), c);
                } else if (cell.isEmpty()) {
                    throw problem(row.line(), c, cell, "the label is missing");
                } else {
                    labels.add(labelTexts.computeIfAbsent(cell, text -> text));
                }
            }
            if (count == lines.length) {
                lines = Arrays.copyOf(lines, 2 * count);
            }
            lines[count++] = row.line();
        }

        /**
         * Whether the first row is the label column's name over rows of numbers: its label is text (not a number,
         * not NaN) that no other row has, and the other rows' labels are numbers or not all different. Rows whose
         * every label differs say nothing of which is a name: the first is kept.
         */
        boolean firstLabelIsAName() {
            String first = labels.get(0);
            if (count < 2 || !isText(first)) {
                return false;
            }
            boolean numbers = true;
            for (int i = 1; i < count; i++) {
                String other = labels.get(i);
                if (other.equals(first)) {
                    return false;
                }
                numbers &= NUMBER.matcher(other).matches();
            }
            boolean repeated = labelTexts.size() < count; // fewer distinct labels than rows, the first being alone
            return numbers || repeated;
        }

        /** Forgets the first row: a header after all. */
        void dropFirst() {
            int width = columns - 1;
            System.arraycopy(features, width, features, 0, values - width);
            values -= width;
            labels.remove(0);
            System.arraycopy(lines, 1, lines, 0, count - 1);
            count--;
        }

        /**
         * The samples; {@code classNames} null means the label cells name the classes.
         *
         * @param sha256 of the file they were read from
         */
        LabelledSamples table(List<String> classNames, String sha256) {
            int width = columns - 1;
            List<String> names;
            int[] indices;
            if (classNames == null) {
                ClassLabels classes = ClassLabels.of(labels);
                names = classes.names();
                indices = classes.indices();
            } else {
                names = classNames;
                indices = new int[count];
                for (int i = 0; i < count; i++) {
                    indices[i] = classIndex(labels.get(i), names.size(), lines[i], label);
                }
            }
            return new LabelledSamples(file.toString(), DatasetKind.TABULAR, new int[] {width}, names,
                    new Split(Arrays.copyOf(features, values), indices, width), sha256);
        }
    }

    private static char delimiter(String firstLine) {
        String unquoted = QUOTED.matcher(firstLine).replaceAll("");
        if (unquoted.indexOf('\t') >= 0) {
            return '\t';
        }
        return unquoted.indexOf(';') >= 0 ? ';' : ',';
    }

    private List<String> cells(String text, char delimiter, int line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch != '"') {
                    cell.append(ch);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (ch == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (ch == delimiter) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw problem(line, "a quoted cell is not closed");
        }
        cells.add(cell.toString().trim());
        return cells;
    }

    /**
     * Whether the first line may be a scikit-learn header: at least four cells, the first two counts, and the second
     * line n_features + 1 cells wide. Whether n_samples matches the rows is known once they are read.
     */
    private static boolean isScikitLearnCandidate(Row first, Row second) {
        List<String> cells = first.cells();
        return second != null && cells.size() >= 4 && COUNT.matcher(cells.get(0)).matches()
                && COUNT.matcher(cells.get(1)).matches()
                && Integer.parseInt(cells.get(1)) + 1 == second.cells().size();
    }

    private static boolean isIndex(String labelColumn) {
        return labelColumn != null && COUNT.matcher(labelColumn).matches();
    }

    private int labelIndex(List<String> first, String labelColumn) {
        if (labelColumn == null) {
            return first.size() - 1;
        }
        if (isIndex(labelColumn)) {
            int index = Integer.parseInt(labelColumn);
            if (index >= first.size()) {
                throw SettingProblem.worded(Setting.LABEL_COLUMN, "%s: label column index %s is out of range: the "
                        + "file has %s columns (indices 0 to %s)", file, index, first.size(), first.size() - 1);
            }
            return index;
        }
        List<String> named = new ArrayList<>();
        for (int c = 0; c < first.size(); c++) {
            if (first.get(c).equals(labelColumn)) {
                named.add(Integer.toString(c));
            }
        }
        if (named.isEmpty()) {
            throw SettingProblem.worded(Setting.LABEL_COLUMN, "%s: label column %s is not in the header line (%s)",
                    file, OneLine.quote(labelColumn), OneLine.list(first, "column"));
        }
        if (named.size() > 1) {
            int last = named.size() - 1;
            String indices = named.size() <= OneLine.LISTED
                    ? String.join(", ", named.subList(0, last)) + " and " + named.get(last)
                    : OneLine.list(named, "column");
            throw SettingProblem.worded(Setting.LABEL_COLUMN, "%s: label column %s names %s columns of the header "
                    + "line (indices %s); set %s to the index of the one meant", file, OneLine.quote(labelColumn),
                    named.size(), indices, Setting.LABEL_COLUMN);
        }
        return Integer.parseInt(named.get(0));
    }

    /** Whether a cell outside the label column is text. */
    private static boolean hasTextOutside(List<String> cells, int label) {
        for (int c = 0; c < cells.size(); c++) {
            if (c != label && isText(cells.get(c))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a cell is text: neither a number nor a value left out (empty, NaN). */
    private static boolean isText(String cell) {
        return !cell.isEmpty() && !cell.equalsIgnoreCase("nan") && !NUMBER.matcher(cell).matches();
    }

    /** Whether each cell is its column's index, as pandas names unnamed columns; the label's may be a name. */
    private static boolean isColumnIndices(List<String> cells, int label) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            boolean named = c == label && !cell.isEmpty() && !NUMBER.matcher(cell).matches();
            if (!named && !cell.equals(Integer.toString(c))) {
                return false;
            }
        }
        return true;
    }

    private float number(String cell, int line, int column) {
        if (cell.isEmpty()) {
            throw problem(line, column, cell, "the value is missing");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw problem(line, column, cell, "not a number");
        }
        float value = Float.parseFloat(cell); // rounded once (through a double, 1.00000005960464478 became 1.0)
        if (Float.isInfinite(value)) {
            throw problem(line, column, cell, "too large for a 32-bit float");
        }
        return value;
    }

    private int classIndex(String cell, int classes, int line, int column) {
        if (COUNT.matcher(cell).matches() && Integer.parseInt(cell) < classes) {
            return Integer.parseInt(cell);
        }
        throw problem(line, column, cell, "the first line names " + classes + " classes, so a label is a class "
                + "index from 0 to " + (classes - 1));
    }

    private UserInputException problem(int line, String what) {
        return new UserInputException(file + ": line " + line + ": " + what);
    }

    private UserInputException problem(int line, int column, String cell, String what) {
        return new UserInputException(file + ": line " + line + ", column " + (column + 1) + " (" + OneLine.quote(cell)
                + "): " + what);
    }
}
