package org.rangefinder.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Cursor;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * The window's three columns: a side panel on the left, the centre, a side panel on the right, each side panel with
 * a divider the user drags to widen or narrow it. A side panel keeps the width the user gave it, in pixels, when the
 * window is resized (the centre takes what the window gains or loses), and can be hidden, the centre then taking its
 * room. When the window is too narrow for both panels at their widths beside the centre at its minimum width, the
 * panels give up room ({@link #fit}), and get their widths back when the window widens again.
 *
 * <p>Laid out in every frame in which the centre changes (a running chart asks for a layout), as the border pane it
 * replaces was: the widths are a little arithmetic on numbers the panels and the centre hold (their minimum and
 * preferred widths are set, not measured), and a hidden panel leaves the scene, so that what changes in it (the
 * 1cycle panel's preview follows the chart's markers) costs nothing.
 */
final class PanelSplit extends Region {
    private static final double DIVIDER_WIDTH = 5;

    /** A side panel, its divider, the width the user gave it (NaN for its preferred width), whether it shows. */
    private final class Side {
        final Region panel;
        final Region divider = new Region();
        final BooleanProperty shown;
        /** Where the mouse pressed the divider, and the panel's width then. */
        double pressX;
        double pressWidth;
        double width = Double.NaN;
        /** The width it was given in the last layout. */
        double laidOut;

        Side(Region panel, String name, int direction) {
            this.panel = panel;
            this.shown = new SimpleBooleanProperty(PanelSplit.this, name, true);
            divider.getStyleClass().add("panel-divider");
            divider.setPrefWidth(DIVIDER_WIDTH);
            divider.setCursor(Cursor.H_RESIZE);
            divider.setOnMousePressed(e -> {
                pressX = e.getSceneX();
                pressWidth = laidOut;
                e.consume();
            });
            divider.setOnMouseDragged(e -> drag(this, pressWidth + direction * (e.getSceneX() - pressX), e));
            shown.addListener(o -> arrange());
        }

        double wanted() {
            return Double.isNaN(width) ? panel.prefWidth(-1) : width;
        }

        double dividerWidth() {
            return shown.get() ? divider.prefWidth(-1) : 0;
        }
    }

    private final Side left;
    private final Region centre;
    private final Side right;

    PanelSplit(Region left, Region centre, Region right) {
        this.left = new Side(left, "leftShown", 1);
        this.centre = centre;
        this.right = new Side(right, "rightShown", -1);
        this.left.divider.setId("leftPanelDivider");
        this.right.divider.setId("rightPanelDivider");
        setId("panelSplit");
        arrange();
    }

    /**
     * The widths of the left panel and the right panel in {@code room} pixels beside a centre that needs
     * {@code centreMin}: the widths wanted (at least the panels' minimums), or, when they and the centre do not fit,
     * narrower: each gives up a share of the shortfall in proportion to its width above its minimum, down to its
     * minimum. A hidden panel is asked for 0 with a minimum of 0.
     *
     * <p>For example, room 1050, centre minimum 560, panels wanted 300 and 320 with minimums 220: 130 short, the
     * left panel gives up 130 * 80 / 180 = 57.8 and the right 130 * 100 / 180 = 72.2, leaving 242.2 and 247.8.
     *
     * @return {@code {left, right}}
     */
    static double[] fit(double room, double centreMin, double left, double leftMin, double right, double rightMin) {
        left = Math.max(left, leftMin);
        right = Math.max(right, rightMin);
        double shortfall = left + centreMin + right - room;
        if (shortfall <= 0) {
            return new double[] {left, right};
        }
        double leftSpare = left - leftMin;
        double rightSpare = right - rightMin;
        double spare = leftSpare + rightSpare;
        if (spare <= shortfall) {
            return new double[] {leftMin, rightMin};
        }
        return new double[] {left - shortfall * leftSpare / spare, right - shortfall * rightSpare / spare};
    }

    /** Whether the left panel shows. */
    BooleanProperty leftShownProperty() {
        return left.shown;
    }

    /** Whether the right panel shows. */
    BooleanProperty rightShownProperty() {
        return right.shown;
    }

    /** The width the user gave the left panel; NaN while it has its preferred width. */
    double leftWidth() {
        return left.width;
    }

    /** The width the user gave the right panel; NaN while it has its preferred width. */
    double rightWidth() {
        return right.width;
    }

    /** Gives the panels these widths (NaN: the panel's preferred width), as far as the window has room. */
    void setWidths(double leftWidth, double rightWidth) {
        left.width = leftWidth;
        right.width = rightWidth;
        requestLayout();
    }

    /** Puts the shown panels and their dividers in, in their places. */
    private void arrange() {
        getChildren().clear();
        if (left.shown.get()) {
            getChildren().addAll(left.panel, left.divider);
        }
        getChildren().add(centre);
        if (right.shown.get()) {
            getChildren().addAll(right.divider, right.panel);
        }
    }

    /** The divider of {@code side} dragged to give it {@code width}, within what the centre and the other leave. */
    private void drag(Side side, double width, MouseEvent e) {
        Side other = side == left ? right : left;
        if (other.shown.get() && other.laidOut < other.wanted()) {
            // made narrower to fit the window: it stays so, and the dragged divider follows the mouse
            other.width = other.laidOut;
        }
        double room = getWidth() - left.dividerWidth() - right.dividerWidth() - (other.shown.get() ? other.laidOut : 0);
        side.width = Math.round(Math.max(side.panel.minWidth(-1), Math.min(width, room - centre.minWidth(-1))));
        requestLayout();
        e.consume();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        double[] widths = fit(width - left.dividerWidth() - right.dividerWidth(), centre.minWidth(-1),
                left.shown.get() ? left.wanted() : 0, left.shown.get() ? left.panel.minWidth(-1) : 0,
                right.shown.get() ? right.wanted() : 0, right.shown.get() ? right.panel.minWidth(-1) : 0);
        left.laidOut = Math.round(widths[0]);
        right.laidOut = Math.round(widths[1]);
        double x = 0;
        if (left.shown.get()) {
            left.panel.resizeRelocate(0, 0, left.laidOut, height);
            x = left.laidOut;
            left.divider.resizeRelocate(x, 0, left.dividerWidth(), height);
            x += left.dividerWidth();
        }
        double end = right.shown.get() ? width - right.laidOut - right.dividerWidth() : width;
        centre.resizeRelocate(x, 0, Math.max(0, end - x), height);
        if (right.shown.get()) {
            right.divider.resizeRelocate(end, 0, right.dividerWidth(), height);
            right.panel.resizeRelocate(end + right.dividerWidth(), 0, right.laidOut, height);
        }
    }

    @Override
    protected double computeMinWidth(double height) {
        return (left.shown.get() ? left.panel.minWidth(-1) : 0) + left.dividerWidth() + centre.minWidth(-1)
                + right.dividerWidth() + (right.shown.get() ? right.panel.minWidth(-1) : 0);
    }

    @Override
    protected double computePrefWidth(double height) {
        return (left.shown.get() ? left.wanted() : 0) + left.dividerWidth() + centre.prefWidth(-1)
                + right.dividerWidth() + (right.shown.get() ? right.wanted() : 0);
    }
}
