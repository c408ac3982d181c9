package org.rangefinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioMenuItem;
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

    private javafx.scene.control.Menu themeMenu(FxRobot robot) {
        return (javafx.scene.control.Menu) robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class)
                .getMenus().get(2).getItems().stream().filter(i -> "themeMenu".equals(i.getId())).findFirst()
                .orElseThrow();
    }

    /**
     * A user's theme that JavaFX cannot parse is refused with a dialog naming the file, where in it and why, and the
     * window keeps its theme: JavaFX dropped the file with a warning the window keeps quiet, and the menu showed the
     * theme chosen while the window looked like Light.
     */
    @Test
    void aThemeThatCannotBeParsedIsRefusedWithADialogSayingWhy(FxRobot robot) throws Exception {
        Files.writeString(themes.resolve("broken.css"), ".root { -rf-run-0: #zzz; }\n");
        var scene = fixture.workbench.scene();
        List<String> before = List.copyOf(scene.getStylesheets());
        choose(robot, "Broken");
        WorkbenchFixture.waitUntil(10, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Cannot use the theme Broken");
        assertThat(((Label) dialog.getContent()).getText()).isEqualTo(themes.resolve("broken.css")
                + ": line 1, column 20: Invalid color specification while parsing '-rf-run-0'\n\n"
                + "The window keeps the theme Light.");
        Screenshots.save(dialog, "theme-refused");
        robot.interact(() -> dialog.getScene().getWindow().hide());
        assertThat(scene.getStylesheets()).isEqualTo(before);
        assertThat(fixture.workbench.themes().currentProperty().get().name()).isEqualTo("Light");
        assertThat(fixture.prefs.get("theme", null)).isNotEqualTo("broken.css");
    }

    /**
     * Themes whose labels would read alike are told apart by their file, and each is an item of its own: Dark.css was a
     * second "Dark", and choosing either ticked both, their items of one id.
     */
    @Test
    void themesThatReadAlikeAreItemsOfTheirOwn(FxRobot robot) throws Exception {
        Files.writeString(themes.resolve("Dark.css"), ".root { -rf-run-0: #005f87; }\n");
        choose(robot, "Dark (Dark.css)");
        assertThat(fixture.prefs.get("theme", null)).isEqualTo("Dark.css");
        assertThat(fixture.workbench.scene().getStylesheets().get(2)).endsWith("/Dark.css");
        robot.clickOn("View");
        robot.clickOn("Theme");
        List<RadioMenuItem> items = themeMenu(robot).getItems().stream().filter(RadioMenuItem.class::isInstance)
                .map(RadioMenuItem.class::cast).toList();
        assertThat(items).extracting(RadioMenuItem::getText)
                .containsExactly("Light", "Dark", "Dark (Dark.css)", "Solarized dark");
        assertThat(items).extracting(RadioMenuItem::getId)
                .containsExactly("theme-Light", "theme-Dark", "theme-Dark.css", "theme-solarized-dark.css");
        assertThat(items).filteredOn(RadioMenuItem::isSelected).extracting(RadioMenuItem::getText)
                .containsExactly("Dark (Dark.css)");
        robot.type(javafx.scene.input.KeyCode.ESCAPE).type(javafx.scene.input.KeyCode.ESCAPE);
    }
}
