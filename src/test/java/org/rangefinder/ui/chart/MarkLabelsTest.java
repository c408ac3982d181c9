package org.rangefinder.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;

class MarkLabelsTest {
    private static final Dimension2D LABEL = new Dimension2D(80, 16);

    private static List<Bounds> place(List<Point2D> dots, double width, double height, Bounds... obstacles) {
        return MarkLabels.place(dots, dots.stream().map(d -> LABEL).toList(), width, height, List.of(obstacles));
    }

    @Test
    void aLabelGoesRightOfItsDotAndBelowIt() {
        assertThat(place(List.of(new Point2D(100, 100)), 800, 400))
                .containsExactly(new BoundingBox(106, 106, 80, 16));
    }

    @Test
    void aLabelThatWouldCoverAnotherDotGoesAboveItsOwn() {
        // label 0 below its dot, at (106, 106), covers dot 1 (104.5 .. 115.5 x 98.5 .. 109.5); above it, at
        // (106, 100 - 6 - 16 = 78), it ends at 94, clear of dot 1; label 1 below its dot, at (116, 110), clears dot 0
        // (up to x 105.5, 2 px clear) and label 0
        assertThat(place(List.of(new Point2D(100, 100), new Point2D(110, 104)), 800, 400)).containsExactly(
                new BoundingBox(106, 78, 80, 16), new BoundingBox(116, 110, 80, 16));
    }

    @Test
    void labelsCoveringSomethingBelowAndAboveMoveDownPastTheOtherDotsAndLabels() {
        // as above, with a label placed before over 100 .. 200 x 60 .. 90: label 0 covers it above its dot, and moves
        // down from below it past dot 1 to 109.5 + 2 = 111.5; label 1 covers label 0 below its dot and the obstacle
        // above it (at 104 - 6 - 16 = 82), and moves down past label 0 to 127.5 + 2 = 129.5
        assertThat(place(List.of(new Point2D(100, 100), new Point2D(110, 104)), 800, 400,
                new BoundingBox(100, 60, 100, 30))).containsExactly(
                new BoundingBox(106, 111.5, 80, 16), new BoundingBox(116, 129.5, 80, 16));
    }

    @Test
    void aLabelThatWouldLeaveThePlotAtTheBottomGoesAboveItsDot() {
        // below: 396 + 16 > 400; above: 390 - 6 - 16 = 368
        assertThat(place(List.of(new Point2D(200, 390)), 800, 400))
                .containsExactly(new BoundingBox(206, 368, 80, 16));
    }

    @Test
    void aLabelClearsTheObstacles() {
        // a marker's label at 150 .. 230 x 2 .. 18: the mark's label at (146, 10) moves down to 18 + 2
        assertThat(place(List.of(new Point2D(140, 4)), 800, 400, new BoundingBox(150, 2, 80, 16)))
                .containsExactly(new BoundingBox(146, 20, 80, 16));
    }

    @Test
    void aLabelPushedBackByTheRightEdgeGoesBelowItsOwnDot() {
        // x = min(290 + 6, 300 - 80) = 220 covers its dot (up to y 105.5): down to 105.5 + 2
        assertThat(place(List.of(new Point2D(290, 100)), 300, 400))
                .containsExactly(new BoundingBox(220, 107.5, 80, 16));
    }
}
