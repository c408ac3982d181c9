package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunRecord;
import org.rangefinder.history.RunStatus;
import org.rangefinder.ui.rangetest.RangeTestRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The History tab, driven with the robot: a range test run in the window is recorded (in the fixture's own history
 * folder), listed, overlaid on the chart and deleted.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryWorkflowTest {
    @RegisterExtension
    final WorkbenchFixture fixture = new WorkbenchFixture();

    @Test
    void aRangeTestIsListedOverlaidAndDeleted(FxRobot robot) {
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

        robot.clickOn("History");
        TableView<RunRecord> table = fixture.view().historyPanel().table();
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(recorded);
        });
        Screenshots.save(fixture.view(), "history");
        robot.clickOn("#historyOverlay");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().runs().runs().size() == 2);
        RangeTestRun overlaid = fixture.vm().runs().runs().get(1);
        assertThat(overlaid.points()).isEqualTo(run.points());
        assertThat(overlaid.suggestionsProperty().get()).isEqualTo(run.suggestionsProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.vm().statusProperty().get()).isEqualTo("Overlaid 1 curve(s) from the run history");
        Screenshots.save(fixture.view(), "history-overlay");

        List<String> asked = new ArrayList<>();
        fixture.view().historyPanel().setConfirmation(q -> asked.add(q));
        robot.clickOn("History");
        robot.interact(() -> table.getSelectionModel().select(recorded));
        robot.clickOn("#historyDelete");
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().history().entries().stream()
                .noneMatch(r -> r.id().equals(recorded.id())));
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).startsWith("Delete 1 run(s)");
        assertThat(fixture.history.resolve(recorded.id())).doesNotExist();
        assertThat(fixture.history).isEmptyDirectory();
        assertThat(fixture.vm().statusProperty().get()).isEqualTo("Deleted 1 run(s) from the run history");
    }
}
