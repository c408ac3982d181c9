package org.rangefinder.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.rangefinder.UserInputException;

/**
 * Reads a table of samples from a delimited text file ({@code .csv}, {@code .tsv}, {@code .txt}, each optionally
 * gzipped): one sample per line, numeric feature cells and one label cell.
 *
 * <ul>
 *   <li>Delimiter: a tab if the first line has one outside quotes, else a semicolon if it has one, else a comma.
 *       A cell may be double-quoted ({@code "a;b"}, {@code ""} inside quotes is a quote); cells are trimmed;
 *       blank lines are skipped.</li>
 *   <li>Label column: a name from the header, or a 0-based index written in digits; by default the last.</li>
 *   <li>Header: present when the label column is given by name, or when the first line has a cell that is not a
 *       number outside the label column.</li>
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

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]|\"\")*\"");

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
     *                    lines read, then the rows split into cells
     */
    static LabelledSamples read(Path file, String labelColumn, Loading loading) {
        return new CsvImporter(file, loading).read(labelColumn);
    }

    private LabelledSamples read(String labelColumn) {
        List<Row> rows = readRows();
        List<String> first = rows.get(0).cells();
        int columns = first.size();
        if (columns < 2) {
            throw problem(rows.get(0).line(), "a single column; expected feature columns and a label, separated "
                    + "by commas, semicolons or tabs");
        }
        if (isScikitLearnHeader(rows)) {
            int last = rows.get(1).cells().size() - 1;
            if (labelColumn != null && !labelColumn.equals(Integer.toString(last))) {
                throw new UserInputException(file + ": the first line '" + String.join(",", first)
                        + "' is a scikit-learn header (n_samples, n_features, class names), so the label is the "
                        + "last column (index " + last + "), not label column '" + labelColumn + "'");
            }
            return table(rows.subList(1, rows.size()), last + 1, last, first.subList(2, columns));
        }
        int label = labelIndex(first, labelColumn);
        boolean byName = labelColumn != null && !isIndex(labelColumn);
        boolean header = byName || hasTextOutside(first, label);
        List<Row> data = header ? rows.subList(1, rows.size()) : rows;
        if (data.isEmpty()) {
            throw new UserInputException(file + ": no data rows after the header line");
        }
        return table(data, columns, label, null);
    }

    /**
     * Sample rows of {@code columns} cells to features and labels; {@code classNames} null means the labels name
     * the classes. Every row's column count is checked before the {@code rows x (columns - 1)} features are
     * allocated, so a long first line over many short ones is refused, not multiplied.
     */
    private LabelledSamples table(List<Row> data, int columns, int label, List<String> classNames) {
        for (Row row : data) {
            if (row.cells().size() != columns) {
                throw problem(row.line(), row.cells().size() + " columns, expected " + columns);
            }
        }
        int width = columns - 1;
        float[] features = new float[data.size() * width];
        List<String> rawLabels = new ArrayList<>(data.size());
        int k = 0;
        for (Row row : data) {
            for (int c = 0; c < columns; c++) {
                String cell = row.cells().get(c);
                if (c != label) {
                    features[k++] = number(cell, row.line(), c);
                } else if (cell.isEmpty()) {
                    throw problem(row.line(), c, cell, "the label is missing");
                } else {
                    rawLabels.add(cell);
                }
            }
        }
        List<String> names;
        int[] labels;
        if (classNames == null) {
            ClassLabels classes = ClassLabels.of(rawLabels);
            names = classes.names();
            labels = classes.indices();
        } else {
            names = classNames;
            labels = new int[data.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = classIndex(rawLabels.get(i), names.size(), data.get(i).line(), label);
            }
        }
        return new LabelledSamples(file.toString(), DatasetKind.TABULAR, new int[] {width}, names,
                new Split(features, labels, width));
    }

    private List<Row> readRows() {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(DataFiles.open(file), StandardCharsets.UTF_8.newDecoder()))) {
            List<String> lines = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (number % LINES_PER_CHECK == 0) {
                    DataFiles.stopIfCancelled(loading, file);
                    loading.progress(number, 0, "lines");
                }
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    lines.add(line);
                    numbers.add(number);
                }
            }
            if (lines.isEmpty()) {
                throw new UserInputException(file + ": the file is empty");
            }
            char delimiter = delimiter(lines.get(0));
            for (int i = 0; i < lines.size(); i++) {
                if (i % LINES_PER_CHECK == 0) {
                    DataFiles.stopIfCancelled(loading, file);
                    loading.progress(i, lines.size(), "rows split into cells");
                }
                rows.add(new Row(numbers.get(i), cells(lines.get(i), delimiter, numbers.get(i))));
            }
        } catch (IOException e) {
            throw DataFiles.unreadable(file, e);
        }
        return rows;
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

    private static boolean isScikitLearnHeader(List<Row> rows) {
        List<String> first = rows.get(0).cells();
        if (rows.size() < 2 || first.size() < 4 || !COUNT.matcher(first.get(0)).matches()
                || !COUNT.matcher(first.get(1)).matches()) {
            return false;
        }
        return Integer.parseInt(first.get(0)) == rows.size() - 1
                && Integer.parseInt(first.get(1)) + 1 == rows.get(1).cells().size();
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
                throw new UserInputException(file + ": label column index " + index + " is out of range: the file "
                        + "has " + first.size() + " columns (indices 0 to " + (first.size() - 1) + ")");
            }
            return index;
        }
        int index = first.indexOf(labelColumn);
        if (index < 0) {
            throw new UserInputException(file + ": label column '" + labelColumn + "' is not in the header line ("
                    + String.join(", ", first) + ")");
        }
        return index;
    }

    private static boolean hasTextOutside(List<String> cells, int label) {
        for (int c = 0; c < cells.size(); c++) {
            if (c != label && !NUMBER.matcher(cells.get(c)).matches()) {
                return true;
            }
        }
        return false;
    }

    private float number(String cell, int line, int column) {
        if (cell.isEmpty()) {
            throw problem(line, column, cell, "the value is missing");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw problem(line, column, cell, "not a number");
        }
        float value = (float) Double.parseDouble(cell);
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
        return new UserInputException(file + ": line " + line + ", column " + (column + 1) + " ('" + cell + "'): "
                + what);
    }
}
