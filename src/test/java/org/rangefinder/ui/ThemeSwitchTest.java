package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Switching themes from the menu at run time, remembering the choice, and a user's CSS file as a theme. */
@ExtendWith(ApplicationExtension.class)
class ThemeSwitchTest {
    private final WorkbenchFixture fixture = new WorkbenchFixture();

    @TempDir
    Path themes;

    @Start
    void start(Stage stage) throws Exception {
        for (String css : new String[] {"app.css", "light.css", "dark.css"}) {
            Files.copy(Path.of("themes", css), themes.resolve(css));
        }
        Files.writeString(themes.resolve("solarized-dark.css"), ".root { -rf-run-0: #b58900; }\n");
        fixture.open(stage, themes);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private void choose(FxRobot robot, String theme) {
        robot.clickOn("View");
        robot.clickOn("Theme");
        robot.clickOn(theme);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void switchesToDarkFromTheMenuAndRemembersIt(FxRobot robot) {
        assertThat(Application.getUserAgentStylesheet()).doesNotContain("dark");
        choose(robot, "Dark");
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        var scene = fixture.workbench.scene();
        assertThat(scene.getStylesheets()).hasSize(2);
        assertThat(scene.getStylesheets().get(1)).endsWith("dark.css");
        assertThat(scene.getRoot().getPseudoClassStates()).contains(PseudoClass.getPseudoClass("dark"));
        assertThat(fixture.prefs.get("theme", null)).isEqualTo("Dark");
        Screenshots.save(fixture.view(), "theme-dark");
    }

    @Test
    void chartGridLinesAreSolidInEitherTheme(FxRobot robot) {
        // AtlantaFX dashes them; the software renderer paints each dash of a running chart at each frame
        for (String theme : new String[] {"Light", "Dark"}) {
            choose(robot, theme);
            assertThat(robot.lookup(".chart-horizontal-grid-lines").queryAllAs(javafx.scene.shape.Path.class))
                    .as(theme).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.getStrokeDashArray()).isEmpty());
            assertThat(robot.lookup(".chart-vertical-grid-lines").queryAllAs(javafx.scene.shape.Path.class))
                    .as(theme).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.getStrokeDashArray()).isEmpty());
        }
    }

    /** The Theme menu says where a theme of one's own goes. */
    @Test
    void theThemeMenuNamesTheThemesFolder(FxRobot robot) {
        robot.clickOn("View");
        robot.clickOn("Theme");
        javafx.scene.control.Menu themeMenu = (javafx.scene.control.Menu) robot.lookup("#menuBar")
                .queryAs(javafx.scene.control.MenuBar.class).getMenus().get(2).getItems().stream()
                .filter(i -> "themeMenu".equals(i.getId())).findFirst().orElseThrow();
        javafx.scene.control.MenuItem folder = themeMenu.getItems().stream()
                .filter(i -> "themesFolderItem".equals(i.getId())).findFirst().orElseThrow();
        assertThat(folder.getText()).isEqualTo("Add a theme: put a .css file in " + themes.toAbsolutePath());
        assertThat(folder.isDisable()).isTrue();
        Screenshots.save(robot.lookup(".context-menu").queryAll().stream().reduce((a, b) -> b).orElseThrow(),
                "theme-menu");
        robot.type(javafx.scene.input.KeyCode.ESCAPE).type(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void aCssFileInTheThemesFolderIsATheme(FxRobot robot) throws Exception {
        choose(robot, "Solarized dark");
        var scene = fixture.workbench.scene();
        assertThat(scene.getStylesheets()).hasSize(3);
        assertThat(scene.getStylesheets().get(2)).endsWith("solarized-dark.css");
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());

        Files.writeString(themes.resolve("ocean.css"), ".root { -rf-run-0: #005f87; }\n");
        robot.clickOn("View");
        robot.clickOn("Theme");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Ocean");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getStylesheets().get(2)).endsWith("ocean.css");
        assertThat(Application.getUserAgentStylesheet()).doesNotContain("dark");
    }
}
