package org.rangefinder.ui.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;

/**
 * Where the labels of marks go on a plot, so that none covers another label, another mark's dot or a given obstacle
 * (a marker's label). Each label is tried right of its dot and below it ({@value #OFFSET} px each way); where it
 * covers something, it moves down past it, {@value #GAP} px clear, until it covers nothing. If that takes it past
 * the plot's bottom, it is tried above the dot instead, moving up past what it covers; if that takes it past the
 * top too, it stays where it was first tried. A label never reaches past the plot's right edge.
 */
final class MarkLabels {
    /** From a dot's centre to its label's corner, either way. */
    static final double OFFSET = 6;
    /** The least space between a label and what it must not cover. */
    static final double GAP = 2;
    /** Half the side of the square a dot covers (its radius and its outline). */
    static final double DOT = 5.5;

    private MarkLabels() {
    }

    /**
     * The box of each label, in order: label {@code i} of size {@code sizes[i]} belongs to the dot at {@code dots[i]};
     * labels placed earlier take their place first.
     */
    static List<Bounds> place(List<Point2D> dots, List<Dimension2D> sizes, double width, double height,
                              List<Bounds> obstacles) {
        List<Bounds> taken = new ArrayList<>(obstacles);
        for (Point2D dot : dots) {
            taken.add(new BoundingBox(dot.getX() - DOT, dot.getY() - DOT, 2 * DOT, 2 * DOT));
        }
        List<Bounds> placed = new ArrayList<>();
        for (int i = 0; i < dots.size(); i++) {
            Point2D dot = dots.get(i);
            double w = sizes.get(i).getWidth();
            double h = sizes.get(i).getHeight();
            double x = Math.max(0, Math.min(dot.getX() + OFFSET, width - w));
            // beside its own dot, unless the plot's right edge pushed it back over it
            Bounds own = x == dot.getX() + OFFSET ? taken.get(obstacles.size() + i) : null;
            Bounds first = new BoundingBox(x, Math.max(0, dot.getY() + OFFSET), w, h);
            Bounds box = moved(first, taken, own, true);
            if (box.getMaxY() > height) {
                Bounds above = moved(new BoundingBox(x, dot.getY() - OFFSET - h, w, h), taken, own, false);
                box = above.getMinY() >= 0 ? above : first;
            }
            taken.add(box);
            placed.add(box);
        }
        return placed;
    }

    /** {@code box} moved down (or up) past whatever of {@code taken} but {@code own} it covers, until it covers none. */
    private static Bounds moved(Bounds box, List<Bounds> taken, Bounds own, boolean down) {
        for (int i = 0; i < taken.size(); i++) {
            Bounds t = taken.get(i);
            if (t != own && covers(box, t)) {
                double y = down ? t.getMaxY() + GAP : t.getMinY() - GAP - box.getHeight();
                box = new BoundingBox(box.getMinX(), y, box.getWidth(), box.getHeight());
                i = -1;
            }
        }
        return box;
    }

    /** Whether two boxes come closer than {@link #GAP}. */
    private static boolean covers(Bounds a, Bounds b) {
        return a.getMinX() < b.getMaxX() + GAP && b.getMinX() < a.getMaxX() + GAP
                && a.getMinY() < b.getMaxY() + GAP && b.getMinY() < a.getMaxY() + GAP;
    }
}
