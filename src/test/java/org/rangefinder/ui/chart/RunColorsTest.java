package org.rangefinder.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rangefinder.ui.theme.ThemeManager;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class RunColorsTest {
    /** The largest family whose shades are checked. */
    private static final int MEMBERS = 8;

    @BeforeAll
    static void javaFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void pastTheEightColoursTheLooksRepeatTheColoursWithADashPattern() {
        assertThat(RunColors.look(0, RunColors.OWN, "smoothed-line").styleClasses())
                .containsExactly("rf-line", "run-color-0", "smoothed-line");
        assertThat(RunColors.look(7, RunColors.OWN, "smoothed-line").styleClasses())
                .containsExactly("rf-line", "run-color-7", "smoothed-line");
        assertThat(RunColors.look(8, RunColors.OWN, "smoothed-line").styleClasses())
                .containsExactly("rf-line", "run-color-0", "run-dash-1", "smoothed-line");
        assertThat(RunColors.look(12, RunColors.OWN).styleClasses())
                .containsExactly("rf-line", "run-color-4", "run-dash-1");
        assertThat(RunColors.look(17, RunColors.OWN).styleClasses())
                .containsExactly("rf-line", "run-color-1", "run-dash-2");
        assertThat(RunColors.look(31, RunColors.OWN).styleClasses())
                .containsExactly("rf-line", "run-color-7", "run-dash-3");
        assertThat(RunColors.look(32, RunColors.OWN)).as("the looks come round again")
                .isEqualTo(RunColors.look(0, RunColors.OWN));
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
        RunColors.apply(swatch, "run-swatch", 9, RunColors.OWN);
        assertThat(swatch.getStyleClass()).containsExactly("run-swatch", "run-color-1", "run-dash-1");
        RunColors.apply(swatch, "run-swatch", 18, RunColors.OWN);
        assertThat(swatch.getStyleClass()).containsExactly("run-swatch", "run-color-2", "run-dash-2");
        RunColors.apply(swatch, "run-swatch", 3, RunColors.OWN);
        assertThat(swatch.getStyleClass()).containsExactly("run-swatch", "run-color-3");
        RunColors.apply(swatch, "run-swatch", 27, 0.5);
        assertThat(swatch.getStyleClass()).containsExactly("run-swatch", "run-color-3", "run-dash-3");
        assertThat(swatch.getStyle()).isEqualTo(RunColors.shadeStyle(0.5));
    }

    /**
     * In each built-in theme, a lone run and every member of a family of 2 to 8 stand out from the plot's background
     * by WCAG's least contrast for graphics, 3:1, in every run colour; and a family's members differ from one another
     * by a colour difference of at least 3 (about 2.3 is the least the eye tells apart side by side). The colours are
     * those the theme's CSS resolves on a scene. The shades went from derive(colour, -60%) to +60% in either theme:
     * the darkest member of the dark theme stood at 1.84-2.15:1 on its background, the lightest of the light theme at
     * 1.5-2.8:1; and the light theme's orange, pink and cyan, at 2.3-2.7:1, fell short by themselves.
     */
    @Test
    void everyShadeStandsOutFromThePlotAndFromTheFamilysOtherMembersInEitherTheme() throws Exception {
        ThemeManager themes = new ThemeManager(Path.of("themes"));
        // Light last: the user-agent stylesheet is the application's, and the next test finds it as a window opens
        for (String theme : List.of(ThemeManager.DARK, ThemeManager.LIGHT)) {
            Color[][][] shades = new Color[RunColors.COUNT][MEMBERS + 1][];
            Color background = WaitForAsyncUtils.asyncFx(() -> resolve(themes, theme, shades)).get();
            for (int k = 0; k < RunColors.COUNT; k++) {
                for (int n = 1; n <= MEMBERS; n++) {
                    for (int i = 0; i < n; i++) {
                        assertThat(contrast(shades[k][n][i], background))
                                .as("%s, colour %d, member %d of %d: %s on %s", theme, k, i, n, shades[k][n][i],
                                        background)
                                .isGreaterThanOrEqualTo(3.0);
                        for (int j = 0; j < i; j++) {
                            assertThat(difference(shades[k][n][i], shades[k][n][j]))
                                    .as("%s, colour %d, members %d and %d of %d: %s and %s", theme, k, j, i, n,
                                            shades[k][n][j], shades[k][n][i])
                                    .isGreaterThanOrEqualTo(3.0);
                        }
                    }
                }
            }
        }
    }

    /**
     * Applies {@code theme} to a scene of swatches, one per run colour and member of a family of {@code n} ({@code n}
     * = 1: a lone run, in its colour itself), and a plot background; fills {@code shades[k][n][i]} with the swatches'
     * colours and gives the background's.
     */
    private static Color resolve(ThemeManager themes, String theme, Color[][][] shades) {
        VBox root = new VBox();
        Region plot = new Region();
        plot.getStyleClass().add("chart-plot-background");
        root.getChildren().add(plot);
        Rectangle[][][] swatches = new Rectangle[RunColors.COUNT][MEMBERS + 1][];
        for (int k = 0; k < RunColors.COUNT; k++) {
            for (int n = 1; n <= MEMBERS; n++) {
                swatches[k][n] = new Rectangle[n];
                for (int i = 0; i < n; i++) {
                    swatches[k][n][i] = new Rectangle(4, 4);
                    RunColors.apply(swatches[k][n][i], "run-swatch", k, n == 1 ? RunColors.OWN
                            : RunColors.memberShade(i, n));
                    root.getChildren().add(swatches[k][n][i]);
                }
            }
        }
        themes.apply(themes.named(theme), new Scene(root));
        root.applyCss();
        for (int k = 0; k < RunColors.COUNT; k++) {
            for (int n = 1; n <= MEMBERS; n++) {
                shades[k][n] = new Color[n];
                for (int i = 0; i < n; i++) {
                    shades[k][n][i] = (Color) swatches[k][n][i].getFill();
                }
            }
        }
        return (Color) plot.getBackground().getFills().get(0).getFill();
    }

    /**
     * WCAG's contrast ratio {@code (L1 + 0.05) / (L2 + 0.05)}, L1 the lighter colour's relative luminance and L2 the
     * darker's: {@code L = 0.2126 R + 0.7152 G + 0.0722 B} of the linear channels ({@link #linear}).
     */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    /** An sRGB channel in linear light: {@code c / 12.92} up to 0.04045, else {@code ((c + 0.055) / 1.055)^2.4}. */
    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /**
     * The CIE76 colour difference: the distance between the colours in CIELAB (D65 white), {@code L* = 116 f(Y) - 16},
     * {@code a* = 500 (f(X / 0.95047) - f(Y))}, {@code b* = 200 (f(Y) - f(Z / 1.08883))}, X, Y, Z from the linear
     * channels by sRGB's matrix and {@code f(t) = t^(1/3)} above {@code (6/29)^3}, else {@code t / (3 (6/29)^2) +
     * 4/29}.
     */
    static double difference(Color a, Color b) {
        double[] p = lab(a);
        double[] q = lab(b);
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    private static double[] lab(Color c) {
        double r = linear(c.getRed());
        double g = linear(c.getGreen());
        double b = linear(c.getBlue());
        double x = lab((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
        double y = lab(0.2126 * r + 0.7152 * g + 0.0722 * b);
        double z = lab((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
        return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
    }

    private static double lab(double t) {
        double d = 6.0 / 29;
        return t > d * d * d ? Math.cbrt(t) : t / (3 * d * d) + 4.0 / 29;
    }
}
