package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import javafx.application.Application;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rangefinder.ui.settings.WorkbenchSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window opens as it was left: size, theme, dataset and its options; and remembers the new state when it closes.
 */
@ExtendWith(ApplicationExtension.class)
class RememberedSettingsTest {
    private final WorkbenchFixture fixture = new WorkbenchFixture();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        WorkbenchSettings saved = new WorkbenchSettings(fixture.prefs);
        saved.setWindow(1000, 700, false);
        saved.setTheme("Dark");
        saved.setDataset("wine");
        saved.setLabelColumn("species");
        saved.setImageSize("8x6");
        saved.setRgb(true);
        fixture.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void opensAsItWasLeftAndRemembersTheNewState(FxRobot robot) {
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
            stage.hide();
        });
        WorkbenchSettings saved = new WorkbenchSettings(fixture.prefs);
        assertThat(saved.dataset()).isEqualTo("iris");
        assertThat(saved.labelColumn()).isEmpty();
        assertThat(saved.imageSize("28x28")).isEqualTo("32");
        assertThat(saved.rgb()).isFalse();
        assertThat(saved.width()).isEqualTo(900);
        assertThat(saved.theme()).isEqualTo("Dark");
    }
}
