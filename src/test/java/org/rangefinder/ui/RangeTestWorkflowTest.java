package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Line;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.TestData;
import org.rangefinder.engine.StopReason;
import org.rangefinder.hyperparams.HyperparameterFile;
import org.rangefinder.hyperparams.Hyperparameters;
import org.rangefinder.hyperparams.LrChoice;
import org.rangefinder.rangetest.SuggestionOptions;
import org.rangefinder.rangetest.Suggestions;
import org.rangefinder.ui.chart.LrMarkerChart;
import org.rangefinder.ui.chart.LrText;
import org.rangefinder.ui.rangetest.RangeTestRun;
import org.rangefinder.ui.work.RunStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The range-test side of the window, driven with the robot on iris. */
@ExtendWith(ApplicationExtension.class)
class RangeTestWorkflowTest {
    @RegisterExtension
    final WorkbenchFixture fixture = new WorkbenchFixture();

    @TempDir
    Path tmp;

    private RangeTestRun runAndWait(FxRobot robot) {
        int before = fixture.vm().runs().runs().size();
        robot.clickOn("#runButton");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().runs().runs().size() > before);
        RangeTestRun run = fixture.vm().runs().runs().get(before);
        WorkbenchFixture.waitUntil(60, () -> !run.state().statusProperty().get().isActive());
        WaitForAsyncUtils.waitForFxEvents();
        return run;
    }

    /**
     * The run's curves grow on the chart while it runs, in batches of at most one a frame, and it ends with a stop
     * reason and a notification. The batches are counted from the start: a listener on each series is attached as
     * the run joins the list, when the chart view (whose listener on the list came first) has just made the series,
     * before any frame can feed it. A batch counts as live when it arrives while the run is running and its series
     * is on the chart, drawn. A thinning again (the axis grew or shrank) replaces the points, and is no batch. The
     * frames are counted by a timer of the test's own, started before the run, on the FX thread as the batches are:
     * at most one batch a series per frame, and one more for the two timers' order within a frame.
     */
    @Test
    void aRangeTestOnIrisGrowsInBatchesAndFinishesWithAStopReason(FxRobot robot) {
        // long enough (no divergence stop) to stream over many frames
        fixture.chooseIris(robot, 400);
        WorkbenchFixture.replaceText(robot, "#divergeField", "0");
        LrMarkerChart chart = fixture.view().chartView().chart();
        AtomicInteger frames = new AtomicInteger();
        AnimationTimer countFrames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.incrementAndGet();
            }
        };
        // for each of the run's series: its batches, and those of them that were live
        Map<XYChart.Series<Number, Number>, int[]> batches = new IdentityHashMap<>();
        ListChangeListener<RangeTestRun> countBatches = c -> {
            while (c.next()) {
                for (RangeTestRun added : c.getAddedSubList()) {
                    List<XYChart.Series<Number, Number>> series = new ArrayList<>();
                    series.add(fixture.view().chartView().smoothedSeries(added));
                    chart.getData().stream().filter(s -> s.getName().equals(added.name() + " (raw)"))
                            .forEach(series::add);
                    for (XYChart.Series<Number, Number> s : series) {
                        int[] count = new int[2];
                        batches.put(s, count);
                        s.getData().addListener((ListChangeListener<Object>) d -> {
                            while (d.next()) {
                                if (d.wasAdded() && !d.wasRemoved()) {
                                    count[0]++;
                                    if (added.state().statusProperty().get() == RunStatus.RUNNING
                                            && chart.getData().contains(s) && s.getNode() != null
                                            && s.getNode().isVisible()) {
                                        count[1]++;
                                    }
                                }
                            }
                        });
                    }
                }
            }
        };
        robot.interact(() -> {
            fixture.vm().runs().runs().addListener(countBatches);
            countFrames.start();
        });
        robot.clickOn("#runButton");
        WorkbenchFixture.waitUntil(10, () -> !fixture.vm().runs().runs().isEmpty());
        RangeTestRun run = fixture.vm().runs().runs().get(0);
        XYChart.Series<Number, Number> smoothed = fixture.view().chartView().smoothedSeries(run);
        WorkbenchFixture.waitUntil(60, () -> !run.state().statusProperty().get().isActive());
        WaitForAsyncUtils.waitForFxEvents();
        int framesCounted = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            countFrames.stop();
            return frames.get();
        });

        assertThat(run.state().statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        // without the divergence stop, a run ends at its last iteration or at a loss that is not finite
        StopReason reason = run.state().stopReasonProperty().get();
        assertThat(reason).isIn(StopReason.COMPLETED, StopReason.NON_FINITE);
        if (reason == StopReason.COMPLETED) {
            assertThat(run.points()).hasSize(400);
        } else {
            assertThat(run.points()).hasSizeLessThan(400);
            assertThat(run.points().get(run.points().size() - 1).loss()).isNotFinite();
        }
        // a last point whose loss blew up to NaN cannot be drawn
        assertThat(smoothed.getData()).hasSize((int) run.points().stream()
                .filter(p -> Double.isFinite(p.smoothedLoss())).count());
        assertThat(chart.getData()).as("its smoothed and raw curves on the chart").hasSize(2).contains(smoothed);
        batches.forEach((series, count) -> {
            assertThat(count[1]).as("batches of %s drawn on the chart while the run ran", series.getName())
                    .isGreaterThan(1);
            assertThat(count[0]).as("batches of %s in %d frames", series.getName(), framesCounted)
                    .isLessThanOrEqualTo(framesCounted + 1);
        });
        assertThat(batches).as("its smoothed series, and its raw one on the chart from the start").hasSize(2);
        assertThat(robot.lookup("#runsTable").queryTableView().getItems()).containsExactly(run);
        // the notification of its end, as the status line says it
        String ended = "Run #1 " + reason.id() + " after " + run.points().size() + " points (";
        assertThat(fixture.vm().statusProperty().get()).startsWith(ended);
        assertThat(robot.lookup("#toastMessage").queryLabeled().getText())
                .isEqualTo(fixture.vm().statusProperty().get());
        Screenshots.save(fixture.view(), "range-test-finished");
    }

    @Test
    void draggingTheMaxMarkerChangesTheMaxField(FxRobot robot) {
        Line grip = robot.lookup("#maxMarker").queryAs(Line.class);
        double before = fixture.vm().bounds().maxProperty().get();
        robot.drag(grip, MouseButton.PRIMARY).moveBy(-60, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double after = fixture.vm().bounds().maxProperty().get();
        assertThat(after).isLessThan(before).isGreaterThan(fixture.vm().bounds().minProperty().get());
        assertThat(robot.lookup("#maxLrField").queryAs(TextField.class).getText())
                .isEqualTo(LrText.format(after));
        assertThat(fixture.vm().bounds().chosenByProperty().get()).isEqualTo(LrChoice.MANUAL);
        Screenshots.save(fixture.view().chartView(), "marker-dragged");
    }

    @Test
    void typingInTheMinFieldMovesTheMinMarker(FxRobot robot) {
        WorkbenchFixture.replaceText(robot, "#minLrField", "0.0005");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.vm().bounds().minProperty().get()).isEqualTo(5e-4);
        LrMarkerChart chart = fixture.view().chartView().chart();
        Line grip = robot.lookup("#minMarker").queryAs(Line.class);
        // the marker and the axis read together on the FX thread, after a layout pass as a pulse makes one
        double[] gripAndAxis = fixture.laidOut(() -> new double[] {grip.getStartX(),
                chart.lrAxis().getDisplayPosition(5e-4)});
        assertThat(gripAndAxis[0]).isCloseTo(gripAndAxis[1], within(0.5));

        // a text that is no learning rate is flagged, said beside the fields, and leaves the marker where it was
        WorkbenchFixture.waitUntil(30, () -> fixture.vm().oneCycle().configProperty().get() != null);
        WorkbenchFixture.replaceText(robot, "#minLrField", "abc");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#minLrField").queryAs(TextField.class).getStyleClass()).contains("invalid");
        Label problem = robot.lookup("#boundsProblemLabel").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).isEqualTo("min LR: 'abc' is not a learning rate (a number > 0, as 3e-4)");
        assertThat(fixture.vm().bounds().minProperty().get()).isEqualTo(5e-4);
        // and no cycle launches, nor is exported, with the 5e-4 the field no longer shows
        assertThat(fixture.vm().bounds().problem().get()).isEqualTo(problem.getText());
        assertThat(fixture.vm().oneCycle().configProperty().get()).isNull();
        WorkbenchFixture.replaceText(robot, "#minLrField", "0.0004");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problem.isVisible()).isFalse();
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().oneCycle().configProperty().get() != null);
        assertThat(fixture.vm().oneCycle().configProperty().get().oneCycle().initialLr()).isCloseTo(4e-4, within(1e-12));
    }

    @Test
    void badValuesDisableRunAndSayWhy(FxRobot robot) {
        WorkbenchFixture.waitUntil(10, () -> !robot.lookup("#runButton").queryButton().isDisabled());
        WorkbenchFixture.replaceText(robot, "#batchSizeField", "0");
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#problemLabel").queryAs(Label.class).getText())
                .isEqualTo("Batch size must be at least 1, got 0");
        assertThat(robot.lookup("#batchSizeField").queryAs(TextField.class).getStyleClass()).contains("invalid");
        Screenshots.save(fixture.view().experimentPanel(), "bad-batch-size");

        WorkbenchFixture.replaceText(robot, "#batchSizeField", "32");
        WorkbenchFixture.replaceText(robot, "#endLrField", "1e-9");
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#problemLabel").queryAs(Label.class).getText())
                .isEqualTo("End LR must be a finite number > Start LR (1.0E-7), got 1.0E-9");
        assertThat(robot.lookup("#batchSizeField").queryAs(TextField.class).getStyleClass()).doesNotContain("invalid");

        WorkbenchFixture.replaceText(robot, "#endLrField", "10");
        WorkbenchFixture.replaceText(robot, "#iterationsField", "many");
        assertThat(robot.lookup("#problemLabel").queryAs(Label.class).getText())
                .isEqualTo("Iterations: 'many' is not a whole number");
        WorkbenchFixture.replaceText(robot, "#iterationsField", "100");
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).isFalse();
    }

    /** The reviewer's three bad values: all three fields are flagged at once, each with its own problem. */
    @Test
    void everyBadFieldIsFlaggedAtOnce(FxRobot robot) {
        WorkbenchFixture.waitUntil(10, () -> !robot.lookup("#runButton").queryButton().isDisabled());
        WorkbenchFixture.replaceText(robot, "#momentumField", "1.5");
        WorkbenchFixture.replaceText(robot, "#weightDecayField", "abc");
        WorkbenchFixture.replaceText(robot, "#batchSizeField", "0");
        assertThat(robot.lookup("#problemLabel").queryAs(Label.class).getText())
                .isEqualTo("Weight decay: 'abc' is not a number");
        String[][] flagged = {{"#momentumField", "Momentum must be in [0, 1), got 1.5"},
                {"#weightDecayField", "Weight decay: 'abc' is not a number"},
                {"#batchSizeField", "Batch size must be at least 1, got 0"}};
        for (String[] f : flagged) {
            TextField field = robot.lookup(f[0]).queryAs(TextField.class);
            assertThat(field.getStyleClass()).as(f[0]).contains("invalid");
            assertThat(field.getTooltip().getText()).isEqualTo(f[1]);
        }
        assertThat(robot.lookup("#seedField").queryAs(TextField.class).getStyleClass()).doesNotContain("invalid");
        Screenshots.save(fixture.view().experimentPanel(), "every-bad-field-flagged");
        WorkbenchFixture.replaceText(robot, "#weightDecayField", "0");
        assertThat(robot.lookup("#weightDecayField").queryAs(TextField.class).getStyleClass())
                .doesNotContain("invalid");
        assertThat(robot.lookup("#momentumField").queryAs(TextField.class).getStyleClass()).contains("invalid");
        assertThat(robot.lookup("#problemLabel").queryAs(Label.class).getText())
                .isEqualTo("Momentum must be in [0, 1), got 1.5");
    }

    @Test
    void exportsTheHyperparametersAsJsonThatReadsBack(FxRobot robot) throws Exception {
        fixture.chooseIris(robot, 30);
        RangeTestRun run = runAndWait(robot);
        var read = exportAndRead(robot);
        assertThat(read.warnings()).isEmpty();
        Hyperparameters h = read.hyperparameters();
        assertThat(h.dataset().name()).isEqualTo("iris");
        assertThat(h.dataset().trainSamples()).isEqualTo(120);
        assertThat(h.model()).isEqualTo(run.config().model());
        assertThat(h.optimizer().name()).isEqualTo("nesterov");
        assertThat(h.lr().min()).isEqualTo(fixture.vm().bounds().minProperty().get());
        assertThat(h.lr().max()).isEqualTo(run.suggestionsProperty().get().valley());
        assertThat(h.lr().chosenBy()).isEqualTo("valley");
        assertThat(h.epochs()).isEqualTo(5);
        assertThat(h.seed()).isEqualTo(42);
        assertThat(h.oneCycle().totalSteps()).isEqualTo(10);
        assertThat(h.rangeTest().iterations()).isEqualTo(30);
        assertThat(h.rangeTest().stopReason()).isEqualTo(run.state().stopReasonProperty().get().id());
        assertThat(h.rangeTest().suggestions().valley()).isEqualTo(run.suggestionsProperty().get().valley());
        assertThat(h.training()).isNull();
    }

    /** Exports the hyperparameters with Ctrl+E to a file in the test's folder and reads it back. */
    private HyperparameterFile.ReadResult exportAndRead(FxRobot robot) {
        Path file = tmp.resolve("hyper.json");
        fixture.answers.add(file);
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        WorkbenchFixture.waitUntil(10, () -> Files.exists(file));
        return HyperparameterFile.read(file);
    }

    /**
     * A CSV imported in the window, range-tested, then changed on disk (every third row dropped) is exported as it was
     * loaded: the file holds the SHA-256 of the bytes the run read with the sizes of their split, not the new file's
     * SHA-256 beside the old sizes, and reads back valid; the status bar says the file has changed since.
     */
    @Test
    void anImportedCsvChangedOnDiskIsExportedAsItWasLoaded(FxRobot robot) throws Exception {
        byte[] loaded = TestData.irisCsv(i -> true);
        Path csv = Files.write(tmp.resolve("flowers.csv"), loaded);
        fixture.answers.add(csv);
        robot.press(KeyCode.CONTROL).type(KeyCode.I).release(KeyCode.CONTROL);
        WorkbenchFixture.waitUntil(20, () -> fixture.vm().oneCycle().trainSamplesProperty().get() == 120);
        assertThat(fixture.vm().experiment().datasetProperty().get()).isEqualTo(csv.toAbsolutePath().toString());
        WorkbenchFixture.replaceText(robot, "#iterationsField", "30");
        WorkbenchFixture.waitUntil(10, () -> !robot.lookup("#runButton").queryButton().isDisabled());
        RangeTestRun run = runAndWait(robot);
        assertThat(run.state().statusProperty().get()).isEqualTo(RunStatus.FINISHED);

        Files.write(csv, TestData.irisCsv(i -> i % 3 != 0));
        var read = exportAndRead(robot);
        assertThat(read.warnings()).isEmpty();
        Hyperparameters h = read.hyperparameters();
        assertThat(h.dataset().name()).isEqualTo("flowers.csv");
        assertThat(h.dataset().path()).isEqualTo(csv.toAbsolutePath().toString());
        assertThat(h.dataset().sha256()).isEqualTo(TestData.sha256(loaded));
        assertThat(h.dataset().trainSamples()).isEqualTo(120);
        assertThat(h.dataset().validationSamples()).isEqualTo(30);
        assertThat(h.dataset().classes()).isEqualTo(3);
        assertThat(h.rangeTest().iterations()).isEqualTo(30);
        assertThat(h.rangeTest().suggestions().valley()).isEqualTo(run.suggestionsProperty().get().valley());
        // 120 training samples in batches of 64: 2 steps an epoch, over the default 5 epochs
        assertThat(h.oneCycle().totalSteps()).isEqualTo(10);
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().statusProperty().get().equals("Wrote hyperparameters to "
                + tmp.resolve("hyper.json") + " (flowers.csv has changed on disk since it was loaded; the file describes the data as "
                + "loaded)"));
    }

    /**
     * A CSV imported, range-tested, then changed on disk (every third row dropped, with another modification time):
     * the next range test reads the new file, and the window then holds the new data, as the 1cycle panel's count
     * of training samples shows. The export describes the new data, without the range test on the old data that
     * gave the bounds, and says why.
     */
    @Test
    void aRangeTestAfterTheCsvChangedOnDiskMovesTheWindowToTheNewData(FxRobot robot) throws Exception {
        Path csv = Files.write(tmp.resolve("flowers.csv"), TestData.irisCsv(i -> true));
        fixture.answers.add(csv);
        robot.press(KeyCode.CONTROL).type(KeyCode.I).release(KeyCode.CONTROL);
        WorkbenchFixture.waitUntil(20, () -> fixture.vm().oneCycle().trainSamplesProperty().get() == 120);
        WorkbenchFixture.replaceText(robot, "#iterationsField", "30");
        WorkbenchFixture.waitUntil(10, () -> !robot.lookup("#runButton").queryButton().isDisabled());
        RangeTestRun old = runAndWait(robot);
        assertThat(fixture.vm().bounds().source()).isSameAs(old);

        TestData.rewriteIrisCsv(csv, i -> i % 3 != 0, 1);
        RangeTestRun fresh = runAndWait(robot);
        assertThat(fresh.state().statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(fixture.vm().oneCycle().trainSamplesProperty().get()).isEqualTo(79);
        var read = exportAndRead(robot);
        assertThat(read.warnings()).isEmpty();
        Hyperparameters h = read.hyperparameters();
        assertThat(h.dataset().sha256()).isEqualTo(TestData.sha256(TestData.irisCsv(i -> i % 3 != 0)));
        assertThat(h.dataset().trainSamples()).isEqualTo(79);
        assertThat(h.lr().max()).isEqualTo(old.suggestionsProperty().get().valley());
        assertThat(h.rangeTest()).isNull();
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().statusProperty().get().equals("Wrote hyperparameters to "
                + tmp.resolve("hyper.json") + " (the range test is left out: it ran on other data than the file "
                + "describes)"));
    }

    @Test
    void opensACurveCsvAsARunWithSuggestionsAndExportsCurvesAndChart(FxRobot robot) throws Exception {
        StringBuilder csv = new StringBuilder("lr,loss\n");
        for (int i = 0; i < 60; i++) {
            double lr = 1e-5 * Math.pow(1e5, i / 59.0);
            csv.append(lr).append(',').append(2.0 - Math.min(i, 45) / 30.0 + (i > 45 ? (i - 45) * 0.8 : 0)).append('\n');
        }
        Path curve = Files.writeString(tmp.resolve("fastai-history.csv"), csv);
        // what the file holds, as read back: a file without smoothed losses holds them in its loss column
        double[][] columns = csv.toString().lines().skip(1).map(l -> l.split(","))
                .map(f -> new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])}).toArray(double[][]::new);
        Suggestions expected = Suggestions.fromSmoothed(Arrays.stream(columns).mapToDouble(c -> c[0]).toArray(),
                Arrays.stream(columns).mapToDouble(c -> c[1]).toArray(), SuggestionOptions.defaults());
        assertThat(expected.valley()).isNotNull();
        fixture.answers.add(curve);
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        WorkbenchFixture.waitUntil(10, () -> !fixture.vm().runs().runs().isEmpty());
        RangeTestRun run = fixture.vm().runs().runs().get(0);
        assertThat(run.state().statusProperty().get()).isEqualTo(RunStatus.IMPORTED);
        assertThat(run.points()).hasSize(60);
        Suggestions suggested = run.suggestionsProperty().get();
        assertThat(suggested.valley()).isEqualTo(expected.valley());
        assertThat(suggested.steep()).isEqualTo(expected.steep());
        assertThat(suggested.minimum()).isEqualTo(expected.minimum());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.view().chartView().chart().markLabels()).hasSize(3);

        Path csvOut = tmp.resolve("curves.csv");
        fixture.answers.add(csvOut);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.E).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WorkbenchFixture.waitUntil(10, () -> Files.exists(csvOut));
        var lines = Files.readAllLines(csvOut);
        assertThat(lines.get(0)).isEqualTo("iteration,lr,loss,smoothed_loss");
        assertThat(lines).hasSize(61);

        Path png = tmp.resolve("chart.png");
        fixture.answers.add(png);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.P).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WorkbenchFixture.waitUntil(10, () -> Files.exists(png));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(300);
        assertThat(Screenshots.distinctColours(image)).as("a chart drawn, not a blank picture").isGreaterThan(10);
        Screenshots.save(fixture.view(), "curve-opened");
    }
}
