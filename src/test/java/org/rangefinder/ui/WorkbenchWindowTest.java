package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.TestData;
import org.rangefinder.data.Datasets;
import org.rangefinder.rangetest.SweepFactor;
import org.rangefinder.ui.work.EngineStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {
    @RegisterExtension
    final WorkbenchFixture fixture = new WorkbenchFixture();

    @TempDir
    Path tmp;

    @Test
    void opensOnDigitsWithMlpReadyToRun(FxRobot robot) {
        assertThat(robot.lookup("#datasetChoice").queryComboBox().getValue()).isEqualTo("digits");
        assertThat(robot.lookup("#modelChoice").queryAs(javafx.scene.control.ChoiceBox.class).getValue()).isEqualTo("mlp");
        Button run = robot.lookup("#runButton").queryButton();
        WorkbenchFixture.waitUntil(20, () -> fixture.vm().engine().stateProperty().get() == EngineStatus.State.READY
                && fixture.vm().oneCycle().trainSamplesProperty().get() > 0);
        assertThat(run.isDisabled()).isFalse();
        assertThat(robot.lookup("#engineStatus").queryAs(Label.class).getText()).startsWith("Engine ready");
        Screenshots.save(fixture.view(), "window-opened");
    }

    @Test
    void everyChartsVerticalAxisHasRoomForItsTickLabelsBesideItsTitle(FxRobot robot) {
        WorkbenchFixture.waitUntil(20, () -> fixture.vm().oneCycle().trainSamplesProperty().get() > 0);
        fixture.laidOut(() -> true); // the axes' tick labels made and placed, as a pulse would
        var charts = robot.lookup(".chart").<XYChart<?, ?>>queryAll();
        assertThat(charts).hasSizeGreaterThanOrEqualTo(7); // range test, two previews, four training charts
        for (XYChart<?, ?> chart : charts) {
            Axis<?> y = chart.getYAxis();
            Label title = (Label) y.lookup(".axis-label");
            double titleRight = title.getBoundsInParent().getMaxX();
            var labels = y.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text && n.isVisible()).toList();
            assertThat(labels).as("%s: tick labels of '%s'", chart.getId(), y.getLabel()).isNotEmpty();
            for (var label : labels) {
                assertThat(label.getBoundsInParent().getMinX()).as("%s: tick label '%s' clear of the title '%s'",
                        chart.getId(), ((Text) label).getText(), y.getLabel()).isGreaterThanOrEqualTo(titleRight);
            }
        }
    }

    @Test
    void aNotificationCoversNeitherTheStatusBarNorTheTabsNorAnyButtonAndGoesWhenClosedOrAfterItsTime(FxRobot robot) {
        robot.interact(() -> fixture.vm().report("Saved the 1cycle model to /tmp/rangefinder/1cycle-model.zip"));
        fixture.laidOut(() -> true);
        Node toast = robot.lookup("#toast").query();
        assertThat(toast.isVisible()).isTrue();
        Bounds shown = toast.localToScene(toast.getLayoutBounds());
        Bounds window = fixture.view().localToScene(fixture.view().getLayoutBounds());
        assertThat(window.contains(shown)).as("in the window").isTrue();
        List<Node> covered = new ArrayList<>();
        covered.add(robot.lookup("#statusBar").query());
        covered.addAll(robot.lookup(".tab-pane > .tab-header-area .tab").queryAll());
        covered.addAll(robot.lookup(".button").queryAll().stream().filter(b -> !toast.equals(b.getParent()))
                .toList());
        for (Node node : covered) {
            if (node.isVisible() && node.getScene() != null) {
                assertThat(node.localToScene(node.getLayoutBounds()).intersects(shown)).as("%s covered", node)
                        .isFalse();
            }
        }
        assertThat(robot.lookup("#toastMessage").queryLabeled().getText()).startsWith("Saved the 1cycle model");
        Screenshots.save(fixture.view(), "notification");

        robot.clickOn("#toastClose");
        assertThat(toast.isVisible()).isFalse();
        robot.interact(() -> fixture.vm().report("Wrote 2 curves to curves.csv"));
        assertThat(toast.isVisible()).isTrue();
        WorkbenchFixture.waitUntil((int) Toast.SHOWN.toSeconds() + 5, () -> !toast.isVisible());
    }

    @Test
    void scrollingSidePanelsKeepNoBitmapOfTheirContent(FxRobot robot) {
        // JavaFX's scroll pane caches its viewport and repaints all of it when anything in it changes
        var viewports = robot.lookup(".scroll-pane > .viewport").queryAll();
        assertThat(viewports).hasSize(2); // the experiment panel, the 1cycle panel
        assertThat(viewports).noneMatch(javafx.scene.Node::isCache);
    }

    @Test
    void anExportThatCannotBeMadeSaysWhyInADialogWithoutAStackTrace(FxRobot robot) {
        WorkbenchFixture.waitUntil(20, () -> fixture.vm().oneCycle().trainSamplesProperty().get() > 0);
        robot.interact(() -> fixture.vm().oneCycle().epochsProperty().set("0"));
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        WorkbenchFixture.waitUntil(10, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Cannot export the hyperparameters");
        String message = ((Label) dialog.getContent()).getText();
        assertThat(message).isEqualTo("the 1cycle panel is not ready: Epochs must be at least 1, got 0");
        assertThat(message).doesNotContain("Exception").doesNotContain("\tat ");
        Screenshots.save(dialog, "error-dialog");
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    /**
     * Open curve... (Ctrl+O) with a CSV that is no curve says so in a dialog naming the file and the columns it lacks,
     * and leaves the dataset as it was: it had imported the file as the dataset, which then failed to load.
     */
    @Test
    void openCurveWithAFileThatIsNoCurveSaysWhatItLacksAndKeepsTheDataset(FxRobot robot) throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad1.csv"), "learning_rate,value\n0.001,2.3\n0.01,2.1\n");
        WorkbenchFixture.waitUntil(20, () -> fixture.vm().oneCycle().trainSamplesProperty().get() > 0);
        fixture.answers.add(bad);
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        WorkbenchFixture.waitUntil(10, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Cannot open bad1.csv as a curve");
        assertThat(((Label) dialog.getContent()).getText()).contains("bad1.csv")
                .contains("no columns named 'lr' and 'loss'");
        Screenshots.save(dialog, "open-curve-not-a-curve");
        robot.interact(() -> dialog.getScene().getWindow().hide());
        assertThat(robot.lookup("#datasetChoice").queryComboBox().getValue()).isEqualTo("digits");
        assertThat(robot.lookup("#datasetChoice").queryComboBox().getItems()).containsExactlyElementsOf(
                Datasets.BUNDLED);
        assertThat(fixture.vm().runs().runs()).isEmpty();
        assertThat(fixture.vm().oneCycle().problemProperty().get()).isNull();
    }

    /**
     * A problem appearing below a side panel's form (its message grows the footer) moves neither the form nor the
     * panel's main button: the form moved by a fraction of the message's height, where the user was about to click.
     */
    @Test
    void aProblemAppearingMovesNeitherTheFormNorTheButton(FxRobot robot) {
        WorkbenchFixture.waitUntil(20, () -> fixture.vm().oneCycle().configProperty().get() != null);
        // the 1cycle panel first: a problem in the experiment panel shows in the 1cycle panel too
        assertStaysPut(robot, fixture.view().oneCyclePanel(), "#evalEveryField", "#launchButton",
                () -> fixture.vm().oneCycle().batchSizeProperty().set("0"));
        assertStaysPut(robot, fixture.view().experimentPanel(), "#seedField", "#runButton",
                () -> fixture.vm().experiment().batchSizeProperty().set("0"));
        Screenshots.save(fixture.view(), "problems-below-both-forms");
    }

    private void assertStaysPut(FxRobot robot, BorderPane panel, String field, String button, Runnable breakIt) {
        ScrollPane scroll = (ScrollPane) panel.getCenter();
        robot.interact(() -> scroll.setVvalue(0.5));
        Node f = robot.lookup(field).query();
        Node b = robot.lookup(button).query();
        double[] before = fixture.laidOut(() -> new double[] {sceneY(f), sceneY(b)});
        robot.interact(breakIt);
        double[] after = fixture.laidOut(() -> new double[] {sceneY(f), sceneY(b)});
        assertThat(after).as("%s and %s, at y", field, button).containsExactly(before);
    }

    private static double sceneY(Node node) {
        return node.localToScene(node.getBoundsInLocal()).getMinY();
    }

    /**
     * The label column's hint fits its field, the panel at its narrowest: "blank: the last" was cut short. The field
     * shows for a table file alone (not for digits).
     */
    @Test
    void theLabelColumnsHintFitsItsField(FxRobot robot) throws Exception {
        BorderPane panel = fixture.view().experimentPanel();
        TextField label = robot.lookup("#labelColumnField").queryAs(TextField.class);
        assertThat(label.isVisible()).as("digits").isFalse();
        Path csv = Files.write(tmp.resolve("iris.csv"), TestData.irisCsv(i -> true));
        robot.interact(() -> {
            fixture.vm().experiment().datasetProperty().set(csv.toString());
            panel.setPrefWidth(panel.getMinWidth());
        });
        assertThat(label.isVisible()).as(csv.toString()).isTrue();
        double room = fixture.laidOut(() -> label.getWidth() - label.snappedLeftInset() - label.snappedRightInset());
        Text hint = new Text(label.getPromptText());
        hint.setFont(label.getFont());
        assertThat(hint.getLayoutBounds().getWidth()).as("'%s'", label.getPromptText()).isLessThanOrEqualTo(room);
    }

    /** The Vary list names what a sweep varies as the fields do ("Weight decay", not "weight-decay"). */
    @Test
    void theVaryListNamesTheFactorsByTheirFieldsLabels(FxRobot robot) {
        ChoiceBox<SweepFactor> vary = robot.lookup("#sweepFactorChoice").queryAs(ChoiceBox.class);
        assertThat(vary.getItems().stream().map(vary.getConverter()::toString)).containsExactly(
                "none (single run)", "Weight decay", "Momentum", "Batch size", "Optimizer", "Seed");
    }

    /**
     * "Evaluate every" says what 0 means in its tooltip, which a problem at the field replaces while it lasts only
     * (a flagged field lost its own tooltip for good once the problem was gone).
     */
    @Test
    void evaluateEverySaysWhatZeroMeansAndKeepsItsTooltipThroughAProblem(FxRobot robot) {
        TextField every = robot.lookup("#evalEveryField").queryAs(TextField.class);
        String own = "Iterations between evaluations on the validation set, besides the one at the end of each "
                + "epoch; 0 evaluates at the end of each epoch only";
        assertThat(every.getTooltip().getText()).isEqualTo(own);
        robot.interact(() -> fixture.vm().oneCycle().evalEveryProperty().set("-1"));
        assertThat(every.getTooltip().getText()).isEqualTo("Evaluate every must be 0 (each epoch) or more, got -1");
        robot.interact(() -> fixture.vm().oneCycle().evalEveryProperty().set("0"));
        assertThat(every.getTooltip().getText()).isEqualTo(own);
    }
}
