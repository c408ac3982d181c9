package org.rangefinder.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class SizeCacheTest {

    @BeforeAll
    static void javaFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** A section whose height depends on its width (wrapping text), counting how often it is measured. */
    private static final class Section extends VBox {
        int measured;
        final CheckBox box = new CheckBox("Three phases (linear: Smith's shape), annihilation to the last iteration");

        Section() {
            box.setWrapText(true);
            getChildren().addAll(new Label("Schedule"), box);
        }

        @Override
        protected double computePrefHeight(double width) {
            measured++;
            return super.computePrefHeight(width);
        }
    }

    @Test
    void aSectionIsMeasuredAgainOnlyWhenSomethingInItChanges() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Section changing = new Section();
            Section still = new Section();
            SizeCache changingCache = new SizeCache(changing);
            SizeCache stillCache = new SizeCache(still);
            VBox column = new VBox(changingCache, stillCache);
            new Scene(column, 220, 600);
            column.applyCss();
            column.layout();
            assertThat(stillCache.getContentBias()).isEqualTo(Orientation.HORIZONTAL);
            assertThat(stillCache.prefHeight(220)).as("the section's own height").isEqualTo(still.prefHeight(220));
            assertThat(stillCache.prefHeight(120)).as("narrower, more lines").isGreaterThan(stillCache.prefHeight(220));

            int before = still.measured;
            for (int i = 0; i < 5; i++) {
                stillCache.prefHeight(220);
                stillCache.prefHeight(120);
            }
            assertThat(still.measured).as("widths already asked for").isEqualTo(before);

            double oneLine = changingCache.prefHeight(220);
            changing.box.setText(changing.box.getText() + ", and the text goes on and on to wrap once more or twice");
            column.layout();
            assertThat(changingCache.prefHeight(220)).as("a change inside: measured again").isGreaterThan(oneLine)
                    .isEqualTo(changing.prefHeight(220));
            assertThat(still.measured).as("the other section kept its heights").isEqualTo(before);
            return null;
        }).get();
    }
}
