package org.rangefinder.ui.chart;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * A chart's legend that never squeezes the plot out: its entries wrap into rows, and it shows at most
 * {@link #setMaxRows} of them (all by default), and no more than leave the plot the height below which the chart
 * would hide the legend (see {@link #setRoom}; one row at least); the other rows are scrolled to with the mouse wheel
 * or the scroll bar beside the entries. Without a limit a legend of many runs left the plot 130 px, and in a smaller
 * window the chart dropped the legend altogether.
 *
 * <p>For a picture of the chart, {@link #setShowingAll} lets it take every row.
 */
final class ChartLegend extends Region {
    /** JavaFX's Chart hides a legend that leaves its plot and axes less than 150 px high; one more, to be safe. */
    static final double CHART_CONTENT_MIN = 151;

    private final FlowPane entries;
    private final ScrollBar bar = new ScrollBar();
    private final Rectangle clip = new Rectangle();
    private double room = Double.MAX_VALUE;
    private int maxRows = Integer.MAX_VALUE;
    private boolean showingAll;

    ChartLegend(FlowPane entries) {
        this.entries = entries;
        bar.setOrientation(Orientation.VERTICAL);
        bar.setVisible(false);
        bar.valueProperty().addListener(o -> entries.setTranslateY(-bar.getValue()));
        getChildren().addAll(entries, bar);
        setClip(clip);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (bar.isVisible()) {
                bar.setValue(Math.max(bar.getMin(), Math.min(bar.getMax(), bar.getValue() - e.getDeltaY())));
                e.consume();
            }
        });
    }

    /** Shows at most {@code rows} rows of entries at once. */
    void setMaxRows(int rows) {
        maxRows = rows;
        requestLayout();
    }

    /**
     * The most height the chart leaves the legend before it would hide it: the chart's content height less
     * {@link #CHART_CONTENT_MIN}. Set by the chart as it lays itself out, before it asks the legend's height.
     */
    void setRoom(double room) {
        this.room = room;
    }

    /** Whether the legend takes every row, however many (for a picture of the chart). */
    void setShowingAll(boolean all) {
        showingAll = all;
        requestLayout();
    }

    /** How much of its entries' height the legend, {@code width} wide, leaves to be scrolled to. */
    double hiddenHeight(double width) {
        double inside = width - snappedLeftInset() - snappedRightInset();
        return Math.max(0, snappedTopInset() + entries.prefHeight(inside) + snappedBottomInset() - prefHeight(width));
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + entries.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double inside = width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
        double all = entries.prefHeight(inside);
        double most = showingAll ? all : Math.max(rowsHigh(1), Math.min(rowsHigh(maxRows), room));
        return snappedTopInset() + Math.min(all, most) + snappedBottomInset();
    }

    /** The height of {@code rows} rows of entries, the entries' padding included. */
    private double rowsHigh(int rows) {
        double row = 0;
        for (Node entry : entries.getChildren()) {
            row = Math.max(row, entry.prefHeight(-1));
        }
        return entries.snappedTopInset() + rows * row + (rows - 1) * entries.getVgap()
                + entries.snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double h = getHeight() - y - snappedBottomInset();
        boolean scrolls = entries.prefHeight(w) > h + 0.5;
        double barWidth = scrolls ? snapSizeX(bar.prefWidth(-1)) : 0;
        double entriesWidth = w - barWidth;
        double entriesHeight = scrolls ? entries.prefHeight(entriesWidth) : h;
        entries.resizeRelocate(x, y, entriesWidth, entriesHeight);
        bar.setVisible(scrolls);
        if (scrolls) {
            double hidden = entriesHeight - h;
            bar.setMax(hidden);
            bar.setVisibleAmount(hidden * h / entriesHeight);
            bar.setUnitIncrement(rowsHigh(2) - rowsHigh(1));
            bar.setBlockIncrement(h);
            bar.setValue(Math.min(bar.getValue(), hidden));
            bar.resizeRelocate(x + entriesWidth, y, barWidth, h);
        } else {
            bar.setValue(0);
        }
        clip.setWidth(getWidth());
        clip.setHeight(getHeight());
    }
}
