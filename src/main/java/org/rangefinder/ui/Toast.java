package org.rangefinder.ui;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * A notification (a run ended, a file written) in the empty right end of the centre's row of tabs, where it covers
 * nothing: the tabs, the chart and the runs list below, the side panels and the status bar keep their places and
 * stay in view. It hides after {@link #SHOWN}, or when its × is pressed; its message is also in the status bar, so
 * when the row has too little room beside the tabs it is not shown at all.
 *
 * <p>It is not managed by its parent: showing it, or changing its message, lays out the notification alone, not the
 * window (at a range test's end, a frame that is busy already).
 */
final class Toast extends HBox {
    /** How long a notification stays. */
    static final Duration SHOWN = Duration.seconds(5);
    /** The narrowest a notification is shown: its close button and a few words. */
    static final double MIN_WIDTH = 140;
    /** Its distance from the tabs' row's right end and from its top and bottom. */
    private static final double MARGIN = 4;

    private final Label message = new Label();
    private final StackPane area;
    private final TabPane tabs;
    private final PauseTransition hiding = new PauseTransition(SHOWN);

    /**
     * @param area the pane holding {@code tabs} and this notification, at the same origin as the tabs
     */
    Toast(StackPane area, TabPane tabs) {
        this.area = area;
        this.tabs = tabs;
        Button close = new Button("×");
        close.setId("toastClose");
        close.getStyleClass().addAll("flat", "small");
        close.setFocusTraversable(false);
        close.setOnAction(e -> dismiss());
        message.setId("toastMessage");
        message.setMinWidth(0);
        getChildren().addAll(message, close);
        setAlignment(Pos.CENTER_LEFT);
        setId("toast");
        getStyleClass().add("toast");
        setManaged(false);
        setVisible(false);
        hiding.setOnFinished(e -> dismiss());
        area.getChildren().add(this);
        area.widthProperty().addListener(o -> place());
    }

    /** Shows {@code text} for {@link #SHOWN}, in place of what was shown. */
    void show(String text) {
        message.setText(text);
        setVisible(true);
        place();
        hiding.playFromStart();
    }

    void dismiss() {
        hiding.stop();
        setVisible(false);
    }

    /**
     * Puts the notification at the right end of the row of tabs, as wide as its message or the room beside the
     * tabs; hidden when that room is too narrow.
     */
    private void place() {
        if (!isVisible() && hiding.getStatus() != PauseTransition.Status.RUNNING) {
            return;
        }
        Node header = tabs.lookup(".tab-header-area");
        Node headers = tabs.lookup(".headers-region");
        if (header == null || headers == null) {
            return; // not styled yet: no row of tabs to measure
        }
        double rowHeight = header.getLayoutBounds().getHeight();
        double tabsEnd = headers.getBoundsInParent().getMaxX() + header.getBoundsInParent().getMinX();
        applyCss();
        double room = area.getWidth() - tabsEnd - 2 * MARGIN;
        setVisible(room >= MIN_WIDTH);
        double width = Math.min(prefWidth(-1), room);
        double height = Math.min(prefHeight(width), rowHeight - 2 * MARGIN);
        resizeRelocate(Math.round(area.getWidth() - MARGIN - width), Math.round((rowHeight - height) / 2), width,
                height);
        layout();
    }

    /** The message shown, or last shown. */
    String text() {
        return message.getText();
    }
}
