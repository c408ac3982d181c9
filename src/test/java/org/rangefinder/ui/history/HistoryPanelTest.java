package org.rangefinder.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rangefinder.files.AtomicFiles;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunKind;
import org.rangefinder.model.ModelSpec;
import org.rangefinder.rangetest.RangeTestConfig;
import org.rangefinder.ui.Direct;
import org.rangefinder.ui.data.DatasetCache;
import org.rangefinder.ui.rangetest.RangeTestViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The History table's columns follow what it lists. */
@ExtendWith(ApplicationExtension.class)
class HistoryPanelTest {
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
                        .anyMatch(cell -> "fashion-mnist".equals(cell.getText()))));
        WaitForAsyncUtils.waitForFxEvents();

        var cells = robot.lookup(".table-row-cell .table-cell").<TableCell<?, ?>>queryAll().stream()
                .filter(cell -> cell.getText() != null).toList();
        assertThat(cells).extracting(TableCell::getText).contains("fashion-mnist", wide.model().describe());
        // a cell too narrow for its text shows it cut short ("2026-11...")
        assertThat(cells).allSatisfy(cell -> assertThat(((Text) cell.lookup(".text")).getText())
                .isEqualTo(cell.getText()));
    }
}
