package org.rangefinder.ui.form;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import org.rangefinder.ui.Remembered;

/**
 * Holds one section of a side panel and remembers its minimum, preferred and maximum heights for the widths it was
 * asked about, until something inside it asks for a layout.
 *
 * <p>The panels' forms wrap their check boxes' text, so their heights depend on their width, and JavaFX keeps a
 * node's computed height only when it is asked for no particular width: a column of sections asks each for its
 * height at the column's width in every layout, and so measured every section again (each label's text included)
 * whenever any one of them changed, on every frame of a marker drag for the 1cycle panel's bounds and preview. A
 * change inside a section asks its parents for a layout on the way up to the window's root, so this pane learns of
 * it ({@link #requestLayout()}) and forgets its heights; the other sections keep theirs.
 */
public final class SizeCache extends StackPane {
    /** Widths remembered at most; more are forgotten (a window being resized). */
    static final int WIDTHS = 8;

    private final Remembered<Double, Double> minHeights = new Remembered<>(WIDTHS);
    private final Remembered<Double, Double> prefHeights = new Remembered<>(WIDTHS);
    private final Remembered<Double, Double> maxHeights = new Remembered<>(WIDTHS);

    public SizeCache(Node section) {
        super(section);
    }

    @Override
    public void requestLayout() {
        // also called while the StackPane is built, before the fields are set
        if (prefHeights != null) {
            minHeights.forget();
            prefHeights.forget();
            maxHeights.forget();
        }
        super.requestLayout();
    }

    @Override
    protected double computeMinHeight(double width) {
        return minHeights.get(width, super::computeMinHeight);
    }

    @Override
    protected double computePrefHeight(double width) {
        return prefHeights.get(width, super::computePrefHeight);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return maxHeights.get(width, super::computeMaxHeight);
    }
}
