package org.rangefinder.ui.rangetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineCap;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rangefinder.data.DataOptions;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.CurvePoint;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.Sweep;
import org.rangefinder.rangetest.SweepFactor;
import org.rangefinder.ui.Direct;
import org.rangefinder.ui.Screenshots;
import org.rangefinder.ui.chart.AxisScale;
import org.rangefinder.ui.chart.LrMarkerChart;
import org.rangefinder.ui.chart.RunColors;
import org.rangefinder.ui.data.DatasetCache;
import org.rangefinder.ui.export.ChartImages;
import org.rangefinder.ui.history.HistoryStore;
import org.rangefinder.ui.theme.ThemeManager;
import org.rangefinder.ui.work.BackgroundExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The range-test chart over a runs list whose runs stay queued (their work is never taken up): how runs are drawn and
 * listed in the legend, in the light theme.
 */
@ExtendWith(ApplicationExtension.class)
class RangeTestChartViewTest {
    private final RangeTestConfig iris = RangeTestConfig.defaults("iris", ModelSpec.preset("mlp")).withIterations(25);
    private Path history;
    private RangeTestViewModel runs;
    private RangeTestChartView view;

    @Start
    void start(Stage stage) throws IOException {
        history = Files.createTempDirectory("rangefinder-history");
        runs = new RangeTestViewModel(new BackgroundExecutor(work -> { }, Runnable::run), new DatasetCache(),
                new HistoryStore(history, Direct.executor()));
        view = new RangeTestChartView(runs, new LrBoundsViewModel());
        Scene scene = new Scene(view, 900, 600);
        ThemeManager themes = new ThemeManager(Path.of("themes"));
        themes.apply(themes.named(ThemeManager.LIGHT), scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) throws IOException {
        robot.interact(() -> {
            view.getScene().getStylesheets().clear(); // the theme's sheets need AtlantaFX's colours
            Application.setUserAgentStylesheet(null);
        });
        AtomicFiles.deleteFolder(history);
    }

    private LrMarkerChart chart() {
        return view.chart();
    }

    /** FX thread: CSS and layout from the scene's root, twice, as two pulses make them. */
    private void layOut() {
        Parent root = view.getScene().getRoot();
        for (int pass = 0; pass < 2; pass++) {
            root.applyCss();
            root.layout();
        }
    }

    /** The legend's entries: each one's name and the stroke of its swatch. */
    private record Entry(String name, Paint stroke) {
    }

    private List<Entry> legend() {
        List<Entry> out = new ArrayList<>();
        for (Node item : chart().lookupAll(".rf-legend-item")) {
            HBox box = (HBox) item;
            out.add(new Entry(((Label) box.getChildren().get(1)).getText(), ((Shape) box.getChildren().get(0))
                    .getStroke()));
        }
        return out;
    }

    private Paint lineStroke(RangeTestRun run) {
        return ((Shape) view.smoothedSeries(run).getNode()).getStroke();
    }

    @Test
    void everyMemberOfASweepIsDrawnInItsOwnShadeAndListedInRunOrder(FxRobot robot) {
        List<RangeTestRun> members = new ArrayList<>();
        robot.interact(() -> {
            runs.start(iris, DataOptions.defaults());
            members.addAll(runs.startSweep(iris, new Sweep(SweepFactor.WEIGHT_DECAY, List.of("0", "1e-3", "1e-2")),
                    DataOptions.defaults()).members());
            layOut();
        });
        int color = members.get(0).colorIndex();
        for (int i = 0; i < 3; i++) {
            XYChart.Series<Number, Number> line = view.smoothedSeries(members.get(i));
            assertThat(chart().lookOf(line).styleClasses()).as("member %d", i).contains(RunColors.styleClass(color));
            assertThat(chart().lookOf(line).inlineStyle()).as("member %d", i)
                    .isEqualTo(RunColors.shadeStyle(RunColors.memberShade(i, 3)));
        }
        List<Paint> strokes = members.stream().map(this::lineStroke).toList();
        assertThat(strokes).as("dark, the colour itself, light").doesNotHaveDuplicates();
        assertThat(legend()).containsExactly(new Entry(runs.runs().get(0).name(), lineStroke(runs.runs().get(0))),
                new Entry(members.get(0).name(), strokes.get(0)), new Entry(members.get(1).name(), strokes.get(1)),
                new Entry(members.get(2).name(), strokes.get(2)));
        Screenshots.save(view, "chart-sweep-member-shades");

        // hidden and shown again, a member keeps its shade and goes back to its place in the legend
        robot.interact(() -> {
            members.get(0).visibleProperty().set(false);
            members.get(1).visibleProperty().set(false);
            layOut();
            members.get(1).visibleProperty().set(true);
            members.get(0).visibleProperty().set(true);
            layOut();
        });
        assertThat(legend()).extracting(Entry::name).containsExactly(runs.runs().get(0).name(),
                members.get(0).name(), members.get(1).name(), members.get(2).name());
        assertThat(members.stream().map(this::lineStroke).toList()).isEqualTo(strokes);
        assertThat(legend().subList(1, 4)).extracting(Entry::stroke).isEqualTo(strokes);
    }

    /** A curve from a file, loss falling from 2.3 to 1.3 over 1e-5 .. 1e-1, offset by {@code shift}. */
    private static RangeTestRun.Recorded curve(String name, double shift) {
        List<CurvePoint> points = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double loss = 2.3 - i / 40.0 + shift;
            points.add(new CurvePoint(i, 1e-5 * Math.pow(10, i / 10.0), loss, loss));
        }
        return new RangeTestRun.Recorded(name, points);
    }

