package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.TestData;
import org.rangefinder.engine.CancelToken;
import org.rangefinder.files.Json;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunRecord;
import org.rangefinder.history.RunStatus;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.RangeTest;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.rangetest.RangeTestListener;
import org.rangefinder.rangetest.Sweep;
import org.rangefinder.rangetest.SweepResult;
import org.rangefinder.rangetest.SweepRunner;
import org.rangefinder.ui.form.SidePanel;
import org.rangefinder.ui.rangetest.RangeTestChartView;
import org.rangefinder.ui.rangetest.RangeTestRun;
import org.rangefinder.ui.rangetest.RunsTable;
import org.rangefinder.ui.settings.WorkbenchSettings;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The window's columns: the side panels are as wide as the user dragged them, can be hidden from the View menu, and
 * are remembered across launches; in the narrowest window the runs list still shows all its columns and buttons, and
 * the chart's plot keeps its room under the suggestions.
 */
@ExtendWith(ApplicationExtension.class)
class PanelLayoutTest {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private final WorkbenchFixture fixture = new WorkbenchFixture();
    private Instant started = Instant.parse("2026-12-07T10:40:00Z");
    @TempDir
    Path tmp;

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    /** Opens the window at this size, with the settings {@code saved} leaves, on TestFX's stage. */
    private Stage open(double width, double height, Consumer<WorkbenchSettings> saved) throws Exception {
        WorkbenchSettings settings = new WorkbenchSettings(fixture.prefs);
        settings.setWindow(width, height, false);
        saved.accept(settings);
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> fixture.open(stage));
        fixture.laidOut(() -> true);
        return stage;
    }

    @Test
    void panelsGiveUpRoomInANarrowWindowDownToTheirMinimumsInProportionToWhatTheyHaveAboveIt() {
        // room 1050, centre 560, panels 300 and 320 over minimums 220: 130 short, given up as 80 : 100
        assertThat(PanelSplit.fit(1050, 560, 300, 220, 320, 220)).containsExactly(300 - 130 * 80 / 180.0,
                320 - 130 * 100 / 180.0);
        assertThat(PanelSplit.fit(1200, 560, 300, 220, 320, 220)).containsExactly(300, 320);
        assertThat(PanelSplit.fit(1000, 560, 300, 220, 320, 220)).as("too narrow: both at their minimums")
                .containsExactly(220, 220);
        assertThat(PanelSplit.fit(700, 560, 0, 0, 320, 220)).as("the left one hidden").containsExactly(0, 220);
        assertThat(PanelSplit.fit(1200, 560, 100, 220, 320, 220)).as("never below its minimum")
                .containsExactly(220, 320);
    }

    @Test
    void aWindow1024PxWideShowsEveryColumnAndButtonOfTheRunsListBesideBothPanels(FxRobot robot) throws Exception {
        open(1024, 700, s -> { });
        Path curve = tmp.resolve("curve.csv");
        Files.writeString(curve, "lr,loss\n1e-5,2.3\n1e-4,2.2\n1e-3,2.0\n1e-2,1.5\n1e-1,3\n");
        fixture.openCurves(curve);
        WorkbenchView view = fixture.view();
        RunsTable table = view.runsTable();
        fixture.laidOut(() -> true);
        TableRow<?> row = robot.lookup("#runsTable .table-row-cell").<TableRow<?>>queryAll().stream()
                .filter(r -> !r.isEmpty()).findFirst().orElseThrow();
        Bounds inTable = table.localToScene(table.getLayoutBounds());
        for (String control : new String[] {RunsTable.SHOW, RunsTable.CANCEL, RunsTable.REMOVE}) {
            Node node = robot.from(row).lookup("." + control).query();
            Bounds b = node.localToScene(node.getLayoutBounds());
            assertThat(b.getMaxX()).as("%s within the table", control).isLessThanOrEqualTo(inTable.getMaxX());
            assertThat(b.getMinX()).isGreaterThanOrEqualTo(inTable.getMinX());
        }
        for (TableColumn<?, ?> column : table.getColumns()) {
            assertThat(column.getWidth()).as("column '%s' not cut", column.getText())
                    .isGreaterThanOrEqualTo(column.getMinWidth());
        }
        assertThat(view.experimentPanel().getWidth()).isGreaterThanOrEqualTo(SidePanel.MIN_WIDTH);
        assertThat(view.oneCyclePanel().getWidth()).isGreaterThanOrEqualTo(SidePanel.MIN_WIDTH);
        Screenshots.save(view, "panels-1024");
    }

    @Test
    void aWindow1024PxWideShowsTheTrainingSummariesInFull(FxRobot robot) throws Exception {
        open(1024, 700, s -> { });
        robot.interact(() -> robot.lookup("#datasetChoice").queryComboBox().setValue("iris"));
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().oneCycle().trainSamplesProperty().get() == 120);
        robot.interact(() -> {
            fixture.vm().oneCycle().epochsProperty().set("2");
            fixture.vm().oneCycle().batchSizeProperty().set("16");
            fixture.vm().oneCycle().baselineProperty().set(true);
            fixture.vm().oneCycle().baselineLrProperty().set("0.005");
        });
        WorkbenchFixture.waitUntil(10, () -> !robot.lookup("#launchButton").queryButton().isDisabled());
        robot.interact(() -> fixture.view().launch());
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().oneCycle().runs().size() == 2);
        WorkbenchFixture.waitUntil(60, () -> !fixture.vm().oneCycle().trainingProperty().get()
                && fixture.vm().oneCycle().runs().stream().allMatch(r -> r.accuracyProperty().get() > 0));
        var summaries = fixture.laidOut(() -> robot.lookup(".training-summary").queryAllAs(Labeled.class));
        assertThat(summaries).hasSize(2);
        for (Labeled summary : summaries) {
            assertThat(summary.getText()).contains(", val acc ");
            assertThat(((Text) summary.lookup(".text")).getText()).as("not cut short").isEqualTo(summary.getText());
        }
        Screenshots.save(fixture.view(), "training-1024");
    }

    @Test
    void hidingASidePanelGivesTheCentreItsRoomAndShowingItGivesItBack(FxRobot robot) throws Exception {
        open(1280, 800, s -> { });
        WorkbenchView view = fixture.view();
        Region centre = (Region) robot.lookup(".tab-pane").query();
        double centreWidth = centre.getWidth();
        double left = view.experimentPanel().getWidth();
        double right = view.oneCyclePanel().getWidth();

        robot.clickOn("View").clickOn("Experiment panel");
        fixture.laidOut(() -> true);
        assertThat(view.experimentPanel().getScene()).as("hidden, out of the window").isNull();
        assertThat(centre.getWidth()).isCloseTo(centreWidth + left + divider(robot, "#rightPanelDivider"),
                within(1.0));
        robot.clickOn("View").clickOn("1cycle panel");
        fixture.laidOut(() -> true);
        assertThat(view.oneCyclePanel().getScene()).isNull();
        assertThat(centre.getWidth()).isCloseTo(fixture.workbench.scene().getWidth(), within(1.0));
        Screenshots.save(view, "panels-hidden");

        robot.clickOn("View").clickOn("Experiment panel");
        robot.clickOn("View").clickOn("1cycle panel");
        fixture.laidOut(() -> true);
        assertThat(view.experimentPanel().getWidth()).isEqualTo(left);
        assertThat(view.oneCyclePanel().getWidth()).isEqualTo(right);
        assertThat(centre.getWidth()).isEqualTo(centreWidth);
    }

    @Test
    void theWidthsTheUserDraggedAndTheHiddenPanelsAreRememberedAcrossLaunches(FxRobot robot) throws Exception {
        Stage stage = open(1280, 800, s -> {
            s.setPanel(Workbench.LEFT, 260, true);
            s.setPanel(Workbench.RIGHT, 300, true);
        });
        WorkbenchView view = fixture.view();
        assertThat(view.experimentPanel().getWidth()).isEqualTo(260);
        assertThat(view.oneCyclePanel().getWidth()).isEqualTo(300);

        robot.drag("#leftPanelDivider", MouseButton.PRIMARY).moveBy(40, 0).drop();
        fixture.laidOut(() -> true);
        assertThat(view.experimentPanel().getWidth()).isEqualTo(300);
        robot.clickOn("View").clickOn("1cycle panel");
        robot.interact(stage::hide);
        WorkbenchSettings saved = new WorkbenchSettings(fixture.prefs);
        assertThat(saved.panelWidth(Workbench.LEFT)).isEqualTo(300);
        assertThat(saved.panelWidth(Workbench.RIGHT)).isEqualTo(300);
        assertThat(saved.panelShown(Workbench.LEFT)).isTrue();
        assertThat(saved.panelShown(Workbench.RIGHT)).isFalse();

        FxToolkit.setupFixture(() -> fixture.open(stage));
        fixture.laidOut(() -> true);
        assertThat(fixture.view().experimentPanel().getWidth()).isEqualTo(300);
        assertThat(fixture.view().oneCyclePanel().getScene()).isNull();
    }

    /**
     * The History table in the narrowest window: its columns fill the tab, with no scroll bar sideways, over more runs
     * than it shows at once (its upright scroll bar takes room too) with the longest words a run has: a sweep's values,
     * a resnet, a dataset's path. A value cut short ends in an ellipsis, and its row's tooltip has it in full.
     */
    @Test
    void aWindow1024PxWideShowsEveryColumnOfTheHistoryWithoutScrollingSideways(FxRobot robot) throws Exception {
        ModelSpec mlp = ModelSpec.preset("mlp");
        for (int round = 0; round < 2; round++) {
            recorded(RunKind.RANGE_TEST, "digits", mlp, null, null, RunStatus.FINISHED, "diverged",
                    Map.of("valley", 5.86e-3, "rangeMin", 5.86e-4, "rangeMax", 5.86e-3));
            recorded(RunKind.RANGE_TEST, "iris", mlp, null, null, RunStatus.FINISHED, "cancelled",
                    Map.of("valley", 1.24e-2, "rangeMin", 1.24e-3, "rangeMax", 1.24e-2));
            recorded(RunKind.SWEEP, "digits", mlp, "weight-decay=0,1e-4,1e-3", null, RunStatus.FINISHED, "completed",
                    Map.of("members", 3.0));
            recorded(RunKind.SWEEP, "digits", mlp, "seed=1,2,3,4,5", null, RunStatus.FINISHED, "completed",
                    Map.of("members", 5.0, "medianValley", 4.12e-3));
            recorded(RunKind.TRAINING, "digits", mlp, null, "one-cycle", RunStatus.FINISHED, "completed",
                    Map.of("finalValAccuracy", 0.9638, "finalValLoss", 0.1134));
            recorded(RunKind.TRAINING, "digits", mlp, null, "constant=0.005", RunStatus.FINISHED, "completed",
                    Map.of("finalValAccuracy", 0.9304, "finalValLoss", 0.2631));
            recorded(RunKind.RANGE_TEST, "fashion-mnist", ModelSpec.preset("resnet"), null, null,
                    RunStatus.INTERRUPTED, "interrupted", Map.of());
            recorded(RunKind.RANGE_TEST, "/home/ana/data/penguins/penguins-measured-2026.csv", mlp, null, null,
                    RunStatus.FINISHED, "diverged", Map.of("valley", 2.2e-3));
        }
        open(1024, 700, s -> { });
        robot.clickOn("History");
        TableView<RunRecord> table = fixture.view().historyPanel().table();
        WorkbenchFixture.waitUntil(10, () -> table.getItems().size() == 16);
        // the panel fits its columns to what the rows show once they are laid out
        fixture.laidOut(() -> true);
        WaitForAsyncUtils.waitForFxEvents();

        List<ScrollBar> bars = fixture.laidOut(() -> List.copyOf(robot.from(table).lookup(".scroll-bar")
                .queryAllAs(ScrollBar.class)));
        ScrollBar sideways = bars.stream().filter(b -> b.getOrientation() == Orientation.HORIZONTAL).findFirst()
                .orElseThrow();
        ScrollBar upright = bars.stream().filter(b -> b.getOrientation() == Orientation.VERTICAL).findFirst()
                .orElseThrow();
        assertThat(upright.isVisible()).as("more runs than rows shown").isTrue();
        assertThat(sideways.isVisible()).as("a scroll bar sideways").isFalse();
        double right = upright.localToScene(upright.getLayoutBounds()).getMinX();
        Set<TableColumnHeader> headers = robot.from(table).lookup(".column-header").queryAllAs(TableColumnHeader.class);
        for (TableColumnHeader header : headers) {
            if (header.getTableColumn() != null) {
                assertThat(header.localToScene(header.getLayoutBounds()).getMaxX())
                        .as("column '%s' in view", header.getTableColumn().getText()).isLessThanOrEqualTo(right + 0.5);
            }
        }
        List<TableCell<?, ?>> cells = robot.from(table).lookup(".table-row-cell .table-cell")
                .<TableCell<?, ?>>queryAll().stream().filter(c -> !c.isEmpty() && c.getText() != null
                        && !c.getText().isEmpty()).toList();
        assertThat(cells).extracting(c -> c.getTableColumn().getText()).as("every column shows values")
                .contains("When", "Kind", "Key numbers", "Ended, dataset, model");
        for (TableCell<?, ?> cell : cells) {
            Shown.wholeOrItsStart(cell);
            assertThat(cell.getTableRow().getTooltip().getText()).as("the row in full").contains(cell.getText());
        }
        assertThat(cells).filteredOn(c -> c.getTableColumn().getText().equals("When"))
                .allSatisfy(c -> assertThat(Shown.text(c)).isEqualTo(c.getText()));
        Screenshots.save(fixture.view(), "history-1024");

        // a border dragged widens its column, and the columns after it give up the room
        TableColumn<RunRecord, ?> kind = table.getColumns().get(1);
        double kindWidth = kind.getWidth();
        TableColumnHeader kindHeader = headers.stream().filter(h -> h.getTableColumn() == kind).findFirst()
                .orElseThrow();
        Bounds border = kindHeader.localToScreen(kindHeader.getLayoutBounds());
        robot.drag(border.getMaxX(), border.getCenterY(), MouseButton.PRIMARY).moveBy(30, 0).drop();
        fixture.laidOut(() -> true);
        assertThat(kind.getWidth()).isCloseTo(kindWidth + 30, within(1.0));
        assertThat(sideways.isVisible()).isFalse();
        assertThat(table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum())
                .isLessThanOrEqualTo(right - table.localToScene(table.getLayoutBounds()).getMinX());
    }

    /**
     * A seed sweep reopened from the History tab beside another run, in the smallest window: the suggestion bar
     * offers the selected member's suggestions and the medians over its seeds a line each, every value whole and in
     * reach, and leaves the chart's plot its room (wrapped over three lines, it left the plot 155 px).
     */
    @Test
    void aWindow1024By768KeepsThePlotTallUnderASeedSweepsSuggestions(FxRobot robot) throws Exception {
        RangeTestConfig config = RangeTestConfig.defaults("iris", ModelSpec.preset("mlp")).withIterations(30)
                .withBatchSize(16);
        SweepResult sweep = SweepRunner.run(TestData.load("iris"), config, Sweep.parse("seed=1,2,3"), 3,
                (m, p) -> { }, new CancelToken());
        fixture.record(config, sweep);
        fixture.record(RangeTest.run(TestData.load("iris"), config.withWeightDecay(1e-3), RangeTestListener.NONE,
                new CancelToken()));
        open(1024, 768, s -> { });
        List<RangeTestRun> runs = fixture.overlayAll(robot, 4);
        RangeTestRun member = runs.stream().filter(r -> r.family() != null).findFirst().orElseThrow();
        robot.interact(() -> fixture.vm().runs().selectedProperty().set(member));
        RangeTestChartView view = fixture.view().chartView();
        Region plot = fixture.laidOut(() -> (Region) view.chart().lookup(".chart-plot-background"));
        Screenshots.save(fixture.view(), "seed-sweep-1024x768");
        assertThat(plot.getHeight()).as("the plot's height").isGreaterThanOrEqualTo(200);

        Bounds inView = view.localToScene(view.getLayoutBounds());
        for (String id : List.of("steep", "valley", "minimum", "median-steep", "median-valley", "median-minimum")) {
            Button use = robot.lookup("#" + id + "Button").queryButton();
            Bounds b = use.localToScene(use.getLayoutBounds());
            assertThat(b.getMinX()).as("%s in view", id).isGreaterThanOrEqualTo(inView.getMinX());
            assertThat(b.getMaxX()).as("%s in view", id).isLessThanOrEqualTo(inView.getMaxX());
            assertThat(((Text) use.lookup(".text")).getText()).as("%s whole", id).isEqualTo(use.getText());
        }
        // the toolbar holds its controls and the word for how the bounds were chosen on one line, the longest word too
        Label chosen = robot.lookup("#chosenByLabel").queryAs(Label.class);
        Node raw = robot.lookup("#rawToggle").query();
        assertThat(chosen.getText()).isEqualTo("(manual)");
        assertThat(chosen.getBoundsInParent().getMinY()).as("on the toolbar's first line")
                .isLessThan(raw.getBoundsInParent().getMaxY());
        robot.clickOn("#median-minimumButton");
        fixture.laidOut(() -> true);
        assertThat(chosen.getText()).isEqualTo("(minimum)");
        assertThat(chosen.getBoundsInParent().getMinY()).as("on the toolbar's first line")
                .isLessThan(raw.getBoundsInParent().getMaxY());

        robot.clickOn("#median-valleyButton");
        assertThat(fixture.vm().bounds().maxProperty().get()).isEqualTo(sweep.seedSummary().medianValley());
    }

    /** Writes the record of a run that ended into the window's run history, started a minute after the one before. */
    private void recorded(RunKind kind, String dataset, ModelSpec model, String sweep, String schedule,
                          RunStatus status, String stopReason, Map<String, Double> results) throws Exception {
        String id = ID_TIME.format(started) + "-" + kind.id().substring(0, 4);
        Json.write(Files.createDirectories(fixture.history.resolve(id)).resolve("run.json"), new RunRecord(
                RunRecord.SCHEMA_VERSION, id, kind, status, started.toString(), started.plusSeconds(30).toString(),
                dataset, model, sweep, schedule, stopReason, results, null, 1, null));
        started = started.plusSeconds(60);
    }

    private static double divider(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Region.class).getWidth();
    }
}
