package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rangefinder.history.RunHistory;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunRecord;
import org.rangefinder.history.RunStatus;
import org.rangefinder.ui.rangetest.RangeTestRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The History tab, driven with the robot: a range test run in the window is recorded (in the test workspace, see
 * pom.xml), listed, overlaid on the chart and deleted.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryWorkflowTest {
    @RegisterExtension
    final WorkbenchFixture fixture = new WorkbenchFixture();

    @Test
    void aRangeTestIsListedOverlaidAndDeleted(FxRobot robot) {
        Instant before = Instant.now();
        robot.interact(() -> robot.lookup("#datasetChoice").queryComboBox().setValue("iris"));
        TextField iterations = robot.lookup("#iterationsField").queryAs(TextField.class);
        robot.interact(() -> iterations.setText("30"));
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().oneCycle().trainSamplesProperty().get() == 120
                && !robot.lookup("#runButton").queryButton().isDisabled());
        robot.clickOn("#runButton");
        WorkbenchFixture.waitUntil(10, () -> !fixture.vm().runs().runs().isEmpty());
        RangeTestRun run = fixture.vm().runs().runs().get(0);
        WorkbenchFixture.waitUntil(60, () -> !run.state().statusProperty().get().isActive());

        // other window tests record their runs in the same workspace: ours is the range test started since
        WorkbenchFixture.waitUntil(10, () -> ours(before) != null);
        RunRecord recorded = ours(before);
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
        assertThat(RunHistory.defaultFolder().resolve(recorded.id())).doesNotExist();
        assertThat(fixture.vm().statusProperty().get()).isEqualTo("Deleted 1 run(s) from the run history");
    }

    /** FX thread: the range test in the History table started at or after {@code since}, or null. */
    private RunRecord ours(Instant since) {
        return fixture.vm().history().entries().stream()
                .filter(r -> r.kind() == RunKind.RANGE_TEST && r.status() == RunStatus.FINISHED
                        && !r.createdAt().isBefore(since))
                .findFirst().orElse(null);
    }
}
