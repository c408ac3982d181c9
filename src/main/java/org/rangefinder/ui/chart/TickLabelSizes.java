package org.rangefinder.ui.chart;

import java.util.function.Function;
import javafx.geometry.Dimension2D;
import javafx.scene.chart.Axis;
import org.rangefinder.ui.Remembered;

/**
 * The sizes of an axis's tick labels, each text measured once. JavaFX's {@code Axis} measures every tick label (a
 * layout of its text) each time the chart asks the axis for its preferred size, several times in each of the chart's
 * layouts, which a live curve or a marker drag asks for at every frame. A label's size depends only on its text, the
 * axis's tick label font and the rotation, so sizes are kept per text and forgotten when the font or the rotation
 * changes (a theme, a stylesheet).
 */
final class TickLabelSizes {
    /** Sizes kept at most; beyond, all are forgotten (an axis zoomed through many ranges). */
    static final int LIMIT = 512;

    private final Remembered<String, Dimension2D> sizes = new Remembered<>(LIMIT);
    private final Function<String, Dimension2D> measure;

    /** Sizes of {@code axis}'s labels, measured by {@code measure} (the axis's own measurement). */
    TickLabelSizes(Axis<?> axis, Function<String, Dimension2D> measure) {
        this.measure = measure;
        // change listeners, not invalidation ones: they fire on every change, whether or not the value was read since
        axis.tickLabelFontProperty().addListener((obs, old, now) -> sizes.forget());
        axis.tickLabelRotationProperty().addListener((obs, old, now) -> sizes.forget());
    }

    /** The size of {@code label} in the axis's current font and rotation. */
    Dimension2D of(String label) {
        return sizes.get(label, measure);
    }

    /** How many sizes are kept. */
    int size() {
        return sizes.size();
    }
}
