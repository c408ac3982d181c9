package org.rangefinder.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.scene.Node;

/**
 * The looks of runs: the eight run colours of the themes ({@code -rf-run-0} .. {@code -rf-run-7}, defined by each
 * theme's CSS), shades of them for the members of a family, and, past the eighth run, the colours again with a dash
 * pattern. A node gets its colour through the style class {@code run-color-k}, which sets the looked-up colours
 * {@code -rf-run-base} (the run colour) and {@code -rf-run} (what lines, bands and swatches are drawn in: the run
 * colour itself).
 *
 * <p>A family's member overrides {@code -rf-run} inline with a shade between three colours each theme defines in terms
 * of {@code -rf-run-base}: {@code -rf-family-start}, {@code -rf-family-middle} and {@code -rf-family-end}, the
 * colours of a family's first, middle and last members. So the theme chooses which way and how far the shades go:
 * the light theme from the run colour to darker ones, the dark theme from darker to lighter around it, every one at
 * least 3:1 against the theme's plot background (WCAG's least contrast for graphics). The shade of place
 * {@code p} (0 first, 1 last) is {@code ladder(hsb(0, 0%, 100p%), start 0%, middle 50%, end 100%)}: JavaFX's
 * {@code ladder} takes the brightness of its first colour, here {@code p}, as the place between the stops, and mixes
 * the two stops either side of it linearly in linear RGB.
 *
 * <p>A run's look index {@code i} gives colour {@code i mod 8} and pattern {@code (i div 8) mod 4}: solid, then the
 * style classes {@code run-dash-1} .. {@code run-dash-3} (dotted, dash-dot, long dashes; a run's smoothed line, its
 * legend entry and, as an outline, its swatch in the runs list). So the first {@value #LOOKS} looks all differ.
 */
public final class RunColors {
    public static final int COUNT = 8;
    /** Line patterns, solid included. */
    public static final int PATTERNS = 4;
    /** Looks that differ in colour or pattern. */
    public static final int LOOKS = COUNT * PATTERNS;
    /** The shade of a run drawn in its colour itself, not as a family's member. */
    public static final double OWN = -1;
    private static final String COLOR_CLASS = "run-color-";
    private static final String DASH_CLASS = "run-dash-";

    private RunColors() {
    }

    public static String styleClass(int colorIndex) {
        return COLOR_CLASS + Math.floorMod(colorIndex, COUNT);
    }

    /** The line pattern of look {@code colorIndex}: 0 for solid, else the pattern of style class {@code run-dash-p}. */
    public static int pattern(int colorIndex) {
        return Math.floorMod(Math.floorDiv(colorIndex, COUNT), PATTERNS);
    }

    /**
     * The inline style for shade {@code shade}: a family's member from 0 (its first) to 1 (its last), none for
     * {@link #OWN}.
     */
    public static String shadeStyle(double shade) {
        if (shade == OWN) {
            return "";
        }
        return String.format(Locale.ROOT, "-rf-run: ladder(hsb(0, 0%%, %.2f%%), -rf-family-start 0%%, "
                + "-rf-family-middle 50%%, -rf-family-end 100%%);", shade * 100);
    }

    /** The shade of member {@code i} of {@code n}, spread evenly from 0 to 1 (the middle, 0.5, for a family of one). */
    public static double memberShade(int i, int n) {
        return n < 2 ? 0.5 : (double) i / (n - 1);
    }

    /**
     * The look of a line in a run colour: style classes {@code rf-line}, {@code run-color-k}, past the first eight
     * looks {@code run-dash-p}, and the given roles (e.g. {@code smoothed-line}), in shade {@code shade} ({@link #OWN}
     * for the colour itself).
     */
    public static SeriesLook look(int colorIndex, double shade, String... roles) {
        List<String> classes = new ArrayList<>(List.of("rf-line", styleClass(colorIndex)));
        if (pattern(colorIndex) > 0) {
            classes.add(DASH_CLASS + pattern(colorIndex));
        }
        classes.addAll(List.of(roles));
        return SeriesLook.of(classes.toArray(String[]::new)).withInlineStyle(shadeStyle(shade));
    }

    /**
     * Gives a node the style class {@code role} and its run colour and pattern ({@code run-dash-p}, none for solid),
     * in place of those it had: a table cell's swatch shows one run after another. Leaves the style classes alone when
     * they are right already (each change makes JavaFX compute the node's styles afresh).
     */
    public static void apply(Node node, String role, int colorIndex, double shade) {
        List<String> classes = node.getStyleClass();
        if (!classes.contains(role)) {
            classes.add(role);
        }
        replace(classes, COLOR_CLASS, styleClass(colorIndex));
        replace(classes, DASH_CLASS, pattern(colorIndex) > 0 ? DASH_CLASS + pattern(colorIndex) : null);
        node.setStyle(shadeStyle(shade));
    }

    /** Puts {@code wanted} (null: nothing) in place of the class starting with {@code prefix}, if not there already. */
    private static void replace(List<String> classes, String prefix, String wanted) {
        int old = IntStream.range(0, classes.size()).filter(i -> classes.get(i).startsWith(prefix)).findFirst()
                .orElse(-1);
        if (old < 0 && wanted != null) {
            classes.add(wanted);
        } else if (old >= 0 && wanted == null) {
            classes.remove(old);
        } else if (old >= 0 && !classes.get(old).equals(wanted)) {
            classes.set(old, wanted);
        }
    }
}
