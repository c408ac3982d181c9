package org.rangefinder.ui.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;

/**
 * Where the labels of marks go on a plot, so that none covers another label, another mark's dot or a given obstacle
 * (a marker's label), {@value #GAP} px clear. Each label goes right of its dot ({@value #OFFSET} px), below it or,
 * where that covers something or leaves the plot, above it ({@value #OFFSET} px). Where both do, it moves down from
 * below the dot past what it covers until it covers nothing; if that takes it past the plot's bottom, it moves up
 * from above the dot instead; if that takes it past the top too, it stays below the dot. A label never reaches past
 * the plot's right edge.
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
            Bounds below = new BoundingBox(x, Math.max(0, dot.getY() + OFFSET), w, h);
            Bounds above = new BoundingBox(x, dot.getY() - OFFSET - h, w, h);
            Bounds box;
            if (inside(below, height) && moved(below, taken, own, true) == below) {
                box = below;
            } else if (inside(above, height) && moved(above, taken, own, false) == above) {
                box = above;
            } else {
                box = moved(below, taken, own, true);
                if (!inside(box, height)) {
                    Bounds up = moved(above, taken, own, false);
                    box = inside(up, height) ? up : below;
                }
            }
            taken.add(box);
            placed.add(box);
        }
        return placed;
    }

    /**
     * {@code box} moved down (or up) past whatever of {@code taken} but {@code own} it covers, until it covers none;
     * {@code box} itself when it covers none.
     */
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

    private static boolean inside(Bounds box, double height) {
        return box.getMinY() >= 0 && box.getMaxY() <= height;
    }

    /** Whether two boxes come closer than {@link #GAP}. */
    private static boolean covers(Bounds a, Bounds b) {
        return a.getMinX() < b.getMaxX() + GAP && b.getMinX() < a.getMaxX() + GAP
                && a.getMinY() < b.getMaxY() + GAP && b.getMinY() < a.getMaxY() + GAP;
    }
}