    @Test
    void pastTheEighthRunTheColoursComeBackDashedAndNoTwoRunsLookAlike(FxRobot robot) {
        robot.interact(() -> {
            for (int i = 0; i < 13; i++) {
                runs.show(curve("curve " + i, 0.05 * i));
            }
            layOut();
        });
        List<RangeTestRun> shown = List.copyOf(runs.runs());
        record Look(Paint stroke, List<Double> dashes) {
        }
        List<Look> looks = shown.stream().map(run -> {
            Shape line = (Shape) view.smoothedSeries(run).getNode();
            return new Look(line.getStroke(), List.copyOf(line.getStrokeDashArray()));
        }).toList();
        assertThat(looks).doesNotHaveDuplicates();
        assertThat(looks.get(8).stroke()).as("#9 in #1's colour").isEqualTo(looks.get(0).stroke());
        assertThat(looks.get(0).dashes()).isEmpty();
        assertThat(looks.get(8).dashes()).isNotEmpty();
        assertThat(looks.get(12).stroke()).isEqualTo(looks.get(4).stroke());
        assertThat(looks.get(12).dashes()).isEqualTo(looks.get(8).dashes());
        List<Node> swatches = List.copyOf(chart().lookupAll(".legend-line"));
        assertThat(swatches).hasSize(13);
        Shape swatch = (Shape) swatches.get(8);
        assertThat(swatch.getStrokeDashArray()).containsExactlyElementsOf(looks.get(8).dashes());
        // a square cap lengthens each dash by the line's width each side: the gaps must outlast it
        assertThat(swatch.getStrokeLineCap()).isEqualTo(StrokeLineCap.BUTT);
        Screenshots.save(view, "chart-thirteen-runs");
    }

    @Test
    void withRawLossShownTheLossAxisFitsTheRawPointsWithoutTheirDivergedTail(FxRobot robot) {
        // smoothed 2.3 falling to 1.55 at index 30, then climbing; raw losses 0.5 above and below it in turn, 40 last
        List<CurvePoint> points = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double smoothed = i <= 30 ? 2.3 - 0.025 * i : 1.55 + 0.2 * (i - 30);
            double raw = i == 39 ? 40 : smoothed + (i % 2 == 0 ? 0.5 : -0.5);
            points.add(new CurvePoint(i, 1e-5 * Math.pow(10, i / 10.0), raw, smoothed));
        }
        robot.interact(() -> {
            view.showRawProperty().set(true);
            runs.show(new RangeTestRun.Recorded("noisy", points));
            layOut();
        });
        // raw: lowest 1.075 (index 29); the first raw value after it above its start 2.8 is 2.85 (index 34): the
        // raw range is 1.075 .. 2.8 over indices 0..33; the smoothed curve's, 1.55 .. 2.3, lies inside it
        assertThat(chart().lossAxis().getLowerBound()).isLessThanOrEqualTo(1.075);
        assertThat(chart().lossAxis().getUpperBound()).isGreaterThanOrEqualTo(2.8).isLessThan(3.5);
        Screenshots.save(view, "chart-raw-loss-fitted");

