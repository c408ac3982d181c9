package org.rangefinder.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints rows as columns two spaces apart, each as wide as its widest cell; the last column is not padded. A cell
 * that is null (a value a record lacks) is printed as {@code -}.
 */
final class TextTable {
    private TextTable() {
    }

    /** All columns left-aligned. */
    static void print(PrintWriter out, List<String[]> rows) {
        print(out, rows, new boolean[rows.get(0).length]);
    }

    /** @param rightAligned per column, whether it is right-aligned (numbers) */
    static void print(PrintWriter out, List<String[]> rows, boolean[] rightAligned) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], cell(row, c).length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c == row.length - 1 ? cell(row, c)
                        : String.format("%" + (rightAligned[c] ? "" : "-") + widths[c] + "s  ", cell(row, c)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String cell(String[] row, int c) {
        return row[c] == null ? "-" : row[c];
    }
}
