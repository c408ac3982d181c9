package org.rangefinder.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class ChartImagesTest {

    @BeforeAll
    static void javaFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aPictureIsTwiceTheNodesSizeOnTheBackgroundItHasInTheWindow() throws Exception {
        Color dark = Color.web("#0d1117");
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            // a dark window's background, a clear pane between it and the node pictured
            Pane clear = new Pane();
            clear.setBackground(new Background(new BackgroundFill(Color.TRANSPARENT, CornerRadii.EMPTY, Insets.EMPTY)));
            Pane node = new Pane(new Rectangle(10, 10, 20, 20));
            node.setPrefSize(100, 60);
            clear.getChildren().add(node);
            StackPane root = new StackPane(clear);
            root.setBackground(new Background(new BackgroundFill(dark, CornerRadii.EMPTY, Insets.EMPTY)));
            new Scene(root, 100, 60);
            root.applyCss();
            root.layout();
            return ChartImages.snapshot(node);
        }).get();
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(120);
        assertThat(image.getPixelReader().getColor(2, 2)).as("the window's background, not white").isEqualTo(dark);
        assertThat(image.getPixelReader().getColor(40, 40)).as("the rectangle, twice as far in").isEqualTo(Color.BLACK);
    }
}
