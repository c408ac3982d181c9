package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.engine.StopReason;
import org.rangefinder.history.RunKind;
import org.rangefinder.history.RunRecord;
import org.rangefinder.history.RunStatus;
import org.rangefinder.ui.chart.LrText;
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

        robot.clickOn("History");
        TableView<RunRecord> table = fixture.view().historyPanel().table();
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(recorded);
        });
        Screenshots.save(fixture.view(), "history");
        robot.clickOn("#historyOverlay");
        WorkbenchFixture.waitUntil(10, () -> "Nothing overlaid: the chosen curve(s) are in the runs list already"
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
        assertThat(fixture.vm().statusProperty().get()).isEqualTo("Overlaid 1 curve(s) from the run history");
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
        assertThat(asked.get(0)).startsWith("Delete 1 run(s)");
        assertThat(fixture.history.resolve(recorded.id())).doesNotExist();
        assertThat(fixture.history).isEmptyDirectory();
        assertThat(fixture.vm().statusProperty().get()).isEqualTo("Deleted 1 run(s) from the run history");
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

    /** The hints of the suggestion bar that show: which run the suggestions are of, and how far its curve went. */
    private List<String> suggestionHints(FxRobot robot) {
        return fixture.laidOut(() -> robot.lookup(".hint").<Labeled>queryAll().stream().filter(Node::isVisible)
                .map(Labeled::getText).filter(t -> t.startsWith("Set bounds from")).toList());
    }
}
