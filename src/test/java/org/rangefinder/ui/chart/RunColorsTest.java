package org.rangefinder.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.Test;

class RunColorsTest {

    @Test
    void pastTheEightColoursTheLooksRepeatTheColoursWithADashPattern() {
        assertThat(RunColors.look(0, 0, "smoothed-line").styleClasses())
                .containsExactly("rf-line", "run-color-0", "smoothed-line");
        assertThat(RunColors.look(7, 0, "smoothed-line").styleClasses())
                .containsExactly("rf-line", "run-color-7", "smoothed-line");
        assertThat(RunColors.look(8, 0, "smoothed-line").styleClasses())
                .containsExactly("rf-line", "run-color-0", "run-dash-1", "smoothed-line");
        assertThat(RunColors.look(12, 0).styleClasses()).containsExactly("rf-line", "run-color-4", "run-dash-1");
        assertThat(RunColors.look(17, 0).styleClasses()).containsExactly("rf-line", "run-color-1", "run-dash-2");
        assertThat(RunColors.look(31, 0).styleClasses()).containsExactly("rf-line", "run-color-7", "run-dash-3");
        assertThat(RunColors.look(32, 0)).as("the looks come round again").isEqualTo(RunColors.look(0, 0));
    }

    @Test
    void theFirstThirtyTwoLooksAllDiffer() {
        Set<List<String>> looks = new HashSet<>();
        for (int i = 0; i < RunColors.LOOKS; i++) {
            looks.add(RunColors.look(i, 0, "smoothed-line").styleClasses());
        }
        assertThat(looks).hasSize(32);
    }

    @Test
    void aSwatchTakesTheColourAndPatternOfEachRunItShows() {
        Rectangle swatch = new Rectangle(12, 12);
        RunColors.apply(swatch, "run-swatch", 9, 0);
        assertThat(swatch.getStyleClass()).containsExactly("run-swatch", "run-color-1", "run-dash-1");
        RunColors.apply(swatch, "run-swatch", 18, 0);
        assertThat(swatch.getStyleClass()).containsExactly("run-swatch", "run-color-2", "run-dash-2");
        RunColors.apply(swatch, "run-swatch", 3, 0);
        assertThat(swatch.getStyleClass()).containsExactly("run-swatch", "run-color-3");
        RunColors.apply(swatch, "run-swatch", 27, 0.5);
        assertThat(swatch.getStyleClass()).containsExactly("run-swatch", "run-color-3", "run-dash-3");
        assertThat(swatch.getStyle()).isEqualTo(RunColors.shadeStyle(27, 0.5));
    }
}
