package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.TestData;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.engine.StopReason;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunRecord;
import org.rangefinder.history.RunStatus;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.RangeTest;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestListener;
import org.rangefinder.rangetest.RangeTestResult;
import org.rangefinder.rangetest.SweepFactor;
import org.rangefinder.rangetest.SweepResult;
import org.rangefinder.ui.chart.ChartFixtures;
import org.rangefinder.ui.chart.LrMarkerChart;
import org.rangefinder.ui.chart.LrText;
import org.rangefinder.ui.rangetest.RangeTestRun;
import org.rangefinder.ui.rangetest.RunFamily;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The History tab, driven with the robot: a range test or a sweep run in the window is recorded (in the fixture's own
 * history folder), listed, overlaid on the chart and deleted.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryWorkflowTest {
    @RegisterExtension
    final WorkbenchFixture fixture = new WorkbenchFixture();
    @TempDir
    Path tmp;

    @Test
    void aRangeTestIsListedOverlaidAndDeleted(FxRobot robot) throws Exception {
        Instant before = Instant.now();
        fixture.chooseIris(robot, 30);
        robot.clickOn("#runButton");
        WorkbenchFixture.waitUntil(10, () -> !fixture.vm().runs().runs().isEmpty());
        RangeTestRun run = fixture.vm().runs().runs().get(0);
        WorkbenchFixture.waitUntil(60, () -> !run.state().statusProperty().get().isActive());

        WorkbenchFixture.waitUntil(10, () -> fixture.vm().history().entries().size() == 1
                && fixture.vm().history().entries().get(0).status() == RunStatus.FINISHED);
        RunRecord recorded = fixture.vm().history().entries().get(0);
        assertThat(recorded.kind()).isEqualTo(RunKind.RANGE_TEST);
        assertThat(recorded.createdAt()).isAfterOrEqualTo(before);
        assertThat(recorded.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(recorded.stopReason()).isEqualTo(run.state().stopReasonProperty().get().id());
        assertThat(recorded.results().get("points")).isEqualTo(run.points().size());
        assertThat(fixture.vm().history().entries()).as("from the records written, as the whole history lists them")
                .containsExactlyElementsOf(RunHistory.open(fixture.history).list().runs());

        robot.clickOn("History");
        TableView<RunRecord> table = fixture.view().historyPanel().table();
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(recorded);
        });
        Screenshots.save(fixture.view(), "history");
        robot.clickOn("#historyOverlay");
        WorkbenchFixture.waitUntil(10, () -> "Nothing overlaid: the chosen curve is in the runs list already"
                .equals(fixture.vm().statusProperty().get()));
        assertThat(fixture.vm().runs().runs()).as("the run itself is on the chart").containsExactly(run);

        robot.interact(() -> fixture.vm().runs().remove(run));
        robot.clickOn("History");
        robot.interact(() -> table.getSelectionModel().select(recorded));
        robot.clickOn("#historyOverlay");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().runs().runs().size() == 1
                && fixture.vm().runs().runs().get(0) != run);
        RangeTestRun overlaid = fixture.vm().runs().runs().get(0);
        assertThat(overlaid.points()).isEqualTo(run.points());
        assertThat(overlaid.suggestionsProperty().get()).isEqualTo(run.suggestionsProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.vm().statusProperty().get()).isEqualTo("Overlaid 1 curve from the run history");
        Screenshots.save(fixture.view(), "history-overlay");

        // the chart exported from the History tab is the range test's (the training charts' while theirs shows)
        robot.clickOn("History");
        Path png = tmp.resolve("chart.png");
        fixture.answers.add(png);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.P).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WorkbenchFixture.waitUntil(10, () -> Files.exists(png));
        assertThat(fixture.suggestedNames).containsExactly("range-test.png");
        BufferedImage image = ImageIO.read(png.toFile());
        // the chart alone, without the controls above it, at twice its size
        javafx.geometry.Bounds chart = fixture.view().chartView().chart().getLayoutBounds();
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(2 * chart.getWidth()));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(2 * chart.getHeight()));
        assertThat(fixture.view().chartView().getHeight()).as("the view, controls and all")
                .isGreaterThan(chart.getHeight() + 40);
        assertThat(Screenshots.distinctColours(image)).as("a chart drawn, not a blank picture").isGreaterThan(10);

        List<String> asked = new ArrayList<>();
        fixture.view().historyPanel().setConfirmation(q -> asked.add(q));
        robot.clickOn("History");
        robot.interact(() -> table.getSelectionModel().select(recorded));
        robot.clickOn("#historyDelete");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().history().entries().stream()
                .noneMatch(r -> r.id().equals(recorded.id())));
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).startsWith("Delete 1 run and its files from ");
        assertThat(fixture.history.resolve(recorded.id())).doesNotExist();
        assertThat(fixture.history).isEmptyDirectory();
        assertThat(fixture.vm().statusProperty().get()).isEqualTo("Deleted 1 run from the run history");
    }

    /**
     * A seed sweep overlaid from the history is drawn as the live one was: its mean over the band between its lowest
     * and highest member, one legend entry, and the medians over its seeds (it was drawn as three member curves).
     */
    @Test
    void aSeedSweepOverlaidFromTheHistoryIsDrawnAsItsMeanOverABandAsLive(FxRobot robot) {
        RunFamily live = runSweep(robot, SweepFactor.SEED, "1, 2, 3");
        LrMarkerChart chart = fixture.view().chartView().chart();
        List<List<Number>> liveMean = fixture.laidOut(() -> points(chart.getData().get(0)));
        LrMarkerChart.Band liveBand = band(chart);
        List<String> liveLegend = fixture.laidOut(() -> ChartFixtures.legendTexts(chart));
        assertThat(liveLegend).hasSize(1);
        assertThat(liveLegend.get(0)).startsWith("sweep 1: mean of ").endsWith(" over 3 seeds");
        SweepResult.SeedSummary seeds = live.resultProperty().get().seedSummary();

        List<RangeTestRun> members = overlayAfterRemoving(robot, live);
        assertThat(members).hasSize(3);
        assertThat(members).allSatisfy(m -> assertThat(m.visibleProperty().get()).isFalse());
        assertThat(chart.getData()).as("the mean alone, its members hidden").hasSize(1);
        assertThat(fixture.laidOut(() -> points(chart.getData().get(0)))).isEqualTo(liveMean);
        LrMarkerChart.Band overlaidBand = band(chart);
        assertThat(overlaidBand.xs()).containsExactly(liveBand.xs());
        assertThat(overlaidBand.lows()).containsExactly(liveBand.lows());
        assertThat(overlaidBand.highs()).containsExactly(liveBand.highs());
        assertThat(fixture.laidOut(() -> ChartFixtures.legendTexts(chart)))
                .containsExactly(liveLegend.get(0).replace("sweep 1: ", "sweep 2: "));

        robot.interact(() -> fixture.vm().runs().selectedProperty().set(members.get(1)));
        assertThat(robot.lookup("#median-valleyButton").queryButton().getText())
                .isEqualTo("valley " + LrText.format(seeds.medianValley()));
        assertThat(chart.markLabels()).contains("median-valley " + LrText.format(seeds.medianValley()));
        Screenshots.save(fixture.view().chartView(), "history-seed-sweep-band");
    }

    /** A sweep of another factor overlaid from the history shows each member's curve, in its family's colour. */
    @Test
    void aWeightDecaySweepOverlaidFromTheHistoryShowsItsMembers(FxRobot robot) {
        RunFamily live = runSweep(robot, SweepFactor.WEIGHT_DECAY, "0, 1e-3");
        List<RangeTestRun> members = overlayAfterRemoving(robot, live);
        assertThat(members).hasSize(2);
        assertThat(members).allSatisfy(m -> assertThat(m.visibleProperty().get()).isTrue());
        LrMarkerChart chart = fixture.view().chartView().chart();
        assertThat(chart.lookupAll(".rf-band")).isEmpty();
        assertThat(fixture.laidOut(() -> ChartFixtures.legendTexts(chart)))
                .containsExactlyElementsOf(members.stream().map(RangeTestRun::name).toList());
        assertThat(chart.getData()).as("each member's smoothed curve")
                .containsAll(members.stream().map(fixture.view().chartView()::smoothedSeries).toList());
        assertThat(members).extracting(RangeTestRun::points)
                .containsExactlyElementsOf(live.members().stream().map(RangeTestRun::points).toList());
        Screenshots.save(fixture.view().chartView(), "history-weight-decay-sweep");
    }

    /** Runs a sweep of iris on 30-iteration range tests, and waits until it is recorded as finished. */
    private RunFamily runSweep(FxRobot robot, SweepFactor factor, String values) {
        fixture.chooseIris(robot, 30);
        robot.interact(() -> {
            fixture.vm().experiment().sweepFactorProperty().set(factor);
            robot.lookup("#sweepValuesField").queryAs(TextField.class).setText(values);
        });
        WorkbenchFixture.waitUntil(10, () -> !robot.lookup("#runButton").queryButton().isDisabled());
        robot.clickOn("#runButton");
        WorkbenchFixture.waitUntil(10, () -> !fixture.vm().runs().runs().isEmpty());
        RunFamily family = fixture.vm().runs().runs().get(0).family();
        WorkbenchFixture.waitUntil(90, () -> family.resultProperty().get() != null);
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().history().entries().size() == 1
                && fixture.vm().history().entries().get(0).status() == RunStatus.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        return family;
    }

    /**
     * Takes the sweep's members off the runs list (an overlay leaves out the curves the list holds), overlays the
     * recorded sweep from the History tab, and returns its members as they are listed.
     */
    private List<RangeTestRun> overlayAfterRemoving(FxRobot robot, RunFamily live) {
        robot.interact(() -> live.members().forEach(fixture.vm().runs()::remove));
        RunRecord recorded = fixture.vm().history().entries().get(0);
        assertThat(recorded.kind()).isEqualTo(RunKind.SWEEP);
        robot.clickOn("History");
        TableView<RunRecord> table = fixture.view().historyPanel().table();
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(recorded);
        });
        robot.clickOn("#historyOverlay");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().runs().runs().size() == live.members().size());
        WaitForAsyncUtils.waitForFxEvents();
        List<RangeTestRun> members = List.copyOf(fixture.vm().runs().runs());
        assertThat(members).allSatisfy(m -> assertThat(m.family()).isNotNull().isSameAs(members.get(0).family()));
        return members;
    }

    /** A series' points as {@code [lr, loss]} pairs, as drawn. */
    private static List<List<Number>> points(XYChart.Series<Number, Number> series) {
        return series.getData().stream().map(d -> List.of(d.getXValue(), d.getYValue())).toList();
    }

    /** The one band on the chart. */
    private static LrMarkerChart.Band band(LrMarkerChart chart) {
        assertThat(chart.lookupAll(".rf-band")).hasSize(1);
        return (LrMarkerChart.Band) chart.lookup(".rf-band").getUserData();
    }

    /**
     * A range test cancelled in the window and reopened from the History tab says, as it did live, that its
     * suggestions come from the curve it recorded up to where it was cancelled; one that ran to its end does not.
     */
    @Test
    void aCancelledRangeTestReopenedFromHistorySaysItsSuggestionsComeFromAPartialCurve(FxRobot robot) {
        fixture.chooseIris(robot, 100000);
        robot.clickOn("#runButton");
        WorkbenchFixture.waitUntil(10, () -> !fixture.vm().runs().runs().isEmpty());
        RangeTestRun cancelled = fixture.vm().runs().runs().get(0);
        WorkbenchFixture.waitUntil(30, () -> cancelled.state().progressProperty().get() > 0);
        robot.type(KeyCode.ESCAPE);
        WorkbenchFixture.waitUntil(10, () -> !cancelled.state().statusProperty().get().isActive());
        assertThat(cancelled.state().stopReasonProperty().get()).isEqualTo(StopReason.CANCELLED);
        String partial = "(cancelled: curve up to lr "
                + LrText.format(cancelled.points().get(cancelled.points().size() - 1).lr()) + " only)";
        assertThat(suggestionHints(robot)).containsExactly("Set bounds from #1 " + partial + ":");

        fixture.chooseIris(robot, 30);
        robot.clickOn("#runButton");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().runs().runs().size() == 2);
        RangeTestRun whole = fixture.vm().runs().runs().get(1);
        WorkbenchFixture.waitUntil(60, () -> !whole.state().statusProperty().get().isActive());
        assertThat(whole.state().stopReasonProperty().get()).isNotEqualTo(StopReason.CANCELLED);
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().history().entries().size() == 2
                && fixture.vm().history().entries().stream().allMatch(r -> r.status() == RunStatus.FINISHED));
        // newest first
        RunRecord wholeRecord = fixture.vm().history().entries().get(0);
        RunRecord cancelledRecord = fixture.vm().history().entries().get(1);
        assertThat(cancelledRecord.stopReason()).isEqualTo("cancelled");
        robot.interact(() -> List.of(cancelled, whole).forEach(fixture.vm().runs()::remove));

        TableView<RunRecord> table = fixture.view().historyPanel().table();
        for (RunRecord recorded : List.of(cancelledRecord, wholeRecord)) {
            int before = fixture.vm().runs().runs().size();
            robot.clickOn("History");
            robot.interact(() -> {
                table.getSelectionModel().clearSelection();
                table.getSelectionModel().select(recorded);
            });
            robot.clickOn("#historyOverlay");
            WorkbenchFixture.waitUntil(10, () -> fixture.vm().runs().runs().size() == before + 1);
        }
        RangeTestRun reopenedCancelled = fixture.vm().runs().runs().get(0);
        RangeTestRun reopenedWhole = fixture.vm().runs().runs().get(1);
        assertThat(reopenedCancelled.points()).isEqualTo(cancelled.points());
        assertThat(reopenedWhole.points()).isEqualTo(whole.points());
        assertThat(suggestionHints(robot)).as("the run reopened last, selected").containsExactly("Set bounds from #"
                + reopenedWhole.number() + ":");
        robot.interact(() -> fixture.vm().runs().selectedProperty().set(reopenedCancelled));
        assertThat(suggestionHints(robot)).containsExactly("Set bounds from #" + reopenedCancelled.number() + " "
                + partial + ":");
        Screenshots.save(fixture.view().chartView(), "history-cancelled-reopened");
    }

    /**
     * Range tests of the run history reopened from the History tab show in the runs list as they ended: one cancelled
     * after 16 of its 2000 iterations as cancelled, 16/2000 of its bar filled, one that ran all its 30 as completed
     * with a full bar, each with the seconds it took; a curve file made elsewhere stays imported, with no duration.
     */
    @Test
    void aRangeTestReopenedFromHistoryShowsInTheRunsListHowItEnded(FxRobot robot) throws Exception {
        RangeTestConfig config = RangeTestConfig.defaults("iris", ModelSpec.preset("mlp")).withBatchSize(16)
                .withLrs(1e-5, 0.1).withDivergeFactor(0);
        CancelToken token = new CancelToken();
        RangeTestResult cancelled = RangeTest.run(TestData.load("iris"), config.withIterations(2000), p -> {
            if (p.iteration() == 15) {
                token.cancel();
            }
        }, token);
        RangeTestResult completed = RangeTest.run(TestData.load("iris"), config.withIterations(30),
                RangeTestListener.NONE, new CancelToken());
        assertThat(cancelled.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(cancelled.points()).hasSize(16);
        assertThat(completed.stopReason()).isEqualTo(StopReason.COMPLETED);
        fixture.record(cancelled);
        fixture.record(completed);
        Path file = tmp.resolve("lr-finder.csv");
        Files.writeString(file, "lr,loss\n1e-5,2.3\n1e-4,2.2\n1e-3,2.0\n1e-2,1.5\n1e-1,3\n");

        List<RangeTestRun> reopened = fixture.overlayAll(robot, 2);
        fixture.openCurves(file);
        RangeTestRun cut = reopened.stream().filter(r -> r.points().equals(cancelled.points())).findFirst()
                .orElseThrow();
        RangeTestRun whole = reopened.stream().filter(r -> r.points().equals(completed.points())).findFirst()
                .orElseThrow();
        RangeTestRun imported = fixture.vm().runs().runs().get(2);
        assertThat(shown(robot, cut)).containsExactly("cancelled", 16 / 2000.0, seconds(cancelled));
        assertThat(shown(robot, whole)).containsExactly("completed", 1.0, seconds(completed));
        assertThat(shown(robot, imported)).containsExactly("imported", 1.0, "");
        Screenshots.save(fixture.view(), "history-reopened-as-ended");
    }

    /** What the runs table's row of {@code run} shows: its Status text, its Progress bar's share and its Time. */
    private List<Object> shown(FxRobot robot, RangeTestRun run) {
        List<TableCell<?, ?>> cells = fixture.laidOut(() -> robot.lookup("#runsTable .table-cell")
                .<TableCell<?, ?>>queryAll().stream()
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() == run).toList());
        Function<String, TableCell<?, ?>> in = title -> cells.stream()
                .filter(c -> c.getTableColumn().getText().equals(title)).findFirst().orElseThrow();
        return List.of(in.apply("Status").getText(), ((ProgressBar) in.apply("Progress").getGraphic()).getProgress(),
                in.apply("Time").getText());
    }

    /** A run's seconds as the runs table shows them. */
    private static String seconds(RangeTestResult result) {
        return String.format(Locale.ROOT, "%.1f s", result.elapsedSeconds());
    }

    /**
     * A sweep one of whose members was cancelled part-way (taken off the runs list while it ran; the other went on)
     * and reopened from the History tab says of that member, as of a range test cancelled, that its suggestions come
     * from the curve it recorded up to where it was cancelled; of the member that ran to its end, nothing of the kind.
     * The member is taken off while its worker waits at its 10th point of 2000: taken off once its progress showed,
     * it could have ended first on a fast machine.
     */
    @Test
    void aSweepMemberCancelledPartWayReopenedFromHistorySaysItsSuggestionsComeFromAPartialCurve(FxRobot robot)
            throws InterruptedException {
        fixture.chooseIris(robot, 2000);
        robot.interact(() -> {
            fixture.vm().experiment().sweepFactorProperty().set(SweepFactor.WEIGHT_DECAY);
            robot.lookup("#sweepValuesField").queryAs(TextField.class).setText("0, 1e-3");
        });
        WorkbenchFixture.waitUntil(10, () -> !robot.lookup("#runButton").queryButton().isDisabled());
        int recorded = 10;
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch takenOff = new CountDownLatch(1);
        // the members join the list before they are queued: the first is held before its worker takes it up
        ListChangeListener<RangeTestRun> holdFirst = c -> {
            if (c.next() && c.wasAdded()) {
                holdAt(c.getAddedSubList().get(0), recorded, reached, takenOff);
            }
        };
        robot.interact(() -> fixture.vm().runs().runs().addListener(holdFirst));
        robot.clickOn("#runButton");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().runs().runs().size() == 2);
        robot.interact(() -> fixture.vm().runs().runs().removeListener(holdFirst));
        RunFamily live = fixture.vm().runs().runs().get(0).family();
        RangeTestRun cancelled = live.members().get(0);
        RangeTestRun whole = live.members().get(1);
        assertThat(reached.await(60, TimeUnit.SECONDS)).as("the member held at its point " + recorded).isTrue();
        robot.interact(() -> fixture.vm().runs().remove(cancelled));
        takenOff.countDown();
        WorkbenchFixture.waitUntil(120, () -> live.resultProperty().get() != null);
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().history().entries().size() == 1
                && fixture.vm().history().entries().get(0).status() == RunStatus.FINISHED);
        assertThat(cancelled.state().stopReasonProperty().get()).isEqualTo(StopReason.CANCELLED);
        assertThat(cancelled.points()).as("cancelled before its next step").hasSize(recorded);
        assertThat(whole.state().stopReasonProperty().get()).isNotEqualTo(StopReason.CANCELLED);
        assertThat(fixture.vm().history().entries().get(0).stopReason()).isEqualTo("cancelled");

        List<RangeTestRun> members = overlayAfterRemoving(robot, live);
        assertThat(members).extracting(RangeTestRun::points).containsExactly(cancelled.points(), whole.points());
        robot.interact(() -> fixture.vm().runs().selectedProperty().set(members.get(0)));
        assertThat(suggestionHints(robot)).containsExactly("Set bounds from #" + members.get(0).number()
                + " (cancelled: curve up to lr "
                + LrText.format(cancelled.points().get(cancelled.points().size() - 1).lr()) + " only):");
        Screenshots.save(fixture.view().chartView(), "history-sweep-member-cancelled-reopened");
        robot.interact(() -> fixture.vm().runs().selectedProperty().set(members.get(1)));
        assertThat(suggestionHints(robot)).containsExactly("Set bounds from #" + members.get(1).number() + ":");
    }

    /**
     * FX thread, before {@code run} is queued: once it has recorded {@code points} points, its worker counts
     * {@code reached} down and waits (up to a minute) for {@code go}. It takes the smoothed curve's hook from the
     * chart, which draws that curve meanwhile when other curves' points wake it.
     */
    private static void holdAt(RangeTestRun run, int points, CountDownLatch reached, CountDownLatch go) {
        AtomicInteger added = new AtomicInteger();
        run.smoothedCurve().onAdd(() -> {
            if (added.incrementAndGet() == points) {
                reached.countDown();
                try {
                    go.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    /** The hints of the suggestion bar that show: which run the suggestions are of, and how far its curve went. */
    private List<String> suggestionHints(FxRobot robot) {
        return fixture.laidOut(() -> robot.lookup(".hint").<Labeled>queryAll().stream().filter(Node::isVisible)
                .map(Labeled::getText).filter(t -> t.startsWith("Set bounds from")).toList());
    }
}
