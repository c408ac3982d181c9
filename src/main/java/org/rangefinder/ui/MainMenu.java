package org.rangefinder.ui;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import org.rangefinder.handoff.ExportFormat;
import org.rangefinder.ui.theme.Theme;
import org.rangefinder.ui.theme.ThemeManager;

/** The menu bar, with the keyboard shortcuts of the window's main actions. */
final class MainMenu {

    private MainMenu() {
    }

    static MenuBar build(WorkbenchView view, ThemeManager themes, Consumer<Theme> applyTheme) {
        Menu file = new Menu("File");
        file.getItems().addAll(
                item("Open curve...", "Shortcut+O", "openCurveItem", view::openCurve),
                item("Import dataset file...", "Shortcut+I", "importFileItem", view::importDatasetFile),
                item("Import image folder...", null, "importFolderItem", view::importDatasetFolder),
                item("Open hyperparameters...", "Shortcut+Shift+O", "openHyperparametersItem",
                        view::openHyperparameters),
                new SeparatorMenuItem(),
                item("Export hyperparameters...", "Shortcut+E", "exportHyperparametersItem", view::exportHyperparameters),
                codeMenu(view),
                item("Export chart as PNG...", "Shortcut+Shift+P", "exportPngItem", view::exportChartPng),
                item("Export curves as CSV...", "Shortcut+Shift+E", "exportCsvItem", view::exportCurvesCsv),
                item("Save trained model...", "Shortcut+S", "saveModelItem", view::saveModel),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", "quitItem", view::close));
        Menu run = new Menu("Run");
        run.getItems().addAll(
                item("Run range test", "Shortcut+R", "runItem", view::run),
                item("Cancel running", "Esc", "cancelItem", view::cancel),
                new SeparatorMenuItem(),
                item("Launch 1cycle", "Shortcut+L", "launchItem", view::launch));
        Menu viewMenu = new Menu("View");
        Menu theme = new Menu("Theme");
        theme.setId("themeMenu");
        // the themes last: on the way from "Theme" to one of its themes lower down, the pointer crossed the items
        // below it, whose hover closed the themes
        viewMenu.getItems().addAll(
                shown("Experiment panel", "showLeftPanelItem", view.panels().leftShownProperty()),
                shown("1cycle panel", "showRightPanelItem", view.panels().rightShownProperty()),
                new SeparatorMenuItem(), theme);
        fillThemes(theme, themes, applyTheme);
        themes.setOnProblem((refused, problem) -> refused(view, themes, refused, problem));
        // read the themes folder again whenever the menu opens: a CSS file dropped there shows up at once
        viewMenu.setOnShowing(e -> fillThemes(theme, themes, applyTheme));
        MenuBar bar = new MenuBar(file, run, viewMenu);
        bar.setId("menuBar");
        return bar;
    }

    private static Menu codeMenu(WorkbenchView view) {
        Menu code = new Menu("Export as code");
        code.setId("exportCodeMenu");
        for (ExportFormat format : ExportFormat.values()) {
            code.getItems().add(item(switch (format) {
                case PYTORCH -> "PyTorch (OneCycleLR)...";
                case FASTAI -> "fastai (fit_one_cycle)...";
                case DL4J -> "DL4J (Java)...";
            }, null, "export-" + format.id(), () -> view.exportCode(format)));
        }
        return code;
    }

    private static void fillThemes(Menu menu, ThemeManager themes, Consumer<Theme> applyTheme) {
        ToggleGroup group = new ToggleGroup();
        menu.getItems().clear();
        for (Theme t : themes.available()) {
            RadioMenuItem item = new RadioMenuItem(t.label());
            item.setId("theme-" + t.name());
            item.setToggleGroup(group);
            Theme current = themes.currentProperty().get();
            item.setSelected(current != null && current.name().equals(t.name()));
            item.setOnAction(e -> applyTheme.accept(t));
            menu.getItems().add(item);
        }
        if (themes.folder() != null) {
            // where a theme of one's own goes: a .css file there is listed the next time the menu opens
            MenuItem folder = new MenuItem("Add a theme: put a .css file in " + themes.folder());
            folder.setId("themesFolderItem");
            folder.setDisable(true);
            menu.getItems().addAll(new SeparatorMenuItem(), folder);
        }
    }

    /**
     * Says in a dialog why a theme was not applied, and which theme the window keeps, once the window shows: a theme
     * remembered from the last launch is refused before it does.
     */
    private static void refused(WorkbenchView view, ThemeManager themes, Theme theme, String problem) {
        Platform.runLater(() -> {
            Theme kept = themes.currentProperty().get();
            Dialogs.error(view.getScene() == null ? null : view.getScene().getWindow(),
                    "Cannot use the theme " + theme.label(),
                    kept == null ? problem : problem + "\n\nThe window keeps the theme " + kept.label() + ".");
        });
    }

    /** A check item that shows or hides a side panel. */
    private static CheckMenuItem shown(String text, String id, BooleanProperty shown) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setId(id);
        item.selectedProperty().bindBidirectional(shown);
        return item;
    }

    private static MenuItem item(String text, String accelerator, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
