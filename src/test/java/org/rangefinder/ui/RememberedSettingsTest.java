package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rangefinder.data.Datasets;
import org.rangefinder.ui.settings.WorkbenchSettings;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The window opens as it was left: size, theme, dataset and its options; and remembers the new state when it closes.
 */
@ExtendWith(ApplicationExtension.class)
class RememberedSettingsTest {
    private final WorkbenchFixture fixture = new WorkbenchFixture();
    private Stage stage;
    @TempDir
    Path tmp;

    /** Opens the window on TestFX's stage with the settings {@code saved} leaves. */
    private void open(Consumer<WorkbenchSettings> saved) throws Exception {
        saved.accept(new WorkbenchSettings(fixture.prefs));
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> fixture.open(stage));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void opensAsItWasLeftAndRemembersTheNewState(FxRobot robot) throws Exception {
        open(saved -> {
            saved.setWindow(1000, 700, false);
            saved.setTheme("Dark");
            saved.setDataset("wine");
            saved.setLabelColumn("species");
            saved.setImageSize("8x6");
            saved.setRgb(true);
        });
        assertThat(fixture.workbench.scene().getWidth()).isEqualTo(1000);
        assertThat(fixture.workbench.scene().getHeight()).isEqualTo(700);
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(robot.lookup("#datasetChoice").queryComboBox().getValue()).isEqualTo("wine");
        assertThat(robot.lookup("#labelColumnField").queryTextInputControl().getText()).isEqualTo("species");
        assertThat(robot.lookup("#imageSizeField").queryTextInputControl().getText()).isEqualTo("8x6");
        assertThat(robot.lookup("#rgbCheck").queryAs(CheckBox.class).isSelected()).isTrue();

        robot.interact(() -> {
            robot.lookup("#datasetChoice").queryComboBox().setValue("iris");
            robot.lookup("#labelColumnField").queryTextInputControl().setText("");
            robot.lookup("#imageSizeField").queryTextInputControl().setText("32");
            robot.lookup("#rgbCheck").queryAs(CheckBox.class).setSelected(false);
            stage.setWidth(900);
        });
        robot.interact(stage::hide);
        WorkbenchSettings saved = new WorkbenchSettings(fixture.prefs);
        assertThat(saved.dataset()).isEqualTo("iris");
        assertThat(saved.labelColumn()).isEmpty();
        assertThat(saved.imageSize("28x28")).isEqualTo("32");
        assertThat(saved.rgb()).isFalse();
        assertThat(saved.width()).isEqualTo(900);
        assertThat(saved.theme()).isEqualTo("Dark");
    }

    /**
     * The size remembered is the content's, the scene's, which is what the next launch gives the scene: the window's
     * own size counts its title bar and frame, and the window grew by them at every launch. (Monocle draws no
     * decorations, so here the two are the same; {@link #theContentIsSizedSoThatTheWholeWindowFitsTheUsableScreen}
     * holds the arithmetic with a title bar.)
     */
    @Test
    void theSceneSizeIsRememberedAndOpensAgainTheSame(FxRobot robot) throws Exception {
        open(saved -> saved.setWindow(1000, 700, false));
        robot.interact(() -> stage.setHeight(650));
        robot.interact(stage::hide);
        WorkbenchSettings saved = new WorkbenchSettings(fixture.prefs);
        assertThat(new double[] {saved.width(), saved.height()}).containsExactly(
                fixture.workbench.scene().getWidth(), fixture.workbench.scene().getHeight());
        assertThat(saved.height()).isEqualTo(650);

        FxToolkit.setupFixture(() -> fixture.open(stage));
        assertThat(fixture.workbench.scene().getWidth()).isEqualTo(1000);
        assertThat(fixture.workbench.scene().getHeight()).isEqualTo(650);
    }

    /**
     * With a title bar of 30 px, a remembered content size that fits the screen's usable area with it is kept; one
     * that does not is shortened until the whole window, title bar included, fits. The cap was the usable area itself,
     * applied to the content, which left the window taller than the usable screen by its title bar.
     */
    @Test
    void theContentIsSizedSoThatTheWholeWindowFitsTheUsableScreen() {
        Dimension2D titleBar = new Dimension2D(0, 30);
        Rectangle2D laptop = new Rectangle2D(0, 32, 1366, 736); // a 1366x768 screen less a 32 px panel
        assertThat(Workbench.sceneSize(new Dimension2D(1000, 700), titleBar, laptop))
                .isEqualTo(new Dimension2D(1000, 700));
        assertThat(Workbench.sceneSize(new Dimension2D(1400, 880), titleBar, laptop))
                .isEqualTo(new Dimension2D(1366, 706));
        assertThat(Workbench.sceneSize(new Dimension2D(1300, 706), titleBar, laptop)).as("exactly fits")
                .isEqualTo(new Dimension2D(1300, 706));
        Dimension2D frame = new Dimension2D(8, 38); // a frame of 4 px each side, under a title bar of 30
        assertThat(Workbench.sceneSize(new Dimension2D(1400, 880), frame, laptop))
                .isEqualTo(new Dimension2D(1358, 698));
    }

