package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.ui.form.SidePanel;
import org.rangefinder.ui.rangetest.RunsTable;
import org.rangefinder.ui.settings.WorkbenchSettings;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The window's columns: the side panels are as wide as the user dragged them, can be hidden from the View menu, and
 * are remembered across launches; in the narrowest window the runs list still shows all its columns and buttons.
 */
@ExtendWith(ApplicationExtension.class)
class PanelLayoutTest {
    private final WorkbenchFixture fixture = new WorkbenchFixture();
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

    private static double divider(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Region.class).getWidth();
    }
}
