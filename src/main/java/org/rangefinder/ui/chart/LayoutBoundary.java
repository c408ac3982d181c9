package org.rangefinder.ui.chart;

import javafx.scene.layout.Region;

/**
 * Holds a chart so that the chart's layout requests end at the chart. JavaFX passes a node's layout request up to
 * the window's root, and every container on the way lays itself out again in the next frame, asking its children
 * their sizes: a chart asks at every data change and every move of its markers, that is each frame of a range test,
 * a drag or a training. The chart held here is unmanaged, which makes it a layout root of its own (JavaFX lays out
 * just the chart); this region gives it its own size and position, and reports the chart's sizes as its own.
 */
public final class LayoutBoundary extends Region {
    private final Region chart;

    public LayoutBoundary(Region chart) {
        this.chart = chart;
        chart.setManaged(false);
        getChildren().add(chart);
    }

    @Override
    protected void layoutChildren() {
        chart.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    @Override
    protected double computeMinWidth(double height) {
        return chart.minWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return chart.minHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return chart.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return chart.prefHeight(width);
    }

    @Override
    protected double computeMaxWidth(double height) {
        return chart.maxWidth(height);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return chart.maxHeight(width);
    }
}
