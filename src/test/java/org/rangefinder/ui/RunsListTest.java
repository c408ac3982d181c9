package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.engine.StopReason;
import org.rangefinder.ui.chart.RunColors;
import org.rangefinder.ui.rangetest.RangeTestRun;
import org.rangefinder.ui.rangetest.RunsTable;
import org.rangefinder.ui.work.RunStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The runs list's buttons and the cancel shortcut. */
@ExtendWith(ApplicationExtension.class)
class RunsListTest {
    @RegisterExtension
    final WorkbenchFixture fixture = new WorkbenchFixture();

    @TempDir
    Path tmp;

    @Test
    void escapeCancelsARunningRangeTestWhichKeepsItsPoints(FxRobot robot) {
        robot.interact(() -> robot.lookup("#iterationsField").queryAs(TextField.class).setText("100000"));
        WorkbenchFixture.waitUntil(10, () -> !robot.lookup("#runButton").queryButton().isDisabled());
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        WorkbenchFixture.waitUntil(10, () -> !fixture.vm().runs().runs().isEmpty());
        RangeTestRun run = fixture.vm().runs().runs().get(0);
        WorkbenchFixture.waitUntil(30, () -> run.state().progressProperty().get() > 0);
        assertThat(robot.lookup("#activeRunsLabel").queryLabeled().getText()).isEqualTo("1 run queued or running");
        robot.type(KeyCode.ESCAPE);
        WorkbenchFixture.waitUntil(10, () -> run.state().statusProperty().get() == RunStatus.FINISHED);
        assertThat(run.state().stopReasonProperty().get()).isEqualTo(StopReason.CANCELLED);
        assertThat(run.points()).isNotEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#activeRunsLabel").queryLabeled().getText()).isEqualTo("no runs going");
        // its suggestions, from what it recorded, say so
        String lastLr = org.rangefinder.ui.chart.LrText.format(run.points().get(run.points().size() - 1).lr());
        assertThat(robot.lookup(".hint").<javafx.scene.control.Labeled>queryAll().stream()
                .filter(javafx.scene.Node::isVisible).map(javafx.scene.control.Labeled::getText))
                .contains("Set bounds from #1 (cancelled: curve up to lr " + lastLr + " only):");
        assertThat(fixture.vm().bounds().pickedProperty().get()).as("bounds not set from a partial curve").isFalse();
        Screenshots.save(fixture.view().chartView(), "cancelled-run-suggestions");
    }

