package org.rangefinder.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rangefinder.Counts;
import org.rangefinder.OneLine;
import org.rangefinder.UserInputException;
import org.rangefinder.files.AtomicFiles;

/**
 * The plain CSV of a run folder's tables other than its curves ({@link org.rangefinder.rangetest.CurveCsv} writes and
 * reads those): a header line, then one line per row, values comma-separated, numbers in Java's
 * shortest round-trip form ({@code NaN} for a blown-up loss). Values never contain commas, so there is no quoting.
 */
final class Csv {
    private Csv() {
    }

    static void write(Path file, List<String> header, List<Object[]> rows) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                sb.append(i == 0 ? "" : ",").append(row[i] == null ? "" : row[i]);
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** The named columns of every row, as numbers, in the order of {@code columns}. */
    static List<double[]> read(Path file, List<String> columns) {
        Table table = table(file);
        int[] at = new int[columns.size()];
        for (int c = 0; c < at.length; c++) {
            at[c] = table.header().indexOf(columns.get(c));
            if (at[c] < 0) {
                throw new UserInputException(file + ": no column '" + columns.get(c) + "' in the header ["
                        + OneLine.list(table.header(), "column") + "]");
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (int line = 0; line < table.rows().size(); line++) {
            String[] cells = table.rows().get(line);
            double[] row = new double[at.length];
            for (int c = 0; c < at.length; c++) {
                try {
                    row[c] = Double.parseDouble(cells[at[c]]);
                } catch (NumberFormatException e) {
                    throw new UserInputException(file + " line " + (line + 2) + ", column '" + columns.get(c)
                            + "': not a number: " + OneLine.quote(cells[at[c]]));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * The named columns of every row, as written, in the order of {@code columns}; a column the header lacks is null
     * in every row, for a table written by an older Rangefinder, or one edited by hand, whose reader can do without.
     */
    static List<String[]> readText(Path file, List<String> columns) {
        Table table = table(file);
        int[] at = columns.stream().mapToInt(table.header()::indexOf).toArray();
        List<String[]> rows = new ArrayList<>();
        for (String[] cells : table.rows()) {
            String[] row = new String[at.length];
            for (int c = 0; c < row.length; c++) {
                row[c] = at[c] < 0 ? null : cells[at[c]];
            }
            rows.add(row);
        }
        return rows;
    }

    /** A file's header and its rows, each row as many values as the header has names. */
    private record Table(List<String> header, List<String[]> rows) {
    }

    private static Table table(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": file not found");
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (lines.isEmpty()) {
            throw new UserInputException(file + ": empty, expected a header line");
        }
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String[]> rows = new ArrayList<>();
        for (int line = 1; line < lines.size(); line++) {
            String[] cells = lines.get(line).split(",", -1);
            if (cells.length != header.size()) {
                throw new UserInputException(file + " line " + (line + 1) + ": " + Counts.of(cells.length, "value")
                        + ", expected " + header.size());
            }
            rows.add(cells);
        }
        return new Table(header, rows);
    }
}
