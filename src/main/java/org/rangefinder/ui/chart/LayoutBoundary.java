package org.rangefinder.ui.chart;

import javafx.application.Platform;
import javafx.scene.layout.Region;

/**
 * Holds a chart (or any region that changes each frame, such as a progress bar) so that its layout requests end at
 * it. JavaFX passes a node's layout request up to the window's root, and every container on the way lays itself out
 * again in the next frame, asking its children their sizes: a chart asks at every data change and every move of its
 * markers, that is each frame of a range test, a drag or a training; a progress bar at each change of its progress; a
 * table whose row asks lays out all its rows again. The region held here is unmanaged, which makes it a layout root of
 * its own (JavaFX lays out just that region); this one gives it its own size and position, and reports its sizes as
 * its own.
 * <p>
 * JavaFX finds a layout root that asks through its ancestors: it marks them up to the first one marked already,
 * which it expects to be laid out anyway. A table's rows break that: a row that asks while the table lays it out
 * stays marked, and the table lays it out again only when it lays out all its rows. So the region held here is also
 * laid out after each frame's layout pass, if it asked for one (a region that did not costs nothing).
 */
public final class LayoutBoundary extends Region {
    private final Region held;
    private final Runnable layOutHeld;

    public LayoutBoundary(Region held) {
        this.held = held;
        layOutHeld = held::layout;
        held.setManaged(false);
        getChildren().add(held);
        held.needsLayoutProperty().addListener((o, was, needs) -> {
            if (needs) {
                Platform.requestNextPulse();
            }
        });
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(layOutHeld);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(layOutHeld);
            }
        });
    }

    @Override
    protected void layoutChildren() {
        held.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    @Override
    protected double computeMinWidth(double height) {
        return held.minWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return held.minHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return held.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return held.prefHeight(width);
    }

    @Override
    protected double computeMaxWidth(double height) {
        return held.maxWidth(height);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return held.maxHeight(width);
    }
}