    /**
     * A last dataset deleted or moved since leaves the window on the bundled default, ready to run, the status line
     * saying so once, naming the path; the default is remembered in its place. It opened with the path in the
     * dataset box, the field saying it was not found, and Run disabled.
     */
    @Test
    void aLastDatasetThatIsGoneOpensOnTheDefaultAndSaysSoOnce(FxRobot robot) throws Exception {
        Path gone = tmp.resolve("flowers.csv");
        open(saved -> saved.setDataset(gone.toString()));
        WorkbenchFixture.waitUntil(20, () -> !robot.lookup("#runButton").queryButton().isDisabled());
        assertThat(robot.lookup("#datasetChoice").queryComboBox().getValue()).isEqualTo("digits");
        assertThat(robot.lookup("#datasetChoice").queryComboBox().getItems()).containsExactlyElementsOf(
                Datasets.BUNDLED);
        assertThat(robot.lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class).getText())
                .isEqualTo("The last dataset could not be loaded ('" + gone + "' is neither a bundled dataset (iris, "
                        + "wine, digits, mnist, fashion-mnist) nor an existing file or folder); opened on digits: 1438 "
                        + "training and 359 validation samples of 1x8x8, 10 classes");
        assertThat(new WorkbenchSettings(fixture.prefs).dataset()).isEqualTo("digits");

        // once: loading the default again says its sizes alone
        robot.interact(() -> robot.lookup("#datasetChoice").queryComboBox().setValue("iris"));
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().oneCycle().trainSamplesProperty().get() == 120);
        robot.interact(() -> robot.lookup("#datasetChoice").queryComboBox().setValue("digits"));
        WorkbenchFixture.waitUntil(10, () -> fixture.vm().statusProperty().get()
                .equals("digits: 1438 training and 359 validation samples of 1x8x8, 10 classes"));
    }

    /**
     * A last dataset still there that is no longer a dataset (a table overwritten with something else) gives way to
     * the default as a missing one does, ready to run. It opened with Run disabled and the field saying what was
     * wrong with a file the user may not have meant to open again.
     */
    @Test
    void aLastDatasetThatNoLongerLoadsOpensOnTheDefault(FxRobot robot) throws Exception {
        Path notes = Files.writeString(tmp.resolve("flowers.csv"), "just some notes\n");
        open(saved -> saved.setDataset(notes.toString()));
        WorkbenchFixture.waitUntil(20, () -> !robot.lookup("#runButton").queryButton().isDisabled());
        assertThat(robot.lookup("#datasetChoice").queryComboBox().getValue()).isEqualTo("digits");
        assertThat(robot.lookup("#datasetChoice").queryComboBox().getItems()).containsExactlyElementsOf(
                Datasets.BUNDLED);
        assertThat(fixture.vm().statusProperty().get()).isEqualTo("The last dataset could not be loaded (" + notes
                + ": line 1: a single column; expected feature columns and a label, separated by commas, "
                + "semicolons or tabs); opened on digits: 1438 training and 359 validation samples of "
                + "1x8x8, 10 classes");
        assertThat(new WorkbenchSettings(fixture.prefs).dataset()).isEqualTo("digits");
    }

    /**
     * A last dataset that is still there is among the dataset box's choices, as when it was imported; it was only the
     * box's value, and once another dataset was picked it could not be picked again without importing it.
     */
    @Test
    void aLastDatasetThatIsThereIsAmongTheChoices(FxRobot robot) throws Exception {
        Path flowers = Files.copy(Datasets.bundledRoot().resolve("iris").resolve("iris.csv"),
                tmp.resolve("flowers.csv"));
        open(saved -> saved.setDataset(flowers.toString()));
        WorkbenchFixture.waitUntil(20, () -> fixture.vm().oneCycle().trainSamplesProperty().get() == 120);
        assertThat(robot.lookup("#datasetChoice").queryComboBox().getValue()).isEqualTo(flowers.toString());
        assertThat(robot.lookup("#datasetChoice").queryComboBox().getItems()).endsWith(flowers.toString())
                .hasSize(Datasets.BUNDLED.size() + 1);
        assertThat(fixture.vm().statusProperty().get()).startsWith("flowers.csv: 120 training");
    }
}
