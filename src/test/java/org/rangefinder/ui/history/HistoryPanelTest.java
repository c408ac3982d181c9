package org.rangefinder.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.history.RunHistory;
import org.rangefinder.files.Json;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunRecord;
import org.rangefinder.history.RunStatus;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.ui.Direct;
import org.rangefinder.ui.Screenshots;
import org.rangefinder.ui.Shown;
import org.rangefinder.ui.theme.ThemeManager;
import org.rangefinder.ui.data.DatasetCache;
import org.rangefinder.ui.rangetest.RangeTestViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The History table's columns follow what it lists, and fill the tab's width. */
@ExtendWith(ApplicationExtension.class)
class HistoryPanelTest {
    /** The centre of a window 1400 px wide, the default, beside both side panels at their preferred widths. */
    private static final double PANELS_AT_1400 = 1400 - 310 - 320 - 10;
    private Path folder;
    private HistoryViewModel vm;

    @Start
    void open(Stage stage) throws Exception {
        folder = Files.createTempDirectory("rangefinder-history-panel");
        HistoryStore store = new HistoryStore(folder, Direct.executor());
        vm = new HistoryViewModel(store, new RangeTestViewModel(Direct.executor(), new DatasetCache(), store));
        stage.setScene(new Scene(new HistoryPanel(vm, () -> { }), 900, 300));
        stage.show();
    }

    @AfterEach
    void removeHistory() throws Exception {
        AtomicFiles.deleteFolder(folder);
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * At the width the window gives the tab by default, every column is in view without a scroll bar sideways; a
     * training's kind and key numbers show in full, and a value too wide for its column its start, with the row's
     * tooltip giving the run in full.
     */
    @Test
    void everyColumnIsInViewAtTheWidthTheWindowGivesTheTabByDefault(FxRobot robot) throws Exception {
        // the window's centre at its default 1400 px beside the side panels at their preferred widths, in its theme
        robot.interact(() -> {
            Scene scene = robot.window(0).getScene();
            ThemeManager themes = new ThemeManager(Path.of("themes"));
            themes.apply(themes.named(ThemeManager.LIGHT), scene);
            robot.window(0).setWidth(PANELS_AT_1400);
        });
        write(new RunRecord(1, "20261207-104545-000-aaaa", RunKind.TRAINING, RunStatus.FINISHED,
                "2026-12-07T10:45:45Z", "2026-12-07T10:46:45Z", "digits", ModelSpec.preset("mlp"), null,
                "one-cycle", "completed", Map.of("finalValAccuracy", 0.9638, "finalValLoss", 0.1134), null, 1, null));
        write(new RunRecord(1, "20261207-104548-000-bbbb", RunKind.TRAINING, RunStatus.FINISHED,
                "2026-12-07T10:45:48Z", "2026-12-07T10:46:48Z", "digits", ModelSpec.preset("mlp"), null,
                "constant=0.005", "completed", Map.of("finalValAccuracy", 0.9304, "finalValLoss", 0.2631), null, 1,
                null));
        write(new RunRecord(1, "20261207-104922-000-cccc", RunKind.SWEEP, RunStatus.FINISHED,
                "2026-12-07T10:49:22Z", "2026-12-07T10:50:22Z", "digits", ModelSpec.preset("mlp"),
                "weight-decay=0,1e-4,1e-3", null, "completed", Map.of("members", 3.0), null, 1, null));
        write(new RunRecord(1, "20261207-104409-000-dddd", RunKind.RANGE_TEST, RunStatus.FINISHED,
                "2026-12-07T10:44:09Z", "2026-12-07T10:45:09Z", "digits", ModelSpec.preset("mlp"), null, null,
                "completed", Map.of("valley", 5.86e-3, "rangeMin", 5.86e-4, "rangeMax", 5.86e-3), null, 1, null));
        robot.interact(vm::refresh);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.waitForAsyncFx(10_000,
                () -> robot.lookup(".table-row-cell .table-cell").<TableCell<?, ?>>queryAll().stream()
                        .anyMatch(cell -> "training, 1cycle".equals(cell.getText()))));
        WaitForAsyncUtils.waitForFxEvents();

        var cells = robot.lookup(".table-row-cell .table-cell").<TableCell<?, ?>>queryAll().stream()
                .filter(cell -> cell.getText() != null && !cell.getText().isEmpty()).toList();
        assertThat(cells).extracting(TableCell::getText).contains("training, 1cycle", "training, constant 0.005",
                "sweep of weight decay: 0, 1e-4, 1e-3", "val acc 93.04%, val loss 0.2631",
                "valley 5.86e-03, range 5.86e-04..5.86e-03");
        var table = robot.lookup("#historyTable").queryAs(javafx.scene.control.TableView.class);
        assertThat(robot.from(table).lookup(".scroll-bar").queryAllAs(ScrollBar.class))
                .filteredOn(b -> b.getOrientation() == Orientation.HORIZONTAL).singleElement()
                .satisfies(b -> assertThat(b.isVisible()).as("a scroll bar sideways").isFalse());
        double right = table.localToScene(table.getLayoutBounds()).getMaxX();
        for (TableCell<?, ?> cell : cells) {
            assertThat(cell.localToScene(cell.getLayoutBounds()).getMaxX()).as("'%s' in view", cell.getText())
                    .isLessThanOrEqualTo(right);
            Shown.wholeOrItsStart(cell);
            assertThat(cell.getTableRow().getTooltip().getText()).as("the row in full").contains(cell.getText());
        }
        assertThat(cells).filteredOn(cell -> cell.getTableRow().getItem() instanceof RunRecord r
                        && r.kind() == RunKind.TRAINING && !cell.getTableColumn().getText().startsWith("Ended"))
                .hasSize(6).allSatisfy(cell -> assertThat(Shown.text(cell)).isEqualTo(cell.getText()));
        Screenshots.save(table, "history-kinds");
        var row = robot.lookup(".table-row-cell").<TableRow<RunRecord>>queryAll().stream()
                .filter(r -> r.getItem() != null && r.getItem().kind() == RunKind.TRAINING
                        && "constant=0.005".equals(r.getItem().schedule())).findFirst().orElseThrow();
        assertThat(row.getTooltip().getText()).as("a row in full, for a window too narrow for its columns")
                .isEqualTo(HistoryViewModel.when(row.getItem()) + ": training, constant 0.005\n"
                        + "val acc 93.04%, val loss 0.2631\ncompleted, digits, mlp 128-128");
    }

