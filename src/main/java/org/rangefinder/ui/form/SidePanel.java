package org.rangefinder.ui.form;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The layout of the window's side panels (the experiment panel, the 1cycle panel): their content, mostly
 * collapsible sections, scrolls vertically, and a footer with the panel's main buttons stays in view below it. A
 * change of the footer's height (a problem message shown above its buttons) moves neither the content nor the buttons.
 */
public final class SidePanel {
    /**
     * How narrow the user can make a side panel: its forms' labels and fields side by side, and room for two such
     * panels beside the runs list's columns in a window 1024 px wide.
     */
    public static final double MIN_WIDTH = 240;

    private SidePanel() {
    }

    /**
     * Puts {@code content}, top to bottom, in a scrolling column at the centre of {@code panel}; the footer below.
     * Each section keeps its heights until something in it changes ({@link SizeCache}).
     */
    public static void layOut(BorderPane panel, VBox footer, Node... content) {
        VBox column = new VBox();
        for (Node section : content) {
            column.getChildren().add(new SizeCache(section));
        }
        column.getStyleClass().add("side-panel");
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.skinProperty().addListener((o, old, skin) -> uncacheViewport(scroll));
        keepContentInPlace(scroll, column);
        panel.setCenter(scroll);
        footer.getStyleClass().add("side-panel-footer");
        panel.setBottom(footer);
        panel.setMinWidth(MIN_WIDTH);
    }

    /**
     * Keeps the content where it is on the screen when the viewport's height changes (the footer grows by a problem
     * message, or shrinks again): the scroll pane keeps its position as a fraction of the height hidden, so a change
     * of the viewport's height by {@code d} moved the content by up to {@code d}, and the field the user was about to
     * click moved away. The position is kept in pixels instead, as far as the content reaches.
     */
    private static void keepContentInPlace(ScrollPane scroll, VBox content) {
        scroll.viewportBoundsProperty().addListener((o, old, now) -> {
            double height = content.getLayoutBounds().getHeight();
            double hiddenBefore = height - old.getHeight();
            double hiddenNow = height - now.getHeight();
            if (old.getHeight() != now.getHeight() && hiddenBefore > 0 && hiddenNow > 0) {
                double top = scroll.getVvalue() * hiddenBefore;
                scroll.setVvalue(Math.min(1, top / hiddenNow));
            }
        });
    }

    /**
     * JavaFX's scroll pane keeps a bitmap of its whole viewport ({@code setCache(true)} in its skin) and draws it again
     * in full whenever anything in it changes: the 1cycle panel's text and preview charts change on every frame of a
     * marker drag, and on the software renderer that redraw took 13 ms of a frame's painting for a 300 by 40 px
     * label. Without the bitmap only what changed is painted.
     */
    private static void uncacheViewport(ScrollPane scroll) {
        for (Node child : scroll.getChildrenUnmodifiable()) {
            if (child.getStyleClass().contains("viewport")) {
                child.setCache(false);
            }
        }
    }
}
