package org.rangefinder.ui.chart;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.scene.Node;

/**
 * The eight run colours of the themes ({@code -rf-run-0} .. {@code -rf-run-7}, defined by each theme's CSS) and
 * shades of them for the members of a family. A node gets its colour through the style class
 * {@code run-color-k}, which sets the looked-up colour {@code -rf-run} that lines, bands and swatches use; a
 * shade overrides {@code -rf-run} inline with {@code derive(-rf-run-k, p%)}.
 */
public final class RunColors {
    public static final int COUNT = 8;
    private static final String COLOR_CLASS = "run-color-";

    private RunColors() {
    }

    public static String styleClass(int colorIndex) {
        return COLOR_CLASS + Math.floorMod(colorIndex, COUNT);
    }

    /**
     * The inline style for a shade of colour {@code colorIndex}: {@code shade} from -1 (darker) to 1 (lighter), 0
     * for the colour itself (no inline style).
     */
    public static String shadeStyle(int colorIndex, double shade) {
        if (shade == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "-rf-run: derive(-rf-run-%d, %.0f%%);", Math.floorMod(colorIndex, COUNT),
                shade * 60);
    }

    /** The shade of member {@code i} of {@code n}, spread evenly from -1 to 1 (0 for a lone run). */
    public static double memberShade(int i, int n) {
        return n < 2 ? 0 : -1 + 2.0 * i / (n - 1);
    }

    /**
     * The look of a line in a run colour: style classes {@code rf-line}, {@code run-color-k} and the given roles
     * (e.g. {@code smoothed-line}), shaded by {@code shade}.
     */
    public static SeriesLook look(int colorIndex, double shade, String... roles) {
        String[] classes = new String[roles.length + 2];
        classes[0] = "rf-line";
        classes[1] = styleClass(colorIndex);
        System.arraycopy(roles, 0, classes, 2, roles.length);
        return SeriesLook.of(classes).withInlineStyle(shadeStyle(colorIndex, shade));
    }

    /**
     * Gives a node the style class {@code role} and its run colour, in place of the colour it had: a table cell's
     * swatch shows one run after another. Leaves the style classes alone when they are right already (each change
     * makes JavaFX compute the node's styles afresh).
     */
    public static void apply(Node node, String role, int colorIndex, double shade) {
        List<String> classes = node.getStyleClass();
        if (!classes.contains(role)) {
            classes.add(role);
        }
        String color = styleClass(colorIndex);
        int old = IntStream.range(0, classes.size()).filter(i -> classes.get(i).startsWith(COLOR_CLASS)).findFirst()
                .orElse(-1);
        if (old < 0) {
            classes.add(color);
        } else if (!classes.get(old).equals(color)) {
            classes.set(old, color);
        }
        node.setStyle(shadeStyle(colorIndex, shade));
    }
}