    /**
     * Runs sorted by a column stay in its order, one row each: a run of the window that ends shows its end in its
     * row, wherever the sort put it (it got a second row at the place the runs would have had newest first), and
     * Refresh keeps the sort (it put the rows back newest first under the column's sort arrow). A row chosen in the
     * sorted table is the run deleted.
     */
    @Test
    void runsSortedByAColumnKeepItsOrderOneRowEachAsARunEndsAndOnRefresh(FxRobot robot) throws Exception {
        RunRecord interrupted = new RunRecord(1, "20261201-090000-000-je63", RunKind.RANGE_TEST,
                RunStatus.INTERRUPTED, "2026-12-01T09:00:00Z", null, "iris", ModelSpec.preset("mlp"), null, null, null,
                Map.of(), null, 1, null);
        RunRecord finished = new RunRecord(1, "20261201-080000-000-g9mc", RunKind.RANGE_TEST, RunStatus.FINISHED,
                "2026-12-01T08:00:00Z", "2026-12-01T08:01:00Z", "iris", ModelSpec.preset("mlp"), null, null,
                "completed", Map.of("valley", 5.86e-3), null, 1, null);
        write(interrupted);
        write(finished);
        robot.interact(vm::refresh);
        HistoryStore.Recording run = WaitForAsyncUtils.waitForAsyncFx(10_000,
                () -> vm.store().start(RunKind.RANGE_TEST, "iris", ModelSpec.preset("mlp"), Map.of()));
        TableView<RunRecord> table = robot.lookup("#historyTable").queryTableView();
        WaitForAsyncUtils.waitForFxEvents();
        RunRecord running = table.getItems().get(0);
        assertThat(table.getItems()).as("newest first").containsExactly(running, interrupted, finished);
        assertThat(running.status()).isEqualTo(RunStatus.RUNNING);

        robot.clickOn(robot.from(table).lookup(".column-header").queryAllAs(TableColumnHeader.class).stream()
                .filter(h -> h.getTableColumn() != null && h.getTableColumn().getText().equals("When")).findFirst()
                .orElseThrow());
        assertThat(table.getSortOrder()).extracting(TableColumn::getText).containsExactly("When");
        assertThat(table.getSortOrder().get(0).getSortType()).isEqualTo(TableColumn.SortType.ASCENDING);
        assertThat(table.getItems()).as("oldest first").containsExactly(finished, interrupted, running);

        robot.interact(() -> vm.store().record(run, (h, id) -> h.fail(id, "boom")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).as("one row each, the run's end in its row").hasSize(3)
                .extracting(RunRecord::id).containsExactly(finished.id(), interrupted.id(), running.id());
        assertThat(table.getItems().get(2).status()).isEqualTo(RunStatus.FAILED);
        List<RunRecord> listed = RunHistory.open(folder).list().runs();
        assertThat(vm.entries()).as("the runs themselves newest first, as the history lists them")
                .containsExactlyElementsOf(listed);

        robot.interact(vm::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSortOrder()).extracting(TableColumn::getText).containsExactly("When");
        assertThat(table.getSortOrder().get(0).getSortType()).isEqualTo(TableColumn.SortType.ASCENDING);
        assertThat(table.getItems()).as("still oldest first")
                .containsExactly(listed.get(2), listed.get(1), listed.get(0));

        ((HistoryPanel) robot.window(0).getScene().getRoot()).setConfirmation(q -> true);
        robot.clickOn(robot.lookup(".table-row-cell").<TableRow<RunRecord>>queryAll().stream()
                .filter(r -> r.getIndex() == 0).findFirst().orElseThrow());
        assertThat(table.getSelectionModel().getSelectedItems()).containsExactly(finished);
        robot.clickOn("#historyDelete");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(folder.resolve(finished.id())).doesNotExist();
        assertThat(table.getItems()).extracting(RunRecord::id).containsExactly(interrupted.id(), running.id());
    }

    private void write(RunRecord r) throws Exception {
        Json.write(Files.createDirectories(folder.resolve(r.id())).resolve("run.json"), r);
    }

    @Test
    void aRunListedAfterTheTableShowsWidensItsColumnsToItsValues(FxRobot robot) throws Exception {
        // the table first showed no runs: JavaFX sizes columns to their content only then, once
        RangeTestConfig wide = RangeTestConfig.defaults("fashion-mnist", ModelSpec.preset("resnet"));
        RunHistory.open(folder).start(RunKind.RANGE_TEST, wide.dataset(), wide.model(), wide);
        robot.interact(vm::refresh);
        // the table shows the run in its next layout, which a loaded machine may not have reached yet
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.waitForAsyncFx(10_000,
                () -> robot.lookup(".table-row-cell .table-cell").<TableCell<?, ?>>queryAll().stream()
                        .anyMatch(cell -> cell.getText() != null && cell.getText().contains("fashion-mnist"))));
        WaitForAsyncUtils.waitForFxEvents();

        var cells = robot.lookup(".table-row-cell .table-cell").<TableCell<?, ?>>queryAll().stream()
                .filter(cell -> cell.getText() != null).toList();
        assertThat(cells).extracting(TableCell::getText).contains("running, fashion-mnist, "
                + wide.model().describe());
        // a cell too narrow for its text shows it cut short ("2026-11...")
        assertThat(cells).allSatisfy(cell -> assertThat(Shown.text(cell)).isEqualTo(cell.getText()));
    }
}
