package org.rangefinder.ui.history;

import java.util.List;
import java.util.Map;
import javafx.scene.control.ConstrainedColumnResizeBase;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * The History table's column resize policy: the columns fill the table's width and never more, so that it does not
 * scroll sideways. Each column is as wide as its widest title or value (its natural width, measured by the panel)
 * and the last takes the room they leave. Short of room, the columns give it up in turns, each down to its floor,
 * those of a turn in proportion to what they have above their floors (see {@link #fit}); a value cut short ends in an
 * ellipsis. A border the user drags moves the columns after it, the last first, until the table is fitted again: when
 * its width changes or a value wider or narrower than the widest before is listed.
 */
final class FillingColumns extends ConstrainedColumnResizeBase
        implements Callback<TableView.ResizeFeatures, Boolean> {

    /**
     * How a column gives up room.
     *
     * @param floor the width it keeps, in em of the column titles' font
     * @param turn  the columns of turn 0 give up room first, down to their floors, then those of turn 1, ...
     */
    record Share(double floor, int turn) {
    }

    private final Map<TableColumnBase<?, ?>, Share> shares;
    private Map<TableColumnBase<?, ?>, Double> natural = Map.of();
    private double em;

    /** @param shares how the columns give up room; one not among them keeps its natural width */
    FillingColumns(Map<TableColumnBase<?, ?>, Share> shares) {
        this.shares = Map.copyOf(shares);
    }

    /**
     * Fits the columns of {@code table} to its width from their natural widths, in px, and the size of the column
     * titles' font; unchanged widths leave the columns as they are, as the user may have dragged them.
     */
    void fitTo(TableView<?> table, Map<TableColumnBase<?, ?>, Double> naturalWidths, double fontSize) {
        if (naturalWidths.equals(natural) && fontSize == em) {
            return;
        }
        natural = Map.copyOf(naturalWidths);
        em = fontSize;
        call(new TableView.ResizeFeatures<>(table, null, 0.0));
    }

    @Override
    public Boolean call(TableView.ResizeFeatures features) {
        if (features.getColumn() != null) {
            return TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN.call(features);
        }
        TableView<?> table = features.getTable();
        List<? extends TableColumn<?, ?>> columns = table.getVisibleLeafColumns();
        double room = features.getContentWidth();
        if (room <= 0 || em <= 0 || !natural.keySet().containsAll(columns)) {
            return false; // not laid out, or not measured yet
        }
        double[] widths = new double[columns.size()];
        double[] floors = new double[columns.size()];
        int[] turns = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            Share share = shares.get(columns.get(i));
            widths[i] = natural.get(columns.get(i));
            floors[i] = share == null ? widths[i] : share.floor() * em;
            turns[i] = share == null ? 0 : share.turn();
        }
        widths = fit(room, widths, floors, turns);
        for (int i = 0; i < widths.length; i++) {
            features.setColumnWidth(columns.get(i), widths[i]);
        }
        return true;
    }

    /**
     * Column widths, in whole px, that fill {@code room}. When the natural widths {@code n} fit, each column is at
     * its natural width and the last is wider by what they leave, {@code room - sum(n)}. Short of room by
     * {@code s = sum(n) - room}, the columns of the first turn give up {@code min(s, a)}, where {@code a} is what they
     * have above their floors {@code f}, {@code sum(max(0, n - f))}: each column {@code max(0, n - f) * min(1, s / a)}
     * of it; what is still short, the next turn, and so on. A column narrower than its floor keeps its width. Where
     * even the floors are too wide, the columns stay at them, past the room.
     *
     * @param natural the natural width of each column, px
     * @param floor   the width each column keeps, px
     * @param turn    when each column gives up room: 0 first
     */
    static double[] fit(double room, double[] natural, double[] floor, int[] turn) {
        double[] width = natural.clone();
        double sum = 0;
        for (double n : natural) {
            sum += n;
        }
        double shortOf = sum - room;
        if (shortOf <= 0) {
            width[width.length - 1] -= shortOf;
        }
        int lastTurn = 0;
        for (int t : turn) {
            lastTurn = Math.max(lastTurn, t);
        }
        for (int t = 0; t <= lastTurn && shortOf > 0; t++) {
            double above = 0;
            for (int i = 0; i < natural.length; i++) {
                above += turn[i] == t ? Math.max(0, natural[i] - floor[i]) : 0;
            }
            if (above <= 0) {
                continue;
            }
            double given = Math.min(1, shortOf / above);
            for (int i = 0; i < natural.length; i++) {
                if (turn[i] == t) {
                    width[i] -= Math.max(0, natural[i] - floor[i]) * given;
                }
            }
            shortOf -= Math.min(shortOf, above);
        }
        for (int i = 0; i < width.length; i++) {
            width[i] = Math.floor(width[i]);
        }
        return width;
    }
}
