package org.rangefinder.ui.form;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

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

    private final Map<Double, Double> minHeights = new HashMap<>();
    private final Map<Double, Double> prefHeights = new HashMap<>();
    private final Map<Double, Double> maxHeights = new HashMap<>();

    public SizeCache(Node section) {
        super(section);
    }

    @Override
    public void requestLayout() {
        // also called while the StackPane is built, before the maps exist
        if (prefHeights != null) {
            minHeights.clear();
            prefHeights.clear();
            maxHeights.clear();
        }
        super.requestLayout();
    }

    @Override
    protected double computeMinHeight(double width) {
        return remembered(minHeights, width, super::computeMinHeight);
    }

    @Override
    protected double computePrefHeight(double width) {
        return remembered(prefHeights, width, super::computePrefHeight);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return remembered(maxHeights, width, super::computeMaxHeight);
    }

    private static double remembered(Map<Double, Double> heights, double width,
                                     java.util.function.DoubleUnaryOperator compute) {
        Double height = heights.get(width);
        if (height == null) {
            if (heights.size() >= WIDTHS) {
                heights.clear();
            }
            height = compute.applyAsDouble(width);
            heights.put(width, height);
        }
        return height;
    }
}