        robot.interact(() -> {
            view.showRawProperty().set(false);
            layOut();
        });
        assertThat(chart().lossAxis().getLowerBound()).as("the smoothed curve alone").isGreaterThan(1.075);
        assertThat(chart().lossAxis().getUpperBound()).isLessThan(2.8);
    }

    @Test
    void withManyRunsTheLegendTakesTwoRowsScrollsToTheOthersAndLeavesThePlotItsHeight(FxRobot robot) {
        // a window of 1024 x 700 leaves the chart view about 620 x 470; twelve runs under long names
        robot.interact(() -> {
            view.getScene().getWindow().setWidth(620);
            view.getScene().getWindow().setHeight(470);
            for (int i = 0; i < 12; i++) {
                runs.show(curve("digits 2026-12-07 10:47:36 weight-decay=1e-" + i, 0.05 * i));
            }
            layOut();
        });
        Node legend = chart().lookup(".rf-legend").getParent();
        List<Node> entries = List.copyOf(chart().lookupAll(".rf-legend-item"));
        assertThat(entries).hasSize(12);
        assertThat(legend.isVisible()).isTrue();
        double row = entries.get(0).getLayoutBounds().getHeight();
        assertThat(legend.getLayoutBounds().getHeight()).as("two rows and the padding").isLessThan(2 * row + 16);
        assertThat(chart().lossAxis().getHeight()).as("the plot's height").isGreaterThan(200);
        Node last = entries.get(11);
        assertThat(visibleIn(legend, last)).as("the last entry, scrolled away").isFalse();
        Screenshots.save(view, "chart-many-runs-legend");

        // the mouse wheel turned towards the user by 25 notches of 40 px (as JavaFX reports them on a desktop)
        robot.interact(() -> Event.fireEvent(legend.lookup(".rf-legend"), new ScrollEvent(ScrollEvent.SCROLL, 0, 0, 0,
                0, false, false, false, false, false, false, 0, -1000, 0, -1000,
                ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.LINES, -25, 0, null)));
        assertThat(visibleIn(legend, last)).as("the last entry, scrolled to").isTrue();
        assertThat(chart().lossAxis().getHeight()).isGreaterThan(200);
        Screenshots.save(view, "chart-many-runs-legend-scrolled");

        // a picture of the chart shows every entry: the chart taller by the ten rows scrolled away, the plot as high
        double width = chart().getWidth();
        double height = chart().getHeight();
        double plot = chart().lossAxis().getHeight();
        double rows = entries.get(1).getBoundsInParent().getMinY() - entries.get(0).getBoundsInParent().getMinY();
        WritableImage image = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> ChartImages.snapshot(chart()));
        assertThat(image.getWidth()).isEqualTo(Math.ceil(2 * width));
        assertThat(image.getHeight()).isCloseTo(2 * (height + 10 * rows), within(4.0));
        assertThat(chart().getHeight()).isEqualTo(height);
        assertThat(chart().lossAxis().getHeight()).isEqualTo(plot);
        assertThat(legend.getLayoutBounds().getHeight()).isLessThan(2 * row + 16);
        assertThat(chart().isManaged()).isTrue();
        Screenshots.write(image, "chart-many-runs-exported");
    }

    /**
     * A 10,000-point curve thinned over its 8 decades keeps about a point per pixel; zoomed 10 times, it is thinned
     * again for the 0.8 decade in view: thinned over the whole run, 70 of the 999 points in view were drawn.
     */
    @Test
    void zoomingOntoALongCurveDrawsAboutAPointPerPixelOfTheViewAndTheResetGoesBack(FxRobot robot) {
        List<CurvePoint> points = new ArrayList<>();
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            double loss = 2.3 - Math.sin(Math.PI * i / n);
            points.add(new CurvePoint(i, 1e-7 * Math.pow(1e8, i / (n - 1.0)), loss, loss));
        }
        RangeTestRun[] run = new RangeTestRun[1];
        List<AxisScale> views = new ArrayList<>();
        robot.interact(() -> {
            chart().lrViewProperty().addListener((o, old, v) -> views.add(v));
            runs.show(curve("short", 0)); // the LR axis fits 1e-5 .. 1e-1, then 1e-7 .. 10
            layOut();
            run[0] = runs.show(new RangeTestRun.Recorded("long", points));
            layOut();
        });
        assertThat(views).as("the fitted axis grew: no view to thin for").isEmpty();
        List<XYChart.Data<Number, Number>> drawn = view.smoothedSeries(run[0]).getData();
        double pixels = chart().lrAxis().getWidth();
        int whole = drawn.size();
        assertThat((double) whole).isCloseTo(pixels, within(2.0));
        double lo = Math.pow(10, -3.4);
        double hi = Math.pow(10, -2.6);
        robot.interact(() -> {
            chart().zoomTo(lo, hi, 1, 2.5);
            layOut();
        });
        long inView = drawn.stream().filter(d -> d.getXValue().doubleValue() >= lo)
                .filter(d -> d.getXValue().doubleValue() <= hi).count();
        // the zoomed loss axis' labels take another width: the plot's is the one to compare with
        assertThat((double) inView).as("of the 999 points in view")
                .isCloseTo(chart().lrAxis().getWidth(), within(2.0));
        // outside: the point just left of the view, the one just right of it and the curve's last
        assertThat(drawn).hasSize((int) inView + 3);
        assertThat(drawn.get(drawn.size() - 1).getXValue().doubleValue()).isEqualTo(points.get(n - 1).lr());
        assertThat(views).containsExactly(AxisScale.logarithmic(lo, hi));

        robot.interact(() -> {
            chart().resetZoom();
            layOut();
        });
        assertThat(drawn).hasSize(whole);
        assertThat(views).containsExactly(AxisScale.logarithmic(lo, hi), null);
    }

    /** Whether {@code node} lies wholly inside {@code in} on the screen. */
    private static boolean visibleIn(Node in, Node node) {
        return in.localToScene(in.getLayoutBounds()).contains(node.localToScene(node.getLayoutBounds()));
    }
}