    /**
     * Esc pressed while typing in a field leaves the runs going: the field did not consume it, and Cancel running, its
     * shortcut, killed every run at a reflex meant for the typing. Cancel running chosen from the Run menu with the
     * mouse still cancels, the field keeping the focus; Esc with the focus outside the fields cancels too.
     */
    @Test
    void escapeWhileTypingInAFieldLeavesTheRunsGoing(FxRobot robot) {
        fixture.chooseIris(robot, 100000);
        robot.clickOn("#runButton");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().runs().runs().size() == 1);
        RangeTestRun typedOver = fixture.vm().runs().runs().get(0);
        WorkbenchFixture.waitUntil(30, () -> typedOver.state().progressProperty().get() > 0);
        robot.clickOn("#batchSizeField");
        assertThat(fixture.workbench.scene().getFocusOwner().getId()).isEqualTo("batchSizeField");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        // still going: further on after the key than before it
        assertThat(typedOver.state().statusProperty().get()).isEqualTo(RunStatus.RUNNING);
        double progress = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> typedOver.state().progressProperty().get());
        WorkbenchFixture.waitUntil(30, () -> typedOver.state().progressProperty().get() > progress);
        assertThat(typedOver.state().statusProperty().get()).isEqualTo(RunStatus.RUNNING);

        robot.clickOn(robot.from(robot.lookup("#menuBar").queryAs(Node.class)).lookup("Run").queryAs(Node.class));
        robot.clickOn("Cancel running");
        WorkbenchFixture.waitUntil(10, () -> !typedOver.state().statusProperty().get().isActive());
        assertThat(typedOver.state().stopReasonProperty().get()).isEqualTo(StopReason.CANCELLED);
        assertThat(fixture.workbench.scene().getFocusOwner().getId()).isEqualTo("batchSizeField");

        robot.clickOn("#runButton");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().runs().runs().size() == 2);
        RangeTestRun next = fixture.vm().runs().runs().get(1);
        WorkbenchFixture.waitUntil(30, () -> next.state().progressProperty().get() > 0);
        robot.type(KeyCode.ESCAPE);
        WorkbenchFixture.waitUntil(10, () -> !next.state().statusProperty().get().isActive());
        assertThat(next.state().stopReasonProperty().get()).isEqualTo(StopReason.CANCELLED);
    }

    /**
     * A row's Cancel stops the run of that row, not another: the table reuses its rows and their buttons, each bound
     * anew to the run it shows. Two long range tests (the second queued or running beside the first, as the machine's
     * cores allow), the first selected: Cancel in the second's row ends it cancelled and leaves the first running;
     * Cancel in the first's row ends that one.
     */
    @Test
    void aRowsCancelStopsTheRunOfThatRowOnly(FxRobot robot) {
        fixture.chooseIris(robot, 100000);
        robot.clickOn("#runButton");
        robot.clickOn("#runButton");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().runs().runs().size() == 2);
        RangeTestRun first = fixture.vm().runs().runs().get(0);
        RangeTestRun second = fixture.vm().runs().runs().get(1);
        WorkbenchFixture.waitUntil(30, () -> first.state().progressProperty().get() > 0);
        // the first run selected (the second, the newest, was): a row's Cancel is not the selected run's either
        robot.interact(() -> fixture.vm().runs().selectedProperty().set(first));
        robot.clickOn(inRowOf(robot, second, RunsTable.CANCEL));
        WorkbenchFixture.waitUntil(10, () -> second.state().statusProperty().get() == RunStatus.FINISHED);
        assertThat(second.state().stopReasonProperty().get()).isEqualTo(StopReason.CANCELLED);
        assertThat(first.state().statusProperty().get()).isEqualTo(RunStatus.RUNNING);
        assertThat(inRowOf(robot, second, RunsTable.CANCEL).isDisabled()).as("nothing left to cancel").isTrue();
        robot.clickOn(inRowOf(robot, first, RunsTable.CANCEL));
        WorkbenchFixture.waitUntil(10, () -> first.state().statusProperty().get() == RunStatus.FINISHED);
        assertThat(first.state().stopReasonProperty().get()).isEqualTo(StopReason.CANCELLED);
        assertThat(first.points()).isNotEmpty();
    }

    @Test
    void theRowsAreMadeBeforeTheFirstRunWhichTakesOneOfThem(FxRobot robot) throws Exception {
        TableView<RangeTestRun> table = fixture.view().runsTable();
        Set<Node> rows = robot.lookup("#runsTable .table-row-cell").queryAll();
        assertThat(rows).as("rows made before any run").isNotEmpty()
                .allSatisfy(row -> assertThat(((TableRow<?>) row).isEmpty()).as("no stand-in left").isTrue());
        double header = robot.from(table).lookup(".column-header-background").query().getLayoutBounds().getHeight();
        assertThat(rows.size() * table.getFixedCellSize()).as("the rows fill the table below its header")
                .isGreaterThanOrEqualTo(table.getHeight() - header);
        assertThat(fixture.vm().runs().runs()).isEmpty();
        assertThat(fixture.vm().runs().selectedProperty().get()).as("the stand-in selected meanwhile is not").isNull();
        assertThat(table.getSelectionModel().isEmpty()).isTrue();
        Set<Node> controls = robot.lookup("#runsTable .table-row-cell ." + RunsTable.SHOW).queryAll();
        assertThat(controls).as("a Show box in every row, hidden while the row is empty").hasSameSizeAs(rows)
                .noneMatch(Node::isVisible);

        Path curve = curveFile();
        fixture.openCurves(curve);
        // the table gives a row the run in its next layout, which a loaded machine may not have reached yet
        WorkbenchFixture.waitUntil(10, () -> robot.lookup("#runsTable .table-row-cell").queryAll().stream()
                .anyMatch(r -> !((TableRow<?>) r).isEmpty()));
        assertThat(robot.lookup("#runsTable .table-row-cell").queryAll()).as("no row made for the first run")
                .isEqualTo(rows);
        TableRow<?> first = rows.stream().map(r -> (TableRow<?>) r).filter(r -> !r.isEmpty()).findFirst().orElseThrow();
        assertThat(first.getItem()).isSameAs(fixture.vm().runs().runs().get(0));
        Node shown = robot.from(first).lookup("." + RunsTable.SHOW).query();
        assertThat(shown.isVisible()).isTrue();
        assertThat(controls).as("the run's row shows the Show box it had, not a new one").contains(shown);
        assertThat(robot.lookup("#runsTable .table-row-cell ." + RunsTable.SHOW).queryAll()).isEqualTo(controls);
        assertThat(table.getSelectionModel().getSelectedItem()).as("the new run is selected")
                .isSameAs(fixture.vm().runs().runs().get(0));
        assertThat(first.isSelected()).isTrue();
    }

    @Test
    void everyStatusStopReasonAndTimeFitsItsColumn(FxRobot robot) throws Exception {
        Path curve = curveFile();
        fixture.openCurves(curve);
        Map<String, List<String>> words = Map.of(
                "Status", Stream.concat(Arrays.stream(RunStatus.values()).map(RunStatus::text),
                        Arrays.stream(StopReason.values()).map(StopReason::id)).toList(),
                "Time", List.of("999.9 s"));
        for (var column : words.entrySet()) {
            // a cell of the run's row: an empty row's cells have a border of their own
            TableCell<?, ?> cell = robot.lookup(".table-row-cell .table-cell").<TableCell<?, ?>>queryAll().stream()
                    .filter(c -> !c.isEmpty() && c.getTableColumn().getText().equals(column.getKey())).findFirst()
                    .orElseThrow();
            double room = cell.getTableColumn().getWidth() - cell.snappedLeftInset() - cell.snappedRightInset();
            for (String word : column.getValue()) {
                Text text = new Text(word);
                text.setFont(cell.getFont());
                assertThat(text.getLayoutBounds().getWidth()).as("'%s' in %s", word, column.getKey())
                        .isLessThanOrEqualTo(room);
            }
        }
    }

    @Test
    void theRunColumnTakesTheSpareWidthAndANameCutShortIsInFullInItsTooltip(FxRobot robot) throws Exception {
        Path curve = tmp.resolve("weight-decay-1e-4-batch-size-32-momentum-0.95-nesterov-mlp-256-256-256-"
                + "digits-without-batch-normalisation.csv");
        Files.copy(curveFile(), curve);
        fixture.openCurves(curve);
        RunsTable table = fixture.view().runsTable();
        TableCell<?, ?> cell = fixture.laidOut(() -> robot.lookup(".table-row-cell .table-cell")
                .<TableCell<?, ?>>queryAll().stream()
                .filter(c -> !c.isEmpty() && c.getTableColumn().getText().equals("Run")).findFirst().orElseThrow());
        double others = table.getColumns().stream().filter(c -> c != cell.getTableColumn())
                .mapToDouble(TableColumn::getWidth).sum();
        double content = table.lookup(".clipped-container").getLayoutBounds().getWidth();
        assertThat(cell.getTableColumn().getWidth()).as("the Run column has what the others leave")
                .isGreaterThan(cell.getTableColumn().getPrefWidth()).isCloseTo(content - others, within(1.0));
        String name = fixture.vm().runs().runs().get(0).name();
        assertThat(((Text) cell.lookup(".text")).getText()).as("cut short").isNotEqualTo(name).endsWith("...");
        assertThat(cell.getTooltip().getText()).isEqualTo(name);
    }

    @Test
    void showHidesAndRemoveTakesOffARunsCurves(FxRobot robot) throws Exception {
        Path curve = curveFile(true);
        fixture.openCurves(curve, curve);
        var chart = fixture.view().chartView().chart();
        assertThat(chart.getData()).hasSize(4);
        RangeTestRun first = fixture.vm().runs().runs().get(0);
        RangeTestRun second = fixture.vm().runs().runs().get(1);
        robot.clickOn(inRowOf(robot, first, RunsTable.SHOW));
        assertThat(first.visibleProperty().get()).isFalse();
        assertThat(chart.getData()).hasSize(2);
        javafx.scene.control.Button remove = (javafx.scene.control.Button) inRowOf(robot, second, RunsTable.REMOVE);
        // it takes the run off the window's list; the History tab's Delete... deletes runs
        assertThat(remove.getText()).isEqualTo("Remove");
        assertThat(remove.getTooltip().getText()).isEqualTo("Remove the run from this list (the History tab keeps it)");
        robot.clickOn(remove);
        assertThat(fixture.vm().runs().runs()).containsExactly(first);
        assertThat(chart.getData()).isEmpty();
        robot.clickOn(inRowOf(robot, first, RunsTable.SHOW));
        assertThat(chart.getData()).hasSize(2);
        robot.clickOn("#rawToggle");
        assertThat(fixture.view().chartView().showRawProperty().get()).isFalse();
        assertThat(chart.getData()).hasSize(1);
    }

    /** A curve whose losses are its smoothed ones has no faint raw line under its bold one. */
    @Test
    void aCurveWithoutRawLossesIsDrawnAsOneLine(FxRobot robot) throws Exception {
        fixture.openCurves(curveFile(false), curveFile(true));
        var chart = fixture.view().chartView().chart();
        List<RangeTestRun> runs = fixture.vm().runs().runs();
        assertThat(runs).extracting(RangeTestRun::hasRawLoss).containsExactly(false, true);
        assertThat(chart.getData()).as("one line, then two").hasSize(3);
        robot.clickOn("#rawToggle");
        assertThat(chart.getData()).hasSize(2);
        robot.clickOn("#rawToggle");
        assertThat(chart.getData()).hasSize(3);
    }

    @Test
    void aRowShowsTheColourOfTheRunItHoldsNow(FxRobot robot) throws Exception {
        Path curve = curveFile();
        fixture.openCurves(curve, curve, curve);
        robot.clickOn(inRowOf(robot, fixture.vm().runs().runs().get(0), RunsTable.REMOVE));
        List<RangeTestRun> runs = fixture.vm().runs().runs();
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).colorIndex()).isNotEqualTo(runs.get(1).colorIndex());
        for (RangeTestRun run : runs) {
            // the rows moved up: each swatch showed another run before
            List<String> colours = inRowOf(robot, run, "run-swatch").getStyleClass().stream()
                    .filter(c -> c.startsWith("run-color-")).toList();
            assertThat(colours).as("run %d's swatch", run.number()).containsExactly(RunColors.styleClass(run.colorIndex()));
        }
    }

    /**
     * A new run, or a curve just opened, is selected and scrolled into view: it stayed below the list's last row
     * shown. Selecting a row that is shown does not scroll the list.
     */
    @Test
    void aNewRunIsScrolledIntoView(FxRobot robot) throws Exception {
        Path curve = curveFile();
        Path[] twelve = new Path[12];
        Arrays.fill(twelve, curve);
        fixture.openCurves(twelve);
        List<RangeTestRun> runs = fixture.vm().runs().runs();
        assertThat(fixture.view().runsTable().getSelectionModel().getSelectedItem()).isSameAs(runs.get(11));
        assertThat(fullyShown(robot, runs.get(11))).as("the last run's row").isTrue();
        assertThat(fullyShown(robot, runs.get(0))).as("the first run's row").isFalse();
        Screenshots.save(fixture.view().runsTable(), "new-run-scrolled-into-view");
        // the buttons of a row fit beside the scroll bar that many runs bring
        Node remove = inRowOf(robot, runs.get(11), RunsTable.REMOVE);
        Node view = robot.lookup("#runsTable .clipped-container").query();
        assertThat(fixture.laidOut(() -> remove.localToScene(remove.getLayoutBounds()).getMaxX()))
                .isLessThanOrEqualTo(fixture.laidOut(() -> view.localToScene(view.getLayoutBounds()).getMaxX()));

        RangeTestRun shown = runs.get(10);
        double before = rowY(robot, shown);
        robot.interact(() -> fixture.vm().runs().selectedProperty().set(shown));
        assertThat(rowY(robot, shown)).as("the rows stay where they are").isEqualTo(before);

        robot.interact(() -> fixture.vm().runs().selectedProperty().set(runs.get(0)));
        assertThat(fullyShown(robot, runs.get(0))).as("a run selected elsewhere (the History tab)").isTrue();
    }

    /** Where the row of {@code run} is in the scene, after a layout pass. */
    private double rowY(FxRobot robot, RangeTestRun run) {
        return fixture.laidOut(() -> robot.lookup("#runsTable .table-row-cell").<TableRow<?>>queryAll().stream()
                .filter(r -> r.getItem() == run && r.isVisible()).findFirst().orElseThrow()
                .localToScene(0, 0).getY());
    }

    /** Whether the row of {@code run} is all in the table's view, after a layout pass. */
    private boolean fullyShown(FxRobot robot, RangeTestRun run) {
        return fixture.laidOut(() -> {
            Node view = robot.lookup("#runsTable .clipped-container").query();
            javafx.geometry.Bounds shown = view.localToScene(view.getLayoutBounds());
            return robot.lookup("#runsTable .table-row-cell").<TableRow<?>>queryAll().stream()
                    .filter(r -> r.getItem() == run && r.isVisible())
                    .map(r -> r.localToScene(r.getLayoutBounds()))
                    .anyMatch(b -> b.getMinY() >= shown.getMinY() - 0.5 && b.getMaxY() <= shown.getMaxY() + 0.5);
        });
    }

    /**
     * The control with style class {@code styleClass} in the row of the runs table that shows {@code run}, looked up
     * after a layout pass: the table gives its rows their runs, and moves them, only when laid out.
     */
    private Node inRowOf(FxRobot robot, RangeTestRun run, String styleClass) {
        fixture.laidOut(() -> true);
        TableRow<?> row = robot.lookup("#runsTable .table-row-cell").<TableRow<?>>queryAll().stream()
                .filter(r -> r.getItem() == run).findFirst().orElseThrow();
        return robot.from(row).lookup("." + styleClass).query();
    }

    /** A 30-point curve file such as pytorch-lr-finder writes: its losses are smoothed already. */
    private Path curveFile() throws IOException {
        return curveFile(false);
    }

    /**
     * A 30-point curve file: with {@code ownSmoothing}, as Rangefinder's {@code --csv} writes it, raw losses beside
     * their smoothed ones; without, as pytorch-lr-finder writes it.
     */
    private Path curveFile(boolean ownSmoothing) throws IOException {
        Path curve = tmp.resolve(ownSmoothing ? "run.csv" : "curve.csv");
        StringBuilder csv = new StringBuilder(ownSmoothing ? "lr,loss,smoothed_loss\n" : "lr,loss\n");
        for (int i = 0; i < 30; i++) {
            csv.append(1e-6 * Math.pow(10, i / 5.0)).append(',').append(2 - i * 0.03);
            if (ownSmoothing) {
                csv.append(',').append(2.01 - i * 0.03);
            }
            csv.append('\n');
        }
        Files.writeString(curve, csv);
        return curve;
    }
}
